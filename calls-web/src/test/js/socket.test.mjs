// Unit tests of the signaling socket's silence detection, on fake timers and a fake WebSocket:
// node --test calls-web/src/test/js
import { afterEach, beforeEach, test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { Signaling } from '../../main/webapp/js/socket.js';
import { PING_INTERVAL_MS, PROBE_LIMIT_MS, SILENCE_LIMIT_MS } from '../../main/webapp/js/keepalive.js';

/** A WebSocket whose server side the test plays: frames the client sends are kept, and `answer` replies to them. */
class FakeWebSocket {
  static opened = [];

  constructor(url) {
    this.url = url;
    this.sent = [];
    this.closed = false;
    this.answer = () => {};
    FakeWebSocket.opened.push(this);
  }

  send(text) {
    const frame = JSON.parse(text);
    this.sent.push(frame);
    this.answer(frame);
  }

  close() {
    this.closed = true;
  }

  /** The server's side: the connection opens and says hello, from the server run that started at startedAt. */
  accept(connectionId, startedAt = 1) {
    this.onopen();
    this.deliver({ event: 'hello', seq: 0, data: { connection_id: connectionId, server_started_at: startedAt } });
  }

  deliver(frame) {
    this.onmessage({ data: JSON.stringify(frame) });
  }
}

let states;

beforeEach(() => {
  mock.timers.enable({ apis: ['setTimeout', 'setInterval', 'Date'] });
  globalThis.WebSocket = FakeWebSocket;
  FakeWebSocket.opened = [];
  states = [];
});

afterEach(() => {
  mock.timers.reset();
  delete globalThis.WebSocket;
});

/** A signaling client connected as c1, its states recorded with the fake clock's time. */
function connected() {
  const socket = new Signaling('ws://server/calls/api/v1/websocket');
  socket.addEventListener('state', (e) => states.push({ state: e.detail, at: Date.now() }));
  socket.start();
  FakeWebSocket.opened[0].accept('c1');
  return { socket, ws: FakeWebSocket.opened[0] };
}

function pings(ws) {
  return ws.sent.filter((frame) => frame.action === 'ping');
}

test('the pings stay far below the server\'s action rate and come well within the silence limit', () => {
  assert.ok(1000 / PING_INTERVAL_MS < 10, 'the server allows 10 actions a second');
  assert.ok(SILENCE_LIMIT_MS >= 2 * PING_INTERVAL_MS, 'a pong that comes late once is no death');
  assert.ok(SILENCE_LIMIT_MS <= 10000, 'a silent socket is noticed within 10 s');
});

test('a socket that goes silent (no FIN, no RST) is declared dead within 10 s and a new one is opened', () => {
  const { ws } = connected();
  assert.deepEqual(states.map((s) => s.state), ['open']);
  const start = Date.now();
  for (let second = 0; second < 10 && states.length === 1; second++) {
    mock.timers.tick(1000);
  }
  assert.ok(pings(ws).length >= 1, 'it pinged');
  assert.equal(states[1].state, 'reconnecting');
  assert.ok(states[1].at - start <= 10000, `declared dead after ${states[1].at - start} ms`);
  assert.equal(ws.closed, true);
  mock.timers.tick(500);
  assert.equal(FakeWebSocket.opened.length, 2, 'a new WebSocket');
});

test('a live socket answering its pings is never declared dead', () => {
  const { ws } = connected();
  ws.answer = (frame) => ws.deliver({ status: 'OK', seq_reply: frame.seq, data: { text: 'pong' } });
  mock.timers.tick(120000);
  assert.equal(pings(ws).length, 120000 / PING_INTERVAL_MS);
  assert.deepEqual(states.map((s) => s.state), ['open']);
  assert.equal(ws.closed, false);
});

test('events keep a socket alive as well as pongs do, and silence counts from the last frame', () => {
  const { ws } = connected();
  for (let i = 1; i <= 6; i++) {
    mock.timers.tick(SILENCE_LIMIT_MS - 1000);
    ws.deliver({ event: 'user_voice_on', seq: i, data: {} });
  }
  assert.deepEqual(states.map((s) => s.state), ['open']);
  mock.timers.tick(SILENCE_LIMIT_MS);
  assert.equal(states.at(-1).state, 'reconnecting');
});

test('after a network change a socket that no longer gets through is replaced within the probe limit', () => {
  const { socket, ws } = connected();
  mock.timers.tick(1000);
  socket.probe();
  assert.equal(pings(ws).length, 1, 'a ping at once');
  mock.timers.tick(PROBE_LIMIT_MS);
  assert.deepEqual(states.map((s) => s.state), ['open', 'reconnecting']);
  assert.ok(PROBE_LIMIT_MS < SILENCE_LIMIT_MS);
});

test('a probed socket that answers stays, with the ordinary silence limit again', () => {
  const { socket, ws } = connected();
  ws.answer = (frame) => ws.deliver({ status: 'OK', seq_reply: frame.seq, data: { text: 'pong' } });
  socket.probe();
  mock.timers.tick(60000);
  assert.deepEqual(states.map((s) => s.state), ['open']);
});

test('a stopped socket is not declared dead later', () => {
  const { socket, ws } = connected();
  socket.stop();
  mock.timers.tick(60000);
  assert.equal(FakeWebSocket.opened.length, 1);
  assert.ok(ws.closed);
});

/** A connected client whose socket dropped and whose new socket (c2) said hello: resolve the hook it returns to finish resuming. */
function resuming() {
  const { socket, ws } = connected();
  let resumed;
  socket.onReconnect = () => new Promise((resolve) => { resumed = resolve; });
  ws.onclose({ code: 1006 });
  mock.timers.tick(500);
  FakeWebSocket.opened[1].accept('c2');
  return { socket, resumed: () => resumed() };
}

test('after a drop the new socket is open as soon as its reconnect hook is done', async () => {
  const { socket, resumed } = resuming();
  await Promise.resolve();
  assert.equal(states.at(-1).state, 'reconnecting', 'not open while the call is being resumed');
  resumed();
  await new Promise(setImmediate);
  assert.equal(states.at(-1).state, 'open');
  assert.equal(socket.connectionId, 'c2');
});

test('a socket that is lost while its reconnect hook runs is not declared open afterwards', async () => {
  const { socket, resumed } = resuming();
  mock.timers.tick(SILENCE_LIMIT_MS);
  resumed();
  await new Promise(setImmediate);
  assert.deepEqual(states.map((s) => s.state), ['open', 'reconnecting', 'reconnecting']);
  assert.equal(socket.ready, false);
});

test('the reconnect hook is told whether the new socket reached a new run of the server', async () => {
  const { socket, ws } = connected();
  const told = [];
  socket.onReconnect = async (previous, lostAt, send, restarted) => { told.push(restarted); };
  ws.onclose({ code: 1006 });
  mock.timers.tick(500);
  FakeWebSocket.opened[1].accept('c2');
  await new Promise(setImmediate);
  FakeWebSocket.opened[1].onclose({ code: 1006 });
  mock.timers.tick(500);
  FakeWebSocket.opened[2].accept('c3', 2);
  await new Promise(setImmediate);
  assert.deepEqual(told, [false, true]);
});

test('a connection the server closed as going away (1001) is remembered, across failed attempts, until a new one says hello', async () => {
  const { socket, ws } = connected();
  ws.onclose({ code: 1001 });
  assert.equal(socket.goingAway, true);
  mock.timers.tick(500);
  FakeWebSocket.opened[1].onclose({ code: 1006 });
  assert.equal(socket.goingAway, true, 'attempts fail while the server is down');
  mock.timers.tick(1000);
  FakeWebSocket.opened[2].accept('c2');
  await new Promise(setImmediate);
  assert.equal(socket.goingAway, false);
});

test('a connection lost otherwise is not the server going away', () => {
  const { socket, ws } = connected();
  ws.onclose({ code: 1006 });
  assert.equal(socket.goingAway, false);
});

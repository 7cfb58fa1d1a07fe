// Unit tests of the ICE restart after a network change, on fake timers: node --test calls-web/src/test/js
import { afterEach, beforeEach, test, mock } from 'node:test';
import assert from 'node:assert/strict';
import {
  DISCONNECTED_GRACE_MS, IceRestart, RESTART_LIMIT_MS, watchNetwork,
} from '../../main/webapp/js/icerestart.js';

let log;
let restart;

beforeEach(() => {
  mock.timers.enable({ apis: ['setTimeout'] });
  log = [];
  restart = new IceRestart({
    restart: () => log.push('restartIce'),
    reconnecting: () => log.push('reconnecting'),
    recovered: () => log.push('recovered'),
    gaveUp: () => log.push('gave up'),
  });
});

afterEach(() => {
  mock.timers.reset();
});

test('a path that stays disconnected past the grace is restarted, and the page says reconnecting until it is back', () => {
  restart.changed('connected');
  restart.changed('disconnected');
  mock.timers.tick(DISCONNECTED_GRACE_MS - 1);
  assert.deepEqual(log, []);
  mock.timers.tick(1);
  assert.deepEqual(log, ['restartIce', 'reconnecting']);
  restart.answered('disconnected');
  assert.deepEqual(log, ['restartIce', 'reconnecting'], 'answered, but no path yet');
  restart.changed('connected');
  assert.deepEqual(log, ['restartIce', 'reconnecting', 'recovered']);
  mock.timers.tick(RESTART_LIMIT_MS);
  assert.deepEqual(log, ['restartIce', 'reconnecting', 'recovered'], 'a completed restart does not give up later');
});

test('a path that comes back within the grace is not restarted', () => {
  restart.changed('connected');
  restart.changed('disconnected');
  mock.timers.tick(DISCONNECTED_GRACE_MS / 2);
  restart.changed('connected');
  mock.timers.tick(RESTART_LIMIT_MS);
  assert.deepEqual(log, []);
});

test('a failed path is restarted at once', () => {
  restart.changed('connected');
  restart.changed('failed');
  assert.deepEqual(log, ['restartIce', 'reconnecting']);
});

test('an answer outside a restart changes nothing', () => {
  restart.changed('connected');
  restart.answered('connected');
  assert.deepEqual(log, []);
});

test('a path that never connected is not restarted: the connect timeout reports it', () => {
  restart.changed('disconnected');
  restart.changed('failed');
  restart.networkChanged();
  mock.timers.tick(RESTART_LIMIT_MS * 2);
  assert.deepEqual(log, []);
});

test('a network change restarts a path that still looks connected; it is back once the restart is answered', () => {
  restart.changed('connected');
  restart.networkChanged();
  assert.deepEqual(log, ['restartIce', 'reconnecting']);
  restart.changed('connected');
  assert.deepEqual(log, ['restartIce', 'reconnecting'], 'the restart\'s offer is not answered yet');
  restart.answered('connected');
  assert.deepEqual(log, ['restartIce', 'reconnecting', 'recovered']);
});

test('a restart not completed within the limit gives up once, and further changes do nothing', () => {
  restart.changed('connected');
  restart.changed('failed');
  mock.timers.tick(RESTART_LIMIT_MS - 1000);
  restart.networkChanged();
  assert.deepEqual(log, ['restartIce', 'reconnecting', 'restartIce'], 'restarted again, but still reconnecting');
  mock.timers.tick(1000);
  assert.deepEqual(log, ['restartIce', 'reconnecting', 'restartIce', 'gave up'], 'the limit runs from the first restart');
  restart.changed('failed');
  restart.answered('connected');
  restart.networkChanged();
  mock.timers.tick(RESTART_LIMIT_MS * 2);
  assert.equal(log.length, 4);
});

test('a stopped restart (the call ended) neither restarts nor gives up', () => {
  restart.changed('connected');
  restart.changed('disconnected');
  restart.stop();
  mock.timers.tick(RESTART_LIMIT_MS * 2);
  restart.networkChanged();
  assert.deepEqual(log, []);
});

test('the network watch reports the online event and connection type changes, not estimate changes', () => {
  const window = new EventTarget();
  const connection = new EventTarget();
  connection.type = 'wifi';
  let changes = 0;
  const unwatch = watchNetwork(() => { changes += 1; }, { window, connection });
  window.dispatchEvent(new Event('online'));
  connection.dispatchEvent(new Event('change'));
  assert.equal(changes, 1, 'a new round-trip estimate is not a new network');
  connection.type = 'ethernet';
  connection.dispatchEvent(new Event('change'));
  assert.equal(changes, 2);
  unwatch();
  window.dispatchEvent(new Event('online'));
  connection.type = 'wifi';
  connection.dispatchEvent(new Event('change'));
  assert.equal(changes, 2, 'nothing after it stopped');
});

test('the network watch works without the Network Information API', () => {
  const window = new EventTarget();
  let changes = 0;
  const unwatch = watchNetwork(() => { changes += 1; }, { window });
  window.dispatchEvent(new Event('online'));
  unwatch();
  assert.equal(changes, 1);
});

// Entry point: the app, its renderer, the routes, and the test handle `window.callsDebug`.

import { App } from './app.js';
import { Renderer } from './views/render.js';
import { pathOf } from './mediapath.js';

const app = new App();
const renderer = new Renderer(app);

let scheduled = false;
app.addEventListener('change', () => {
  if (!scheduled) {
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      renderer.render();
    });
  }
});
window.addEventListener('hashchange', () => {
  if (app.me && app.route.name !== 'signin') {
    app.followHash();
  }
});

// What end-to-end tests (and curious admins in the console) read: state and receive statistics.
window.callsDebug = {
  state() {
    const call = app.call;
    const live = app.calling.liveCall();
    return {
      route: app.route.name,
      signaling: app.socketState,
      connectionId: app.socket ? app.socket.connectionId : null,
      call: call ? {
        status: call.status,
        sessionId: call.sessionId,
        callId: call.callId,
        channelId: call.channel.id,
        muted: call.muted,
        sharing: !!call.share.stream,
        connectionState: call.pc ? call.pc.connectionState : null,
        joinedAt: call.joinedAt,
        connectedAt: call.connectedAt,
        remoteAudio: [...call.remote.audio.values()].map((el) => ({
          session: el.dataset.session, track: el.dataset.track, paused: el.paused,
          attached: !!el.srcObject && el.isConnected,
        })),
        remoteScreens: [...call.remote.screens.keys()],
      } : null,
      outcome: app.outcome ? { status: app.outcome.status, error: app.outcome.error } : null,
      participants: live ? Object.values(live.sessions) : [],
    };
  },
  /** The call ringing here (null when none), the channels with a missed call, and the tab's title. */
  incoming() {
    const rang = app.incoming.ringing.current();
    return {
      ringing: rang ? { callId: rang.callId, channelId: rang.channelId, callerId: rang.callerId } : null,
      missed: [...app.incoming.ringing.missed],
      title: document.title,
    };
  },
  inbound() {
    return app.call ? app.call.inboundStats() : Promise.resolve([]);
  },
  /** The local candidate of the selected candidate pair: its type (host, srflx, relay) and protocols. */
  async path() {
    const pc = app.call && app.call.pc;
    const path = pc ? pathOf(await pc.getStats()) : null;
    return path ? { candidateType: path.candidateType, protocol: path.protocol, relayProtocol: path.relayProtocol } : null;
  },
};

app.session.boot();

// The service worker that makes the app installable and able to start offline (a secure context only;
// elsewhere there is none). Registered after load, so it never competes with the page's own modules.
if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register(new URL('sw.js', document.baseURI), { type: 'module' })
      .catch((e) => console.warn('The service worker was not registered:', e));
  });
}

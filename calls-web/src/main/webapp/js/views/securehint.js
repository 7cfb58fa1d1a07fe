// The note a page opened over plain HTTP from another machine shows: calls need HTTPS, and here is this
// page on the server's HTTPS listener. Nothing where the browser can give the page a microphone.

import { h } from '../dom.js';
import { canCall, httpsAddress } from '../securecontext.js';

export function secureHint() {
  if (canCall(window)) {
    return null;
  }
  const https = httpsAddress(location.href);
  return h('section', { class: 'secure-hint', id: 'secure-hint-text', role: 'note' },
    h('strong', {}, 'Calls need a secure connection. '),
    'Your browser lets a page use the microphone only over HTTPS (or on the server\u2019s own machine), and this page was opened over plain HTTP. ',
    https ? h('a', { href: https, id: 'secure-hint-link' }, 'Open this page over HTTPS') : null,
    https ? '. The server\u2019s certificate may need to be accepted the first time.' : null);
}

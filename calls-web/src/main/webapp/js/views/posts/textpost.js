// A plain text post: its message as text nodes, http and https addresses as links that open apart from
// this page (never markup: no element is made of the message's text).

import { h } from '../../dom.js';
import { textParts } from '../../linkify.js';

export function textPost(app, post) {
  return h('p', { class: 'post-text' }, textParts(post.message).map((part) => (part.href
    ? h('a', { href: part.href, target: '_blank', rel: 'noopener noreferrer' }, part.text)
    : part.text)));
}

// The contract's REST API, authenticated by the HttpOnly session cookie. Every request carries
// X-Requested-With, which the server requires on cookie-authenticated state changes (its CSRF guard).

const API_BASE = new URL('api/v1/', document.baseURI);

/** A failed request: the contract's error body {id, message, status_code}, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(status, id, message) {
    super(message || `Request failed (${status})`);
    this.status = status;
    this.id = id || (status === 0 ? 'network' : 'unknown');
  }
}

/** A request may be given a time limit, after which fetch aborts it (a network failure, status 0). */
async function request(method, path, body, timeoutMs) {
  const headers = { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin' };
  if (timeoutMs) {
    const abort = new AbortController();
    setTimeout(() => abort.abort(), timeoutMs);
    init.signal = abort.signal;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(new URL(path, API_BASE), init);
  } catch (e) {
    throw new ApiError(0, 'network', 'The server cannot be reached.');
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch (e) {
      json = null;
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, json && json.id, json && json.message);
  }
  return json;
}

const enc = encodeURIComponent;

export const api = {
  ping: () => request('GET', 'system/ping'),
  login: (loginId, password) => request('POST', 'users/login', { login_id: loginId, password }),
  logout: () => request('POST', 'users/logout'),
  me: () => request('GET', 'users/me'),
  user: (id) => request('GET', `users/${enc(id)}`),
  myChannels: () => request('GET', 'users/me/channels'),
  channel: (id) => request('GET', `channels/${enc(id)}`),
  /** A group message has at most 8 members: one page holds them all. */
  channelMembers: (id) => request('GET', `channels/${enc(id)}/members?per_page=200`),
  callsConfig: () => request('GET', 'calls/config'),
  activeCalls: (timeoutMs) => request('GET', 'calls', undefined, timeoutMs),
  channelCall: (channelId) => request('GET', `calls/channels/${enc(channelId)}`),
  callLink: (channelId) => request('GET', `calls/channels/${enc(channelId)}/link`),
  /** Host controls: action is make, mute, mute-others, screen-off, lower-hand, remove or end. */
  host: (callId, action, body) => request('POST', `calls/${enc(callId)}/host/${action}`, body),
  createPost: (channelId, rootId, message) => request('POST', 'posts', { channel_id: channelId, root_id: rootId, message }),
  thread: (postId) => request('GET', `posts/${enc(postId)}/thread`),
  channelPosts: (channelId, before, perPage) =>
    request('GET', `channels/${enc(channelId)}/posts?before=${enc(before || '')}&per_page=${perPage}`),
  /** People and channels: what the pickers, the channel's members and the admin's users page ask. */
  users: (term, page = 0) => request('GET', `users?term=${enc(term || '')}&page=${page}&per_page=60`),
  createUser: (user) => request('POST', 'users', user),
  resetPassword: (userId, password) => request('PUT', `users/${enc(userId)}/password`, { new_password: password }),
  setActive: (userId, active) => request('PUT', `users/${enc(userId)}/active`, { active }),
  publicChannels: (term) => request('GET', `channels?term=${enc(term || '')}&per_page=200`),
  createChannel: (name, displayName, type) => request('POST', 'channels', { name, display_name: displayName, type }),
  direct: (userIds) => request('POST', 'channels/direct', userIds),
  group: (userIds) => request('POST', 'channels/group', userIds),
  addMember: (channelId, userId) => request('POST', `channels/${enc(channelId)}/members`, { user_id: userId }),
  removeMember: (channelId, userId) => request('DELETE', `channels/${enc(channelId)}/members/${enc(userId)}`),
};

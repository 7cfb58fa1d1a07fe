// The client's routes, read from the page's address: a call link (<base>channels/<id>) joins that
// channel's call after sign-in; the hash #channel/<id> shows one of the user's channels, #browse, #people
// and #admin their pages, anything else the home page.
// Pure functions of strings, so they are unit-tested without a browser.

const CALL_LINK = /^channels\/([a-z0-9]{26})\/?$/;
const CHANNEL_HASH = /^#channel\/([a-z0-9]{26})$/;

/** The channel id of a call link, or null: the page's path below the client's base path is channels/<id>. */
export function callLinkChannel(basePath, pathname) {
  const path = pathname.startsWith(basePath) ? pathname.slice(basePath.length) : '';
  const match = CALL_LINK.exec(path);
  return match ? match[1] : null;
}

/** The hash that shows a channel. */
export function channelHash(channelId) {
  return `#channel/${channelId}`;
}

/** Pages of their own: browsing and creating channels, the people picker, the admin's users page. */
export const PAGES = { '#browse': 'browse', '#people': 'people', '#admin': 'admin' };

/** The route a hash shows: a page, the channel it names if it is one of the user's, else home. */
export function routeOfHash(hash, channels) {
  if (PAGES[hash]) {
    return { name: PAGES[hash] };
  }
  const match = CHANNEL_HASH.exec(hash);
  const id = match ? match[1] : null;
  return id && channels.some((c) => c.id === id) ? { name: 'channel', channelId: id } : { name: 'home' };
}

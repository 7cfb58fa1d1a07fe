// A message's text cut into plain text and links, for the views to put on the page as text nodes and <a>
// elements (never as markup). Only http and https addresses become links, so no "javascript:" or "data:"
// address can run. Pure, so it is unit-tested without a browser.

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"]+/gi;
/** Punctuation that ends a sentence rather than the address it follows. */
const TRAILING = /[.,;:!?)\]}'"]+$/;

/** [{text}] and [{text, href}] parts whose texts, joined, are the message. */
export function textParts(message) {
  const text = String(message || '');
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const address = match[0].replace(TRAILING, '');
    const href = safeHref(address);
    if (!href) {
      continue;
    }
    if (match.index > last) {
      parts.push({ text: text.slice(last, match.index) });
    }
    parts.push({ text: address, href });
    last = match.index + address.length;
  }
  if (last < text.length) {
    parts.push({ text: text.slice(last) });
  }
  return parts;
}

/** The address as a link target when it is a well-formed http or https URL, else null. */
export function safeHref(address) {
  try {
    const url = new URL(address);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch (e) {
    return null;
  }
}

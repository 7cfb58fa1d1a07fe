// A search field that asks the server as people type: only the newest question's answer is used, and a
// failure is said the page's usual way.

import { h } from '../dom.js';
import { latestOnly } from '../latest.js';

/**
 * @param {{id: string, placeholder: string, ask: (term) => Promise, use: (answer) => void, failed: (e) => void}} options
 * @returns {{input: HTMLInputElement, find: () => Promise}} find asks again for what the field holds
 */
export function searchBox({ id, placeholder, ask, use, failed }) {
  const input = h('input', { type: 'search', id, placeholder, autocomplete: 'off', 'data-key': id });
  const newest = latestOnly(ask, use);
  const find = () => newest(input.value.trim()).catch(failed);
  input.addEventListener('input', find);
  return { input, find };
}

// Unit tests of how a message's text becomes text and links: node --test calls-web/src/test/js
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { safeHref, textParts } from '../../main/webapp/js/linkify.js';

test('plain text stays one text part, markup included', () => {
  assert.deepEqual(textParts('<b>hi</b> & <script>x()</script>'), [{ text: '<b>hi</b> & <script>x()</script>' }]);
  assert.deepEqual(textParts(''), []);
});

test('http and https addresses become links, the punctuation after them stays text', () => {
  assert.deepEqual(textParts('see https://example.org/a?b=1, then http://x.test.'), [
    { text: 'see ' },
    { text: 'https://example.org/a?b=1', href: 'https://example.org/a?b=1' },
    { text: ', then ' },
    { text: 'http://x.test', href: 'http://x.test/' },
    { text: '.' },
  ]);
});

test('no other scheme becomes a link', () => {
  assert.deepEqual(textParts('javascript:alert(1) data:text/html,x'), [{ text: 'javascript:alert(1) data:text/html,x' }]);
  assert.equal(safeHref('javascript:alert(1)'), null);
  assert.equal(safeHref('ftp://x.test/'), null);
  assert.equal(safeHref('https://'), null);
});

test('the parts always join to the message', () => {
  const message = 'a https://x.test/p) b (https://y.test/q) c';
  assert.equal(textParts(message).map((p) => p.text).join(''), message);
});

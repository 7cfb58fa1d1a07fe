// Unit tests of the search boxes' newest-answer rule: node --test calls-web/src/test/js
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { latestOnly } from '../../main/webapp/js/latest.js';

test('a late answer to an older question is dropped', async () => {
  const used = [];
  const resolvers = {};
  const search = latestOnly((term) => new Promise((resolve) => { resolvers[term] = resolve; }), (answer) => used.push(answer));
  const first = search('e');
  const second = search('eli');
  resolvers.eli(['eli']);
  await second;
  resolvers.e(['dee', 'eli']);
  await first;
  assert.deepEqual(used, [['eli']]);
});

test('errors reach the caller', async () => {
  const search = latestOnly(() => Promise.reject(new Error('down')), () => assert.fail());
  await assert.rejects(search('x'), /down/);
});

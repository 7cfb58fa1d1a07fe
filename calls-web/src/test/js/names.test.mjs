// Unit tests of the names people see: node --test calls-web/src/test/js
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NameCache } from '../../main/webapp/js/names.js';

const me = { id: 'me', username: 'amy', display_name: 'Amy A' };
const directory = {
  bo: { id: 'bo', username: 'bo', display_name: 'Bo B' },
  cy: { id: 'cy', username: 'cy', display_name: '' },
};

/** A cache over the directory above; its fetches are counted, and answered when the test settles them. */
function cache(members = {}) {
  const fetched = [];
  const changes = { count: 0 };
  const names = new NameCache({
    fetchUser: (id) => {
      fetched.push(id);
      return directory[id] ? Promise.resolve(directory[id]) : Promise.reject(new Error('not found'));
    },
    fetchMembers: (channelId) => Promise.resolve((members[channelId] || []).map((id) => ({ user_id: id }))),
    me: () => me,
    changed: () => { changes.count += 1; },
  });
  names.remember(me);
  return { names, fetched, changes };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('a known user is named at once by display name, else by username', async () => {
  const { names, fetched } = cache();
  assert.equal(names.userName('me'), 'Amy A');
  names.userName('cy');
  await settle();
  assert.equal(names.userName('cy'), 'cy');
  assert.deepEqual(fetched, ['cy']);
});

test('an unknown user is "Someone", fetched once, and the views told when the name arrives', async () => {
  const { names, fetched, changes } = cache();
  assert.equal(names.userName('bo'), 'Someone');
  assert.equal(names.userName('bo'), 'Someone');
  await settle();
  assert.equal(names.userName('bo'), 'Bo B');
  assert.deepEqual(fetched, ['bo']);
  assert.equal(changes.count, 1);
});

test('a user who cannot be fetched stays "Someone" and is not asked for again', async () => {
  const { names, fetched } = cache();
  names.userName('ghost');
  await settle();
  assert.equal(names.userName('ghost'), 'Someone');
  assert.deepEqual(fetched, ['ghost']);
});

test('a direct message is titled by the other person\'s display name once known, by username until then', async () => {
  const { names } = cache();
  const dm = { id: 'd1', type: 'D', name: 'bo__me', display_name: 'amy, bo' };
  assert.equal(names.channelTitle(dm), 'bo');
  await settle();
  assert.equal(names.channelTitle(dm), 'Bo B');
});

test('a group message is titled by the others\' names in alphabetical order once all are known', async () => {
  const { names } = cache({ g1: ['me', 'cy', 'bo'] });
  const group = { id: 'g1', type: 'G', name: 'g', display_name: 'amy, bo, cy' };
  assert.equal(names.channelTitle(group), 'bo, cy');
  await settle();
  names.channelTitle(group);
  await settle();
  assert.equal(names.channelTitle(group), 'Bo B, cy');
});

test('channels are titled by their display name', () => {
  const { names } = cache();
  assert.equal(names.channelTitle({ id: 'o1', type: 'O', name: 'town', display_name: 'Town Square' }), 'Town Square');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { dropLocalCopies, dropUserCopies, findLocalCopy, keepLocalCopy } from '../src/lib/localCopy.js';

function memoryStorage() {
  const map = new Map();
  return {
    get length() { return map.size; },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (key) => (map.has(key) ? map.get(key) : null),
    setItem: (key, value) => map.set(key, String(value)),
    removeItem: (key) => map.delete(key),
    map,
  };
}

test('unsaved edits are kept per user, article and version, and found again', () => {
  const storage = memoryStorage();
  keepLocalCopy(storage, 'reporter', 'a1', 4, { headline: 'Typed' }, Date.parse('2026-12-02T10:00:00Z'));
  keepLocalCopy(storage, 'editor', 'a1', 4, { headline: 'Not mine' });
  keepLocalCopy(storage, 'reporter', 'a2', 4, { headline: 'Other article' });
  assert.deepEqual(findLocalCopy(storage, 'reporter', 'a1', 4),
    { version: 4, fields: { headline: 'Typed' }, at: '2026-12-02T10:00:00.000Z', exact: true });
  assert.equal(findLocalCopy(storage, 'auditor', 'a1', 4), null);
});

test('one copy per article: the newest version\'s replaces the others', () => {
  const storage = memoryStorage();
  keepLocalCopy(storage, 'reporter', 'a1', 2, { body: '<p>old</p>' });
  keepLocalCopy(storage, 'reporter', 'a1', 3, { body: '<p>newer</p>' });
  assert.equal(storage.length, 1);
  assert.deepEqual(findLocalCopy(storage, 'reporter', 'a1', 3).fields, { body: '<p>newer</p>' });
});

test('a copy made on an earlier version is offered, marked as not exact; one made on a later version is not', () => {
  const storage = memoryStorage();
  keepLocalCopy(storage, 'reporter', 'a1', 3, { body: '<p>typed on 3</p>' });
  const copy = findLocalCopy(storage, 'reporter', 'a1', 5);
  assert.equal(copy.version, 3);
  assert.equal(copy.exact, false);
  assert.deepEqual(copy.fields, { body: '<p>typed on 3</p>' });
  assert.equal(findLocalCopy(storage, 'reporter', 'a1', 2), null);
});

test('no changes clears the copy; dropping forgets every version of that article only', () => {
  const storage = memoryStorage();
  keepLocalCopy(storage, 'reporter', 'a1', 4, { headline: 'x' });
  keepLocalCopy(storage, 'reporter', 'a1', 4, {});
  assert.equal(findLocalCopy(storage, 'reporter', 'a1', 4), null);
  keepLocalCopy(storage, 'reporter', 'a1', 4, { headline: 'x' });
  keepLocalCopy(storage, 'reporter', 'a1', 5, { headline: 'y' });
  keepLocalCopy(storage, 'reporter', 'a10', 5, { headline: 'z' });
  dropLocalCopies(storage, 'reporter', 'a1');
  assert.equal(findLocalCopy(storage, 'reporter', 'a1', 5), null);
  assert.ok(findLocalCopy(storage, 'reporter', 'a10', 5));
  storage.setItem('newsroom.unsaved.reporter.a1.6', 'not json');
  assert.equal(findLocalCopy(storage, 'reporter', 'a1', 6), null);
});

test('a storage that refuses writes loses the copy, not the edits', () => {
  const full = { ...memoryStorage(), setItem: () => { throw new Error('QuotaExceededError'); } };
  assert.doesNotThrow(() => keepLocalCopy(full, 'reporter', 'a1', 1, { body: 'x' }));
});

test('signing out on purpose forgets that user\'s copies, not another user\'s', () => {
  const storage = memoryStorage();
  keepLocalCopy(storage, 'reporter', 'a1', 1, { headline: 'x' });
  keepLocalCopy(storage, 'reporter', 'a2', 1, { headline: 'y' });
  keepLocalCopy(storage, 'reporter2', 'a1', 1, { headline: 'z' });
  storage.setItem('newsroom.session', 'kept');
  dropUserCopies(storage, 'reporter');
  assert.deepEqual([...storage.map.keys()].sort(), ['newsroom.session', 'newsroom.unsaved.reporter2.a1.1']);
});

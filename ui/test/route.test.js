import assert from 'node:assert/strict';
import { test } from 'node:test';

import { buildHash, parseHash, readFilters } from '../src/lib/route.js';

test('a hash route is parsed into its parts and its query', () => {
  const { parts, query } = parseHash('#/audit/8def2cf4?from=6&to=8&view=changes');
  assert.deepEqual(parts, ['audit', '8def2cf4']);
  assert.deepEqual(Object.fromEntries(query), { from: '6', to: '8', view: 'changes' });
  assert.deepEqual(parseHash('').parts, []);
  assert.deepEqual(parseHash('#/?q=a%26b').parts, []);
  assert.equal(parseHash('#/?q=a%26b').query.get('q'), 'a&b');
});

test('a built hash leaves out empty filters and survives a round trip', () => {
  const hash = buildHash([], { state: 'IN_REVIEW', q: 'Haftar & Rome', mine: true, scheduled: false, author: '', page: 0 });
  assert.equal(hash, '#/?state=IN_REVIEW&q=Haftar+%26+Rome&mine=true&page=0');
  const { query } = parseHash(hash);
  assert.deepEqual(readFilters(query, { state: 'text', q: 'text', mine: 'flag', scheduled: 'flag', author: 'text', page: 'page' }),
    { state: 'IN_REVIEW', q: 'Haftar & Rome', mine: true, scheduled: false, author: '', page: 0 });
  assert.equal(buildHash(['audit', 'a/b']), '#/audit/a%2Fb');
  assert.equal(readFilters(new URLSearchParams('page=-3'), { page: 'page' }).page, 0);
  assert.equal(readFilters(new URLSearchParams('page=x'), { page: 'page' }).page, 0);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { whenLabel } from '../src/lib/time.js';

test('a scheduled time is as short as is clear, in the user\'s time zone, on a 24-hour clock', () => {
  const now = new Date('2026-12-02T22:30:00Z'); // 23:30 in Paris
  const paris = (instant) => whenLabel(instant, now, 'en-US', 'Europe/Paris');
  assert.equal(paris('2026-12-02T22:45:00Z'), '23:45');
  assert.equal(paris('2026-12-02T23:00:00Z'), 'tomorrow 00:00');
  assert.equal(paris('2026-12-03T13:00:00Z'), 'tomorrow 14:00');
  assert.equal(paris('2026-12-01T13:00:00Z'), 'yesterday 14:00');
  assert.equal(paris('2026-12-04T13:00:00Z'), 'Fri, Dec 4, 14:00');
  assert.equal(paris('2027-01-05T08:00:00Z'), 'Tue, Jan 5, 2027, 09:00');
  // the same instant, read in UTC: still the 2nd there
  assert.equal(whenLabel('2026-12-02T23:00:00Z', now, 'en-US', 'UTC'), '23:00');
  assert.equal(whenLabel('not a time', now), '');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { describeChange, fieldLabel, photoNumbering } from '../src/lib/audit.js';

const A = '8f0c6a52-3d8e-4b7e-9a51-0c1d2e3f4a5b';
const B = 'd1253e98-1f0a-4c3b-8e6d-7a8b9c0d1e2f';
const entries = [
  { version: 1, changes: [{ field: 'headline', to: 'Haftar in Rome' }] },
  { version: 2, changes: [{ field: 'photoOrder', to: [A] }, { field: `photos.${A}.caption`, to: 'Haftar' }] },
  { version: 3, changes: [{ field: 'photoOrder', from: [A], to: [A, B] }, { field: `photos.${B}.caption`, to: 'Boat' }] },
  { version: 4, changes: [{ field: `photos.${B}.caption`, from: 'Boat', to: 'A life boat' }] },
  { version: 5, changes: [{ field: 'photoOrder', from: [A, B], to: [B] }, { field: `photos.${A}.caption`, from: 'Haftar' }] },
];

test('photo fields are named by the photo\'s number at that point of the timeline', () => {
  const numbering = photoNumbering(entries);
  assert.equal(fieldLabel(`photos.${B}.caption`, numbering.get(4)), 'Caption of photo 2');
  assert.equal(fieldLabel(`photos.${A}.caption`, numbering.get(2)), 'Caption of photo 1');
  // detached at version 5: named by the place it had
  assert.equal(fieldLabel(`photos.${A}.caption`, numbering.get(5)), 'Caption of photo 1');
  assert.equal(fieldLabel(`photos.${B}.altText`, numbering.get(5)), 'Alt text of photo 1');
  assert.equal(fieldLabel(`photos.${B}.credit`), 'Credit of a photo');
  assert.equal(fieldLabel('live.note'), 'Public note');
  assert.equal(fieldLabel('headline'), 'Headline');
});

test('a note is shown as what the event said, and the previous event\'s note is not shown as removed', () => {
  assert.deepEqual(describeChange({ field: 'note', from: 'Ready', to: 'Please check the figures' }),
    { field: 'note', label: 'Note', kind: 'note', text: 'Please check the figures' });
  assert.equal(describeChange({ field: 'note', from: 'Ready' }), null);
  assert.deepEqual(describeChange({ field: 'notice', to: 'Withdrawn for legal reasons' }).kind, 'note');
  assert.deepEqual(describeChange({ field: 'headline', from: 'a', to: 'b' }),
    { field: 'headline', label: 'Headline', kind: 'value', from: 'a', to: 'b' });
  assert.equal(describeChange({ field: 'body', diff: [] }).kind, 'body');
});

test('the photo order says what happened to the photos', () => {
  assert.equal(describeChange({ field: 'photoOrder', from: [A], to: [A, B] }).text, 'photo 2 added');
  assert.equal(describeChange({ field: 'photoOrder', from: [A, B], to: [B, A] }).text, 'reordered: photo 2, photo 1');
  assert.equal(describeChange({ field: 'photoOrder', from: [A, B], to: [B] }).text, 'a photo removed, 1 left');
  assert.equal(describeChange({ field: 'photoOrder', from: [A] }).text, 'the last photo removed');
});

test('what the desk\'s events say reads as notes and times', () => {
  assert.deepEqual(describeChange({ field: 'comment', to: 'Name the union, please.' }),
    { field: 'comment', label: 'Comment', kind: 'note', text: 'Name the union, please.' });
  assert.equal(describeChange({ field: 'publishedWithoutReview', to: 'Breaking news' }).label, 'Published without review, because');
  assert.deepEqual(describeChange({ field: 'schedule.at', to: '2026-12-03T13:00:00Z' }),
    { field: 'schedule.at', label: 'Scheduled for', kind: 'time', from: undefined, to: '2026-12-03T13:00:00Z' });
  assert.equal(describeChange({ field: 'embargo.until', from: '2026-12-04T08:00:00Z' }).kind, 'time');
  assert.equal(describeChange({ field: 'schedule', from: 'a-schedule-id' }).text, 'cancelled');
});

import { strict as assert } from 'node:assert';
import { test } from 'node:test';

import { brokenPhotos, moved, notePhotoLoad, photoSrc } from '../src/lib/photos.js';

test('a library photo is shown from its 800 px rendition, a photo by address from its address', () => {
  const library = { photoId: 'p1', mediaId: 'm-1', uri: 'https://newsroom.example/media/m-1/original',
    renditions: [{ name: '320' }, { name: '800' }, { name: 'original' }] };
  assert.equal(photoSrc(library), '/media/m-1/800');
  assert.equal(photoSrc({ ...library, renditions: [{ name: '320' }, { name: 'original' }] }, 42), '/media/m-1/320?atLeast=42');
  assert.equal(photoSrc({ photoId: 'p2', uri: 'https://images.example.com/a.jpg' }), 'https://images.example.com/a.jpg');
});

test('moving a photo keeps every other in its order, and making one the lead puts it first', () => {
  assert.deepEqual(moved(['a', 'b', 'c'], 2, 0), ['c', 'a', 'b']);
  assert.deepEqual(moved(['a', 'b', 'c'], 0, 1), ['b', 'a', 'c']);
  assert.deepEqual(moved(['a', 'b', 'c'], 0, 3), ['a', 'b', 'c']);
});

test('a photo that failed to load is listed until it loads', () => {
  const photos = [{ photoId: 'x' }, { photoId: 'y' }];
  notePhotoLoad('y', true);
  assert.deepEqual(brokenPhotos(photos).map(({ index }) => index), [1]);
  notePhotoLoad('y', false);
  assert.deepEqual(brokenPhotos(photos), []);
});

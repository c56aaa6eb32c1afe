import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { bodyDiff, bodyRows, bylinesText, charDiff, diff, photoDiff, segmentsHtml, textDiff, words } from '../src/lib/diff.js';

const sample = JSON.parse(readFileSync(new URL('../../docs/samples/afp-haftar-rome.draft.json', import.meta.url)));

function apply(ops) {
  return {
    a: ops.filter((o) => o.op !== 'insert').flatMap((o) => o.items).join(''),
    b: ops.filter((o) => o.op !== 'delete').flatMap((o) => o.items).join(''),
  };
}

test('the difference of two sequences rebuilds both and is minimal', () => {
  const ops = diff([...'ABCABBA'], [...'CBABAC']);
  assert.deepEqual(apply(ops), { a: 'ABCABBA', b: 'CBABAC' });
  const edits = ops.filter((o) => o.op !== 'equal').reduce((n, o) => n + o.items.length, 0);
  assert.equal(edits, 5);
  assert.deepEqual(diff([], []), []);
  assert.deepEqual(diff(['a'], []), [{ op: 'delete', items: ['a'] }]);
  assert.deepEqual(diff([], ['b']), [{ op: 'insert', items: ['b'] }]);
  assert.deepEqual(diff(['x', 'y'], ['x', 'y']), [{ op: 'equal', items: ['x', 'y'] }]);
});

test('random sequences: every difference rebuilds both sides', () => {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let round = 0; round < 300; round++) {
    const a = Array.from({ length: Math.floor(random() * 30) }, () => 'abcd'[Math.floor(random() * 4)]);
    const b = Array.from({ length: Math.floor(random() * 30) }, () => 'abcd'[Math.floor(random() * 4)]);
    assert.deepEqual(apply(diff(a, b)), { a: a.join(''), b: b.join('') });
  }
});

test('words, spaces and punctuation are the units', () => {
  assert.deepEqual(words("Haftar's forces, 17 people."), ["Haftar's", ' ', 'forces', ',', ' ', '17', ' ', 'people', '.']);
});

test('a changed word is highlighted on each side, the rest is not', () => {
  const d = textDiff('The unity government has struggled', 'The unity administration has struggled');
  assert.ok(d.changed);
  assert.deepEqual(d.left, [{ text: 'The unity ', changed: false }, { text: 'government', changed: true },
    { text: ' has struggled', changed: false }]);
  assert.deepEqual(d.right, [{ text: 'The unity ', changed: false }, { text: 'administration', changed: true },
    { text: ' has struggled', changed: false }]);
  assert.equal(textDiff('same', 'same').changed, false);
  const phrase = textDiff('a b c d', 'a x y d');
  assert.deepEqual(phrase.right, [{ text: 'a ', changed: false }, { text: 'x y', changed: true }, { text: ' d', changed: false }]);
});

test('a corrected body: the changed word is marked inside its paragraph, the markup stays well-formed', () => {
  const corrected = sample.body.replace('adminstration', 'administration');
  const d = bodyDiff(sample.body, corrected);
  assert.ok(d.changed);
  assert.match(d.left, /Tobruk-based <del>adminstration<\/del> that controls/);
  // the one inserted letter is marked inside the inserted word
  assert.match(d.right, /Tobruk-based <ins>admin<mark>i<\/mark>stration<\/ins> that controls/);
  assert.equal((d.left.match(/<del>/g) ?? []).length, 1);
  assert.equal((d.right.match(/<ins>/g) ?? []).length, 1);
  assert.equal(d.left.replace(/<\/?(del|mark)>/g, ''), sample.body);
  assert.equal(d.right.replace(/<\/?(ins|mark)>/g, ''), corrected);
});

test('added and removed paragraphs and markup never put a mark across a tag', () => {
  const d = bodyDiff('<p>One two</p>\n', '<p>One <em>two</em></p>\n<p>Three <a href="https://x.example/?a=1&amp;b">four</a></p>\n');
  assert.equal(d.left, '<p>One two</p>\n');
  assert.equal(d.right, '<p>One <em>two</em></p>\n<p><ins>Three</ins> <a href="https://x.example/?a=1&amp;b"><ins>four</ins></a></p>\n');
  const removed = bodyDiff('<p>Keep</p>\n<p>Gone for good</p>\n', '<p>Keep</p>\n');
  assert.equal(removed.left, '<p>Keep</p>\n<p><del>Gone for good</del></p>\n');
  assert.equal(bodyDiff('<p>x <script>alert(1)</script></p>', '<p>x</p>').changed, false);
  assert.equal(bodyDiff(null, '<p>new</p>').right, '<p><ins>new</ins></p>\n');
});

test('a long body rewritten word by word still compares quickly', () => {
  const long = Array.from({ length: 4000 }, (_, i) => `word${i}`).join(' ');
  const rewritten = Array.from({ length: 4000 }, (_, i) => `term${i}`).join(' ');
  const started = performance.now();
  const d = textDiff(long, rewritten);
  assert.ok(d.changed);
  assert.ok(performance.now() - started < 5000);
  assert.equal(d.left.map((s) => s.text).join(''), long);
});

test('photos are matched by id: added, removed, changed fields and moves', () => {
  const lead = { photoId: 'p1', uri: 'https://i.example/1.jpg', caption: 'Haftar', credit: 'AFP' };
  const boat = { photoId: 'p2', uri: 'https://i.example/2.jpg', caption: 'Boat', credit: 'AFP' };
  const map = { photoId: 'p3', uri: 'https://i.example/3.jpg', caption: 'Map', credit: 'AFP' };
  const rows = photoDiff([lead, boat], [{ ...boat, caption: 'A life boat' }, map]);
  assert.deepEqual(rows.map((r) => [r.photoId, r.status, r.fields.join(), r.moved]), [
    ['p2', 'changed', 'caption', true],
    ['p3', 'added', 'uri,caption,credit,altText', false],
    ['p1', 'removed', 'uri,caption,credit,altText', false],
  ]);
  assert.equal(photoDiff([lead], [lead])[0].status, 'same');
  assert.equal(bylinesText([{ name: 'Angus MacKinnon', role: 'author', affiliation: 'AFP' }, { name: 'B' }]),
    'Angus MacKinnon, author, AFP\nB');
});

test('a one-letter correction is marked inside the word; unlike words are not compared by letter', () => {
  assert.deepEqual(charDiff('adminstration', 'administration'), {
    left: [{ text: 'adminstration', mark: false }],
    right: [{ text: 'admin', mark: false }, { text: 'i', mark: true }, { text: 'stration', mark: false }],
  });
  assert.deepEqual(charDiff('colour', 'color').left, [{ text: 'colo', mark: false }, { text: 'u', mark: true },
    { text: 'r', mark: false }]);
  assert.equal(charDiff('government', 'administration'), null);
  assert.equal(charDiff('same', 'same'), null);
  const headline = textDiff('Haftar meets Italian defense chiefs', 'Haftar meets Italian defence chiefs');
  assert.equal(segmentsHtml(headline.left, 'del'), 'Haftar meets Italian <del>defen<mark>s</mark>e</del> chiefs');
  assert.equal(segmentsHtml(headline.right, 'ins'), 'Haftar meets Italian <ins>defen<mark>c</mark>e</ins> chiefs');
  // two words, each with two letters swapped: each pair compared on its own, the moved letter marked on both sides
  const two = textDiff('teh quick borwn fox', 'the quick brown fox');
  assert.equal(segmentsHtml(two.left, 'del'), '<del>t<mark>e</mark>h</del> quick <del>b<mark>o</mark>rwn</del> fox');
  assert.equal(segmentsHtml(two.right, 'ins'), '<ins>th<mark>e</mark></ins> quick <ins>br<mark>o</mark>wn</ins> fox');
});

test('body rows: unchanged blocks are counted for folding, changed ones compared word by word', () => {
  const corrected = sample.body.replace('adminstration', 'administration');
  const { rows, changed } = bodyRows(sample.body, corrected);
  assert.ok(changed);
  assert.deepEqual(rows.map((row) => (row.same ? row.blocks : 'changed')), [1, 'changed', 13]);
  assert.match(rows[1].right, /<ins>admin<mark>i<\/mark>stration<\/ins>/);
  assert.equal(rows.filter((row) => row.same).map((row) => row.html).join('\n') + '\n',
    sample.body.split('\n').filter((line) => !line.includes('adminstration')).join('\n'));
  const added = bodyRows('<p>One</p>\n', '<p>One</p>\n<p>Two</p>\n');
  assert.deepEqual(added.rows, [{ same: true, blocks: 1, html: '<p>One</p>' }, { same: false, left: '', right: '<p><ins>Two</ins></p>\n' }]);
  assert.equal(bodyRows(sample.body, sample.body).changed, false);
});

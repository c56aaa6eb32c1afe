// Word-level differences between two versions of an article, computed in the browser for the auditors' side-by-side
// view. Pure functions: they run under node's test runner too.

import { escapeText, sanitizeBody, tokenize } from './html.js';

/**
 * Myers' O(ND) difference of two arrays: [{op: 'equal' | 'delete' | 'insert', items}], in order, adjacent operations
 * of the same kind merged. `same(a, b)` compares two items (=== by default).
 */
export function diff(a, b, same = (x, y) => x === y) {
  let start = 0;
  while (start < a.length && start < b.length && same(a[start], b[start])) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && same(a[endA - 1], b[endB - 1])) {
    endA--;
    endB--;
  }
  const ops = [];
  push(ops, 'equal', a.slice(0, start));
  for (const op of middle(a.slice(start, endA), b.slice(start, endB), same)) push(ops, op.op, op.items);
  push(ops, 'equal', a.slice(endA));
  return ops;
}

function push(ops, op, items) {
  if (!items.length) return;
  const last = ops[ops.length - 1];
  if (last && last.op === op) last.items.push(...items);
  else ops.push({ op, items: [...items] });
}

// Beyond this many differences the two sequences have little in common: one is shown replacing the other.
const MAX_EDITS = 3000;

function middle(a, b, same) {
  const n = a.length;
  const m = b.length;
  const coarse = [{ op: 'delete', items: a }, { op: 'insert', items: b }];
  if (!n || !m) return coarse;
  const max = n + m;
  const offset = max;
  const v = new Int32Array(2 * max + 2);
  // trace[d]: the furthest x on diagonals -d…d before round d (index k + d)
  const trace = [];
  let found = false;
  for (let d = 0; d <= Math.min(max, MAX_EDITS) && !found; d++) {
    trace.push(v.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && same(a[x], b[y])) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  if (!found) return coarse;
  const steps = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const previous = trace[d];
    const at = (k) => previous[k + d];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      steps.push({ op: 'equal', item: a[--x] });
      y--;
    }
    if (x === prevX) steps.push({ op: 'insert', item: b[--y] });
    else steps.push({ op: 'delete', item: a[--x] });
  }
  while (x > 0 && y > 0) {
    steps.push({ op: 'equal', item: a[--x] });
    y--;
  }
  const ops = [];
  for (let i = steps.length - 1; i >= 0; i--) push(ops, steps[i].op, [steps[i].item]);
  return ops;
}

/** Words, runs of white space and single punctuation marks: the units a word-level diff compares. */
export function words(text) {
  return text.match(/\s+|[\p{L}\p{N}\p{M}]+(?:['\u2019][\p{L}\p{N}\p{M}]+)*|[^\s\p{L}\p{N}\p{M}]/gu) ?? [];
}

/**
 * Two plain texts side by side: {left: [{text, changed, parts?}], right: [...]}; the left holds what `from` had
 * (deleted words changed), the right what `to` has (inserted words changed). A word replaced by a similar one (a
 * one-letter correction) also carries `parts`: [{text, mark}], the characters that differ marked, so that the
 * correction shows inside the word.
 */
export function textDiff(from, to) {
  const ops = pairWords(diff(words(from ?? ''), words(to ?? '')));
  const left = [];
  const right = [];
  for (const { op, items, chars } of ops) {
    if (op !== 'insert') append(left, items, op === 'delete', chars);
    if (op !== 'delete') append(right, items, op === 'insert', chars);
  }
  return { left: glue(left), right: glue(right), changed: ops.some((op) => op.op !== 'equal') };
}

// Beyond this length two words are not compared character by character.
const MAX_CHARS = 60;

/**
 * The characters of two similar words: {left: [{text, mark}], right: [...]}, the deleted characters marked on the
 * left and the inserted ones on the right; null when the words have too little in common for that to help (less
 * than 60 % of the longer one kept).
 */
export function charDiff(a, b) {
  if (!a || !b || a === b || a.length > MAX_CHARS || b.length > MAX_CHARS) return null;
  const ops = diff([...a], [...b]);
  const kept = ops.filter((op) => op.op === 'equal').reduce((n, op) => n + op.items.length, 0);
  if (kept < 0.6 * Math.max([...a].length, [...b].length)) return null;
  const side = (skip) => {
    const parts = [];
    for (const op of ops.filter((o) => o.op !== skip)) {
      const mark = op.op !== 'equal';
      if (parts.length && parts[parts.length - 1].mark === mark) parts[parts.length - 1].text += op.items.join('');
      else parts.push({ text: op.items.join(''), mark });
    }
    return parts;
  };
  return { left: side('insert'), right: side('delete') };
}

// A deleted run next to an inserted one of as many units: each unit paired with its replacement, character by
// character (ops gain `chars`, one entry per item: null or that item's parts).
function pairWords(ops, text = (item) => item) {
  const out = ops.map((op) => ({ ...op }));
  for (let i = 0; i + 1 < out.length; i++) {
    const [x, y] = [out[i], out[i + 1]];
    const del = x.op === 'delete' && y.op === 'insert' ? x : x.op === 'insert' && y.op === 'delete' ? y : null;
    if (!del) continue;
    const ins = del === x ? y : x;
    if (del.items.length !== ins.items.length) continue;
    const pairs = del.items.map((item, k) => {
      const [a, b] = [text(item), text(ins.items[k])];
      return a === undefined || b === undefined ? null : charDiff(a, b);
    });
    if (!pairs.some(Boolean)) continue;
    del.chars = pairs.map((pair) => pair?.left ?? null);
    ins.chars = pairs.map((pair) => pair?.right ?? null);
    i++;
  }
  return out;
}

function partsOf(segment) {
  return segment.parts ?? [{ text: segment.text, mark: false }];
}

function append(segments, items, changed, chars) {
  const segment = { text: items.join(''), changed };
  if (chars) segment.parts = items.map((item, k) => chars[k] ?? [{ text: item, mark: false }]).flat();
  const last = segments[segments.length - 1];
  if (last && last.changed === changed) join(last, segment);
  else segments.push(segment);
}

function join(into, segment) {
  if (into.parts || segment.parts) into.parts = [...partsOf(into), ...partsOf(segment)];
  into.text += segment.text;
}

// white space between two changed runs belongs to the change, so that a replaced phrase reads as one
function glue(segments) {
  const out = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const last = out[out.length - 1];
    if (!segment.changed && /^\s+$/.test(segment.text) && last?.changed && segments[i + 1]?.changed) {
      join(last, { text: segment.text, changed: true });
      join(last, segments[i + 1]);
      i++;
    } else if (last && last.changed === segment.changed) {
      join(last, segment);
    } else {
      out.push({ ...segment });
    }
  }
  return out;
}

/** Segments as HTML, changed ones wrapped in the given element (del or ins), their differing characters in <mark>. */
export function segmentsHtml(segments, mark) {
  return segments.map((s) => (s.changed && /\S/.test(s.text) ? `<${mark}>${partsHtml(partsOf(s))}</${mark}>`
    : escapeText(s.text))).join('');
}

function partsHtml(parts) {
  return parts.map((p) => (p.mark ? `<mark>${escapeText(p.text)}</mark>` : escapeText(p.text))).join('');
}

function htmlTokens(html) {
  const tokens = [];
  for (const token of tokenize(sanitizeBody(html ?? ''))) {
    if (token.type === 'text') {
      for (const word of words(token.text)) tokens.push({ text: word });
    } else if (token.type === 'start') {
      const href = token.tag === 'a' ? ` href="${token.attrs.href.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"` : '';
      tokens.push({ tag: `<${token.tag}${href}>` });
    } else if (token.type === 'end') {
      tokens.push({ tag: `</${token.tag}>` });
    }
  }
  return tokens;
}

const sameToken = (x, y) => (x.tag !== undefined ? x.tag === y.tag : x.text === y.text);

/**
 * Two article bodies side by side, word by word: {left, right, changed}. Each side is that version's own body (both
 * first brought within the allowed subset), with the deleted words wrapped in <del> on the left and the inserted ones
 * in <ins> on the right. Markup is never wrapped, so each side stays well-formed; a change of markup alone (a word
 * made <em>) shows as the words around it.
 */
export function bodyDiff(from, to) {
  const a = htmlTokens(from);
  const b = htmlTokens(to);
  const ops = pairWords(diff(a, b, sameToken), (token) => token.text);
  const left = [];
  const right = [];
  for (const { op, items, chars } of ops) {
    const marked = (changed) => items.map((token, k) => ({ token, changed, chars: chars?.[k] ?? null }));
    if (op !== 'insert') left.push(...marked(op === 'delete'));
    if (op !== 'delete') right.push(...marked(op === 'insert'));
  }
  return { left: render(left, 'del'), right: render(right, 'ins'), changed: ops.some((op) => op.op !== 'equal') };
}

function render(marked, mark) {
  let out = '';
  let open = false;
  for (let i = 0; i < marked.length; i++) {
    const { token, changed } = marked[i];
    if (token.tag !== undefined) {
      if (open) {
        out += `</${mark}>`;
        open = false;
      }
      out += token.tag;
      continue;
    }
    const blank = !/\S/.test(token.text);
    // white space is marked only between two changed words
    const marks = changed && (!blank || (open && marked[i + 1]?.changed && marked[i + 1].token.tag === undefined));
    if (marks && !open) {
      out += `<${mark}>`;
      open = true;
    } else if (!marks && open) {
      out += `</${mark}>`;
      open = false;
    }
    out += marks && marked[i].chars ? partsHtml(marked[i].chars) : escapeText(token.text);
  }
  if (open) out += `</${mark}>`;
  return out;
}

/**
 * Two bodies block by block (each top-level paragraph, heading, quote or list is one block), for a view that can fold
 * what did not change: {rows: [{same: true, blocks, html} | {same: false, left, right}], changed}. Runs of changed
 * blocks are compared word by word, as bodyDiff does.
 */
export function bodyRows(from, to) {
  const blocks = (html) => sanitizeBody(html ?? '').split('\n').filter(Boolean);
  const rows = [];
  let removed = [];
  let added = [];
  const flush = () => {
    if (!removed.length && !added.length) return;
    const { left, right } = bodyDiff(removed.join('\n'), added.join('\n'));
    rows.push({ same: false, left, right });
    removed = [];
    added = [];
  };
  for (const { op, items } of diff(blocks(from), blocks(to))) {
    if (op === 'equal') {
      flush();
      rows.push({ same: true, blocks: items.length, html: items.join('\n') });
    } else if (op === 'delete') {
      removed.push(...items);
    } else {
      added.push(...items);
    }
  }
  flush();
  return { rows, changed: rows.some((row) => !row.same) };
}

const PHOTO_FIELDS = ['uri', 'caption', 'credit', 'altText'];

/**
 * Photos of two versions matched by photoId: [{photoId, status: 'same' | 'changed' | 'added' | 'removed', from, to,
 * fields: [changed field names], moved}] in the order of `to`, removed ones after.
 */
export function photoDiff(from = [], to = []) {
  const before = new Map(from.map((photo, index) => [photo.photoId, { photo, index }]));
  const after = new Set(to.map((photo) => photo.photoId));
  const rows = to.map((photo, index) => {
    const old = before.get(photo.photoId);
    if (!old) return { photoId: photo.photoId, status: 'added', from: null, to: photo, fields: PHOTO_FIELDS, moved: false };
    const fields = PHOTO_FIELDS.filter((field) => (old.photo[field] ?? '') !== (photo[field] ?? ''));
    return {
      photoId: photo.photoId, status: fields.length ? 'changed' : 'same', from: old.photo, to: photo, fields,
      moved: old.index !== index,
    };
  });
  for (const photo of from) {
    if (!after.has(photo.photoId)) {
      rows.push({ photoId: photo.photoId, status: 'removed', from: photo, to: null, fields: PHOTO_FIELDS, moved: false });
    }
  }
  return rows;
}

/** Bylines as one line each ("Angus MacKinnon, author, AFP"), for a text diff. */
export function bylinesText(bylines = []) {
  return bylines.map((b) => [b.name, b.role, b.affiliation].filter(Boolean).join(', ')).join('\n');
}

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
 * Two plain texts side by side: {left: [{text, changed}], right: [...]}; the left holds what `from` had (deleted
 * words changed), the right what `to` has (inserted words changed).
 */
export function textDiff(from, to) {
  const ops = diff(words(from ?? ''), words(to ?? ''));
  const left = [];
  const right = [];
  for (const { op, items } of ops) {
    const text = items.join('');
    if (op !== 'insert') append(left, text, op === 'delete');
    if (op !== 'delete') append(right, text, op === 'insert');
  }
  return { left: glue(left), right: glue(right), changed: ops.some((op) => op.op !== 'equal') };
}

function append(segments, text, changed) {
  const last = segments[segments.length - 1];
  if (last && last.changed === changed) last.text += text;
  else segments.push({ text, changed });
}

// white space between two changed runs belongs to the change, so that a replaced phrase reads as one
function glue(segments) {
  const out = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (!segment.changed && /^\s+$/.test(segment.text) && out.length && out[out.length - 1].changed
        && segments[i + 1]?.changed) {
      out[out.length - 1].text += segment.text + segments[i + 1].text;
      i++;
    } else if (out.length && out[out.length - 1].changed === segment.changed) {
      out[out.length - 1].text += segment.text;
    } else {
      out.push({ ...segment });
    }
  }
  return out;
}

/** Segments as HTML, changed ones wrapped in the given element (del or ins). */
export function segmentsHtml(segments, mark) {
  return segments.map((s) => (s.changed && /\S/.test(s.text) ? `<${mark}>${escapeText(s.text)}</${mark}>`
    : escapeText(s.text))).join('');
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
  const ops = diff(a, b, sameToken);
  const left = [];
  const right = [];
  for (const { op, items } of ops) {
    if (op !== 'insert') left.push(...items.map((token) => ({ token, changed: op === 'delete' })));
    if (op !== 'delete') right.push(...items.map((token) => ({ token, changed: op === 'insert' })));
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
    out += escapeText(token.text);
  }
  if (open) out += `</${mark}>`;
  return out;
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

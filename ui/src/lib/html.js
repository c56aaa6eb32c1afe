// The article body's HTML subset (DESIGN.md): p, h2, h3, a[href], em, strong, blockquote, ul, ol, li, br.
// sanitizeBody() turns any HTML (an editor's innerHTML, a paste from a web page or a word processor) into that subset,
// well-formed and structured as the engine's parser expects, so the UI never sends markup the API would refuse.
// Pure functions on strings: they run in the browser and under node's test runner alike.

export const ALLOWED_TAGS = ['p', 'h2', 'h3', 'a', 'em', 'strong', 'blockquote', 'ul', 'ol', 'li', 'br'];

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source',
  'track', 'wbr']);
// dropped with everything inside them
const DROPPED = new Set(['script', 'style', 'template', 'head', 'title', 'noscript', 'iframe', 'object', 'embed',
  'svg', 'math', 'canvas', 'video', 'audio', 'select', 'textarea', 'button', 'input', 'img', 'picture', 'map', 'hr',
  'meta', 'link', 'base']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'iframe', 'noembed']);
// block containers whose content is lifted into the flow around them
const CONTAINERS = new Set(['div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'figure',
  'figcaption', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'dl', 'dt', 'dd', 'form',
  'fieldset', 'address', 'details', 'summary', 'center', 'body', 'html', 'pre']);
const HEADINGS = { h1: 'h2', h2: 'h2', h3: 'h3', h4: 'h3', h5: 'h3', h6: 'h3' };
const BLOCKS = new Set(['p', 'blockquote', 'ul', 'ol', 'li', ...Object.keys(HEADINGS), ...CONTAINERS]);

const ENTITIES = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', mdash: '\u2014', ndash: '\u2013',
  lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d', hellip: '\u2026', copy: '\u00a9',
  reg: '\u00ae', trade: '\u2122', euro: '\u20ac', pound: '\u00a3', laquo: '\u00ab', raquo: '\u00bb',
  eacute: '\u00e9', egrave: '\u00e8', agrave: '\u00e0', ccedil: '\u00e7', uuml: '\u00fc', ouml: '\u00f6',
  auml: '\u00e4', szlig: '\u00df', middot: '\u00b7', bull: '\u2022', shy: '\u00ad', zwj: '\u200d', zwnj: '\u200c',
};

export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (whole, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    }
    const known = ENTITIES[name] ?? ENTITIES[name.toLowerCase()];
    return known ?? whole;
  });
}

export function escapeText(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(text) {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const ATTRIBUTE = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/**
 * Tokens of an HTML string: {type: 'text', text} (entities decoded), {type: 'start', tag, attrs, selfClosing} and
 * {type: 'end', tag}. Comments, doctypes and processing instructions are left out; the content of script, style and
 * the other raw-text elements is never read as markup.
 */
export function tokenize(html) {
  const tokens = [];
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      tokens.push({ type: 'text', text: decodeEntities(html.slice(i)) });
      break;
    }
    if (lt > i) tokens.push({ type: 'text', text: decodeEntities(html.slice(i, lt)) });
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? n : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const end = html.indexOf('>', lt);
      i = end === -1 ? n : end + 1;
      continue;
    }
    const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(lt, lt + 64));
    if (!tag) {
      tokens.push({ type: 'text', text: '<' });
      i = lt + 1;
      continue;
    }
    const end = findTagEnd(html, lt + tag[0].length);
    const name = tag[2].toLowerCase();
    const inside = html.slice(lt + tag[0].length, end === -1 ? n : end);
    i = end === -1 ? n : end + 1;
    if (tag[1]) {
      tokens.push({ type: 'end', tag: name });
      continue;
    }
    const attrs = {};
    for (const match of inside.matchAll(ATTRIBUTE)) {
      const key = match[1].toLowerCase();
      if (!(key in attrs)) attrs[key] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
    }
    tokens.push({ type: 'start', tag: name, attrs, selfClosing: /\/\s*$/.test(inside) });
    if (RAW_TEXT.has(name)) {
      const close = html.toLowerCase().indexOf('</' + name, i);
      const text = html.slice(i, close === -1 ? n : close);
      if (text) tokens.push({ type: 'raw', text });
      i = close === -1 ? n : close;
    }
  }
  return tokens;
}

function findTagEnd(html, from) {
  let quote = null;
  for (let j = from; j < html.length; j++) {
    const c = html[j];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return j;
    }
  }
  return -1;
}

/** A tree of {tag, attrs, children} and strings, built leniently: stray end tags are ignored, open ones closed. */
export function parse(html) {
  const root = { tag: '#root', attrs: {}, children: [] };
  const stack = [root];
  for (const token of tokenize(html)) {
    const top = stack[stack.length - 1];
    if (token.type === 'text') {
      top.children.push(token.text);
    } else if (token.type === 'raw') {
      // the content of script, style…: never markup, and dropped with its element
    } else if (token.type === 'start') {
      const node = { tag: token.tag, attrs: token.attrs, children: [] };
      closeImplied(stack, token.tag);
      stack[stack.length - 1].children.push(node);
      if (!VOID.has(token.tag) && !token.selfClosing) stack.push(node);
    } else {
      const at = stack.map((node) => node.tag).lastIndexOf(token.tag);
      if (at > 0) stack.length = at;
    }
  }
  return root;
}

// The end tags a browser implies (the HTML parsing algorithm, reduced to the elements that matter here): a block
// start tag ends an open <p>, a heading ends an open heading, an <li> ends the open item of its own list.
const CLOSES_P = new Set(['p', 'blockquote', 'ul', 'ol', 'div', 'section', 'article', 'aside', 'header', 'footer',
  'nav', 'main', 'figure', 'table', 'pre', 'dl', 'address', 'fieldset', 'form', 'hr', ...Object.keys(HEADINGS)]);
const SCOPE = new Set(['table', 'td', 'th', 'caption', 'html', 'button', 'template', 'object']);
const LIST_SCOPE = new Set(['ul', 'ol', 'blockquote', 'table', 'td', 'th']);

function closeImplied(stack, tag) {
  if (CLOSES_P.has(tag)) {
    for (let j = stack.length - 1; j > 0 && !SCOPE.has(stack[j].tag); j--) {
      if (stack[j].tag === 'p') {
        stack.length = j;
        break;
      }
    }
  }
  if (HEADINGS[tag] && HEADINGS[stack[stack.length - 1].tag]) stack.length -= 1;
  if (tag === 'li') {
    for (let j = stack.length - 1; j > 0 && !LIST_SCOPE.has(stack[j].tag); j--) {
      if (stack[j].tag === 'li') {
        stack.length = j;
        break;
      }
    }
  }
}

/** Whether an href may stay: http(s) with a host, mailto, or relative (the engine's rule). */
export function allowedHref(href) {
  const url = href.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '').replace(/[\t\n\r]/g, '');
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
  if (!scheme) return url.length > 0;
  const name = scheme[1].toLowerCase();
  if (name === 'mailto') return true;
  if (name !== 'http' && name !== 'https') return false;
  return /^https?:\/\/[^\/?#\s@]*@?[^\/?#\s:@]+/i.test(url);
}

function inlineTag(node, insideLink) {
  switch (node.tag) {
    case 'em': case 'i': case 'cite': case 'dfn': case 'var':
      return 'em';
    case 'strong':
      return 'strong';
    case 'b':
      // Google Docs wraps whole pastes in <b style="font-weight:normal">
      return /font-weight\s*:\s*(normal|[1-4]00)/i.test(node.attrs.style || '') ? null : 'strong';
    case 'a':
      return !insideLink && node.attrs.href !== undefined && allowedHref(node.attrs.href) ? 'a' : null;
    default:
      return null;
  }
}

function containsBlock(node) {
  return typeof node !== 'string' && node.children.some((child) => typeof child !== 'string'
    && !DROPPED.has(child.tag) && (BLOCKS.has(child.tag) || containsBlock(child)));
}

function isBlock(node) {
  return typeof node !== 'string' && (BLOCKS.has(node.tag) || containsBlock(node));
}

// inline content: strings, {tag: em|strong|a|br, attrs, children}
function inline(nodes, insideLink = false) {
  const out = [];
  for (const node of nodes) {
    if (typeof node === 'string') {
      out.push(node);
    } else if (DROPPED.has(node.tag)) {
      // nothing
    } else if (node.tag === 'br') {
      out.push({ tag: 'br', attrs: {}, children: [] });
    } else {
      const tag = inlineTag(node, insideLink);
      const children = inline(node.children, insideLink || tag === 'a');
      if (tag) {
        if (hasContent(children)) {
          out.push({ tag, attrs: tag === 'a' ? { href: node.attrs.href.trim() } : {}, children });
        }
      } else {
        out.push(...children);
      }
    }
  }
  return out;
}

function hasContent(children) {
  return children.some((child) => (typeof child === 'string' ? child.length > 0 : child.tag === 'br' || hasContent(child.children)));
}

function hasText(children) {
  return children.some((child) => (typeof child === 'string' ? /[^\s]/.test(child) : hasText(child.children)));
}

// collapse white space, trim the ends of a block, drop <br>s at its ends
function tidy(children) {
  const flat = collapse(children);
  while (flat.length && isBreakOrBlank(flat[0])) flat.shift();
  while (flat.length && isBreakOrBlank(flat[flat.length - 1])) flat.pop();
  trimEdge(flat, true);
  trimEdge(flat, false);
  return flat;
}

function isBreakOrBlank(node) {
  return typeof node === 'string' ? !/[^ ]/.test(node) : node.tag === 'br';
}

function collapse(children) {
  const out = [];
  for (const child of children) {
    if (typeof child === 'string') {
      const text = child.replace(/[ \t\n\r\f]+/g, ' ');
      if (typeof out[out.length - 1] === 'string') out[out.length - 1] += text;
      else if (text) out.push(text);
    } else {
      out.push({ ...child, children: child.tag === 'br' ? [] : collapse(child.children) });
    }
  }
  return out;
}

function trimEdge(nodes, start) {
  if (!nodes.length) return;
  const index = start ? 0 : nodes.length - 1;
  const node = nodes[index];
  if (typeof node === 'string') {
    nodes[index] = start ? node.replace(/^ +/, '') : node.replace(/ +$/, '');
    if (!nodes[index]) {
      nodes.splice(index, 1);
      trimEdge(nodes, start);
    }
  } else if (node.tag !== 'br') {
    trimEdge(node.children, start);
    if (!hasContent(node.children)) {
      nodes.splice(index, 1);
      trimEdge(nodes, start);
    }
  }
}

// flow content: blocks only; runs of inline content become <p> (or the heading they sit in)
function flow(nodes, runTag = 'p') {
  const out = [];
  let run = [];
  const flush = () => {
    const children = tidy(inline(run));
    if (hasText(children)) out.push({ tag: runTag, attrs: {}, children });
    run = [];
  };
  for (const node of nodes) {
    if (typeof node === 'string' || (!DROPPED.has(node.tag) && !isBlock(node))) {
      run.push(node);
      continue;
    }
    flush();
    if (DROPPED.has(node.tag)) continue;
    if (node.tag === 'p') {
      out.push(...flow(node.children, runTag));
    } else if (HEADINGS[node.tag]) {
      out.push(...flow(node.children, HEADINGS[node.tag]));
    } else if (node.tag === 'ul' || node.tag === 'ol') {
      const list = listOf(node);
      if (list) out.push(list);
    } else if (node.tag === 'li') {
      const list = listOf({ tag: 'ul', attrs: {}, children: [node] });
      if (list) out.push(list);
    } else if (node.tag === 'blockquote') {
      const children = flow(node.children);
      if (children.length) out.push({ tag: 'blockquote', attrs: {}, children });
    } else {
      // a container (div, table, an inline element holding blocks…): its content joins the flow
      out.push(...flow(node.children, runTag));
    }
  }
  flush();
  return out;
}

function listOf(node) {
  const items = [];
  let loose = [];
  const flushLoose = () => {
    const item = listItem(loose);
    if (item) items.push(item);
    loose = [];
  };
  for (const child of node.children) {
    if (typeof child !== 'string' && (child.tag === 'ul' || child.tag === 'ol')) {
      // a list directly inside a list (how browsers indent): it belongs to the item before it
      const nested = listOf(child);
      if (!nested) continue;
      if (loose.length && hasText(inline(loose))) flushLoose();
      else loose = [];
      if (items.length) items[items.length - 1].children.push(nested);
      else items.push({ tag: 'li', attrs: {}, children: [nested] });
    } else if (typeof child !== 'string' && child.tag === 'li') {
      flushLoose();
      const item = listItem(child.children);
      if (item) items.push(item);
    } else {
      loose.push(child);
    }
  }
  flushLoose();
  return items.length ? { tag: node.tag, attrs: {}, children: items } : null;
}

// an item holds inline content and nested lists; other blocks in it are flattened, one line each
function listItem(nodes) {
  const children = [];
  let run = [];
  const flush = () => {
    const content = tidy(inline(run));
    if (hasText(content)) {
      if (children.length && children[children.length - 1].tag !== 'ul' && children[children.length - 1].tag !== 'ol') {
        children.push({ tag: 'br', attrs: {}, children: [] });
      }
      children.push(...content);
    }
    run = [];
  };
  const walk = (list) => {
    for (const node of list) {
      if (typeof node !== 'string' && (node.tag === 'ul' || node.tag === 'ol')) {
        flush();
        const nested = listOf(node);
        if (nested) children.push(nested);
      } else if (typeof node !== 'string' && !DROPPED.has(node.tag) && isBlock(node)) {
        flush();
        walk(node.children);
        flush();
      } else {
        run.push(node);
      }
    }
  };
  walk(nodes);
  flush();
  return hasText(children) ? { tag: 'li', attrs: {}, children } : null;
}

export function serialize(nodes) {
  let out = '';
  for (const node of nodes) {
    if (typeof node === 'string') {
      out += escapeText(node);
    } else if (node.tag === 'br') {
      out += '<br>';
    } else {
      const attrs = node.tag === 'a' ? ` href="${escapeAttribute(node.attrs.href)}"` : '';
      out += `<${node.tag}${attrs}>${serialize(node.children)}</${node.tag}>`;
    }
  }
  return out;
}

/**
 * Any HTML as an article body: only the allowed elements, structured as blocks (each top-level block on its own
 * line, as the sample stories are written), inline formatting mapped (b → strong, i → em, h1 → h2, h4 → h3), links
 * kept only when their href is allowed, everything else unwrapped or, for scripts, styles, images and embedded
 * content, dropped. Idempotent: sanitizeBody(sanitizeBody(x)) === sanitizeBody(x).
 */
export function sanitizeBody(html) {
  return flow(parse(html).children).map((block) => serialize([block]) + '\n').join('');
}

/** Plain text (a paste without HTML) as paragraphs: blank lines separate them, single line breaks become <br>. */
export function textToBody(text) {
  return text.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((paragraph) => paragraph.trim()).filter(Boolean)
    .map((paragraph) => `<p>${paragraph.split('\n').map(escapeText).join('<br>')}</p>\n`).join('');
}

/** The elements and attributes of an HTML string that the body may not hold: empty when it is within the subset. */
export function disallowedMarkup(html) {
  const found = new Set();
  for (const token of tokenize(html)) {
    if (token.type === 'start' || token.type === 'end') {
      if (!ALLOWED_TAGS.includes(token.tag)) found.add(`<${token.tag}>`);
      if (token.type === 'start') {
        for (const key of Object.keys(token.attrs)) {
          if (!(token.tag === 'a' && key === 'href')) found.add(`${key} on <${token.tag}>`);
          else if (!allowedHref(token.attrs[key])) found.add(`link ${token.attrs[key]}`);
        }
      }
    } else if (token.type === 'raw') {
      found.add('raw text');
    }
  }
  if (/<!--/.test(html)) found.add('a comment');
  return [...found];
}

/** The text of an HTML string, for summaries and for searching. */
export function textOf(html) {
  return tokenize(html).filter((token) => token.type === 'text').map((token) => token.text).join('')
    .replace(/\s+/g, ' ').trim();
}

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { ALLOWED_TAGS, allowedHref, disallowedMarkup, sanitizeBody, textOf, textToBody, tokenize } from '../src/lib/html.js';

const sample = JSON.parse(readFileSync(new URL('../../docs/samples/afp-haftar-rome.draft.json', import.meta.url)));

test('the sample story body is already within the subset and comes back unchanged', () => {
  assert.equal(sanitizeBody(sample.body), sample.body);
  assert.deepEqual(disallowedMarkup(sample.body), []);
});

test('what a browser editor produces is mapped onto the subset', () => {
  assert.equal(sanitizeBody('<p>One <b>bold</b> and <i>italic</i> <span style="color:red">word</span></p>'),
    '<p>One <strong>bold</strong> and <em>italic</em> word</p>\n');
  assert.equal(sanitizeBody('<div>First line</div><div>Second line<br></div>'),
    '<p>First line</p>\n<p>Second line</p>\n');
  assert.equal(sanitizeBody('<h1>Title</h1><h4>Sub</h4><p><br></p>'), '<h2>Title</h2>\n<h3>Sub</h3>\n');
  assert.equal(sanitizeBody('Loose text <em>here</em>'), '<p>Loose text <em>here</em></p>\n');
});

test('lists, nested lists and quotes keep their structure', () => {
  assert.equal(sanitizeBody('<ul><li>a</li><ul><li>b</li></ul><li>c</li></ul>'),
    '<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>\n');
  assert.equal(sanitizeBody('<ol><li><p>one</p><p>two</p></li>stray</ol>'),
    '<ol><li>one<br>two</li><li>stray</li></ol>\n');
  assert.equal(sanitizeBody('<blockquote>"Quoted," he said.<p>More</p></blockquote>'),
    '<blockquote><p>"Quoted," he said.</p><p>More</p></blockquote>\n');
  assert.equal(sanitizeBody('<li>orphan</li>'), '<ul><li>orphan</li></ul>\n');
});

test('blocks inside paragraphs and inline elements are lifted out, as a browser would', () => {
  assert.equal(sanitizeBody('<p>before<ul><li>x</li></ul>after</p>'), '<p>before</p>\n<ul><li>x</li></ul>\n<p>after</p>\n');
  assert.equal(sanitizeBody('<span>a<div>b</div>c</span>'), '<p>a</p>\n<p>b</p>\n<p>c</p>\n');
  assert.equal(sanitizeBody('<p>one<p>two'), '<p>one</p>\n<p>two</p>\n');
  assert.equal(sanitizeBody('<h2>a<h3>b</h3>'), '<h2>a</h2>\n<h3>b</h3>\n');
});

test('scripts, styles, images, comments and event handlers never survive', () => {
  const hostile = '<p onclick="steal()">Hi<script>alert(1)</script><style>p{}</style><img src=x onerror=alert(2)>'
    + '<!-- note --><iframe src="https://evil.example"></iframe><svg><a href="javascript:1">x</a></svg></p>'
    + '<p><a href="javascript:alert(3)">click</a> <a href="https://example.com/a?b=1&amp;c=2" target="_blank">ok</a>'
    + ' <a href=" JAVASCRIPT:alert(4)">no</a> <a href="mailto:desk@example.com">mail</a> <a href="/site/x">rel</a></p>';
  const clean = sanitizeBody(hostile);
  assert.equal(clean, '<p>Hi</p>\n<p>click <a href="https://example.com/a?b=1&amp;c=2">ok</a> no'
    + ' <a href="mailto:desk@example.com">mail</a> <a href="/site/x">rel</a></p>\n');
  assert.deepEqual(disallowedMarkup(clean), []);
  assert.deepEqual(disallowedMarkup(hostile).sort(), ['<iframe>', '<img>', '<script>', '<style>', '<svg>', 'a comment',
    'link  JAVASCRIPT:alert(4)', 'link javascript:1', 'link javascript:alert(3)', 'onclick on <p>', 'raw text',
    'src on <iframe>', 'src on <img>', 'onerror on <img>', 'target on <a>'].sort());
});

test('links: http(s) with a host, mailto and relative ones stay; a link inside a link is unwrapped', () => {
  assert.ok(allowedHref('https://www.afp.com/en'));
  assert.ok(allowedHref('mailto:desk@example.com'));
  assert.ok(allowedHref('../other'));
  assert.ok(!allowedHref('https:///no-host'));
  assert.ok(!allowedHref('java\tscript:alert(1)'));
  assert.ok(!allowedHref('data:text/html,hi'));
  assert.equal(sanitizeBody('<p><a href="https://a.example">x <a href="https://b.example">y</a></a></p>'),
    '<p><a href="https://a.example">x y</a></p>\n');
  assert.equal(sanitizeBody('<p><a href="https://a.example"><em>x <strong>y</strong></em></a></p>'),
    '<p><a href="https://a.example"><em>x <strong>y</strong></em></a></p>\n');
});

test('text is escaped, entities decoded once, white space collapsed and trimmed', () => {
  assert.equal(sanitizeBody('<p>  a &lt;b&gt; &amp;amp; &quot;q&quot; &rsquo; &#233;&#x2014; &unknown;\n  c </p>'),
    '<p>a &lt;b&gt; &amp;amp; "q" \u2019 \u00e9\u2014 &amp;unknown; c</p>\n');
  assert.equal(sanitizeBody('<p>a&nbsp;&nbsp;b</p>'), '<p>a\u00a0\u00a0b</p>\n');
  assert.equal(sanitizeBody('<p><em> </em></p><p>x<em> </em></p>'), '<p>x</p>\n');
});

test('sanitizing is idempotent and its output is always within the subset', () => {
  const inputs = [sample.body, '<table><tr><td>a</td><td><b>b</b></td></tr></table>',
    '<b style="font-weight:normal" id="docs-internal-guid-1"><p dir="ltr"><span>Docs</span></p></b>',
    '<ul><li>a<li>b</ul><ol><li><h2>t</h2></li></ol>', '<<p>>', '<p>unclosed <em>tags', '</p></p>text'];
  for (const input of inputs) {
    const once = sanitizeBody(input);
    assert.equal(sanitizeBody(once), once, input);
    assert.deepEqual(disallowedMarkup(once), [], input);
    for (const token of tokenize(once)) {
      if (token.type === 'start') assert.ok(ALLOWED_TAGS.includes(token.tag), token.tag);
    }
  }
  assert.equal(sanitizeBody('<b style="font-weight:normal"><p>Docs <b>bold</b></p></b>'), '<p>Docs <strong>bold</strong></p>\n');
});

test('a plain-text paste becomes paragraphs', () => {
  assert.equal(textToBody('First para\nsame para\n\n\nSecond <para>\r\n'),
    '<p>First para<br>same para</p>\n<p>Second &lt;para&gt;</p>\n');
  assert.equal(textOf('<p>a <em>b</em></p>\n<p>c</p>'), 'a b c');
});

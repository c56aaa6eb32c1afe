import { useEffect, useRef } from 'preact/hooks';

import { sanitizeBody, textToBody } from '../lib/html.js';

const BLOCKS = [
  ['p', '¶', 'Paragraph'],
  ['h2', 'H2', 'Heading'],
  ['h3', 'H3', 'Subheading'],
  ['blockquote', '“ ”', 'Quote'],
];

const INLINE = [
  ['bold', 'B', 'Bold (strong)'],
  ['italic', 'I', 'Italic (emphasis)'],
  ['insertUnorderedList', '•', 'Bulleted list'],
  ['insertOrderedList', '1.', 'Numbered list'],
];

/**
 * The body: a contenteditable area with a toolbar for the allowed elements only. What it holds is never sent as it
 * is: the caller sends sanitizeBody() of it, and pastes and drops are brought within the subset on the way in.
 * `html` replaces the content whenever `resetKey` changes (a reload); typing reports the raw HTML to onChange.
 */
export function BodyEditor({ html, resetKey, onChange, readOnly, error, label = 'Body' }) {
  const area = useRef(null);

  useEffect(() => {
    area.current.innerHTML = html ?? '';
  }, [resetKey]);

  const changed = () => onChange(area.current.innerHTML);

  const command = (name, value) => (event) => {
    event.preventDefault();
    if (readOnly) return;
    area.current.focus();
    document.execCommand('defaultParagraphSeparator', false, 'p');
    document.execCommand(name, false, value);
    changed();
  };

  const link = (event) => {
    event.preventDefault();
    if (readOnly) return;
    const selection = getSelection();
    const inside = selection.rangeCount && area.current.contains(selection.getRangeAt(0).commonAncestorContainer);
    if (!inside || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    const href = prompt('Link to (https://…, mailto:… or a relative path)', 'https://');
    selection.removeAllRanges();
    selection.addRange(range);
    if (href && href !== 'https://') {
      document.execCommand('createLink', false, href.trim());
      changed();
    }
  };

  const insert = (dataTransfer) => {
    const rich = dataTransfer.getData('text/html');
    // the pasted markup is read as a string by sanitizeBody, never parsed into a document: a document would compile
    // its event handlers and style sheets (which the page's Content-Security-Policy then has to block)
    const clean = rich ? sanitizeBody(rich) : textToBody(dataTransfer.getData('text/plain'));
    if (!clean) return;
    const single = /^<p>(.*)<\/p>\n$/s.exec(clean);
    document.execCommand('insertHTML', false, single && !single[1].includes('<p>') ? single[1] : clean);
    changed();
  };

  return (
    <div class={`body-editor${error ? ' invalid' : ''}`}>
      <div class="toolbar" role="toolbar" aria-label="Body formatting">
        {BLOCKS.map(([tag, text, title]) => (
          <button type="button" title={title} aria-label={title} disabled={readOnly}
                  onMouseDown={command('formatBlock', tag)}>{text}</button>
        ))}
        <span class="sep" />
        {INLINE.map(([name, text, title]) => (
          <button type="button" title={title} aria-label={title} disabled={readOnly}
                  onMouseDown={command(name)}>{text}</button>
        ))}
        <span class="sep" />
        <button type="button" title="Link" aria-label="Link" disabled={readOnly} onMouseDown={link}>Link</button>
        <button type="button" title="Remove link" aria-label="Remove link" disabled={readOnly}
                onMouseDown={command('unlink')}>Unlink</button>
      </div>
      <div ref={area} class="body-area prose" contentEditable={!readOnly} role="textbox" aria-multiline="true"
           aria-label={label} aria-invalid={!!error} spellcheck
           onInput={changed}
           onPaste={(event) => { event.preventDefault(); if (!readOnly) insert(event.clipboardData); }}
           onDrop={(event) => { event.preventDefault(); if (!readOnly) insert(event.dataTransfer); }} />
      {error && <p class="field-error" role="alert">{error}</p>}
      <p class="hint">Paragraphs, headings, quotes, lists, links, bold and italic: anything else pasted in is
        left out.</p>
    </div>
  );
}

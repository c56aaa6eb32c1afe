import { useEffect, useState } from 'preact/hooks';

import { get, post } from '../api.js';
import { stateLabel } from '../format.js';
import { ConfirmDialog, FieldError } from './common.jsx';

const RESULTS = 8;
const EDITABLE = ['caption', 'credit', 'altText'];

/** The picture of an incoming picture item the desk may attach: its best web rendition, caption and credit; or null. */
export function attachablePicture(item) {
  const picture = item.pictures?.[0];
  return picture && /^https?:\/\//i.test(picture.uri ?? '') ? picture : null;
}

/**
 * "Attach to article…" for a picture the agency sent on its own: the editor finds the article by words of its headline
 * (the work list's search), checks the agency's caption and credit, may add alt text, and the picture is attached
 * (POST /api/articles/{id}/photos naming the ingested item version: its widest web rendition, and the recorded photo
 * keeps the item). A picture without a rendition on a web address cannot be attached: the button is disabled and
 * says why.
 */
export function AttachPictureButton({ item, onAttached }) {
  const [open, setOpen] = useState(false);
  const picture = attachablePicture(item);
  if (!picture) {
    return (
      <>
        <button type="button" disabled aria-describedby={`no-web-${item.sha256}`}>Attach to article…</button>
        <span class="hint" id={`no-web-${item.sha256}`} data-testid="picture-not-attachable">
          {' '}No rendition with a web (http/https) address: it cannot be attached.</span>
      </>
    );
  }
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>Attach to article…</button>
      {open && <AttachPictureDialog item={item} picture={picture} onClose={() => setOpen(false)}
                                    onAttached={(article) => { setOpen(false); onAttached?.(article); }} />}
    </>
  );
}

function AttachPictureDialog({ item, picture, onClose, onAttached }) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState(null);
  const [chosen, setChosen] = useState(null);
  const [values, setValues] = useState({ caption: picture.caption ?? '', credit: picture.credit ?? '', altText: picture.altText ?? '' });
  const [errors, setErrors] = useState({});
  const [problem, setProblem] = useState(null);
  const [busy, setBusy] = useState(false);

  // the work list's search, a moment after the typing stops
  useEffect(() => {
    const words = query.trim();
    if (!words) { setFound(null); return undefined; }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      get(`/api/articles?${new URLSearchParams({ q: words, page: 0, size: RESULTS })}`, { signal: controller.signal })
        .then((answer) => setFound(answer.data.items))
        .catch((failure) => failure.name !== 'AbortError' && setProblem(failure));
    }, 250);
    return () => { clearTimeout(timer); controller.abort(); };
  }, [query]);

  const attach = async () => {
    setBusy(true);
    setErrors({});
    setProblem(null);
    // named by its item version: the server takes the rendition from the ingest's record and the photo keeps the item
    const body = {
      agencyItem: { source: item.source, itemUri: item.itemUri, itemVersion: item.itemVersion },
      caption: values.caption, credit: values.credit,
    };
    if (values.altText.trim()) body.altText = values.altText;
    try {
      await post(`/api/articles/${encodeURIComponent(chosen.id)}/photos`, body);
      onAttached(chosen);
    } catch (failure) {
      // caption, credit and alt text are shown at their field; anything else (the address refused) as a problem
      const fields = failure.fieldErrors?.() ?? {};
      const shown = Object.fromEntries(Object.entries(fields).filter(([name]) => EDITABLE.includes(name)));
      setErrors(shown);
      setProblem(Object.keys(shown).length && Object.keys(shown).length === Object.keys(fields).length ? null : failure);
    } finally {
      setBusy(false);
    }
  };

  const field = (name, label, multiline) => {
    const shared = { value: values[name], 'aria-invalid': !!errors[name],
      onInput: (e) => setValues({ ...values, [name]: e.currentTarget.value }) };
    return (
      <>
        <label>{label}{multiline ? <textarea rows={3} {...shared} /> : <input {...shared} />}</label>
        <FieldError errors={errors} field={name} />
      </>
    );
  };

  return (
    <ConfirmDialog title="Attach the agency's picture to an article" confirm="Attach picture" busy={busy}
                   error={problem} disabled={!chosen} onConfirm={attach} onCancel={onClose}>
      <div class="attach-picture" data-testid="attach-picture">
        {/* the page's policy loads images over https only */}
        {/^https:\/\//i.test(picture.uri)
          ? <img class="preview" src={picture.uri} alt={values.altText || ''} referrerpolicy="no-referrer" />
          : <p class="hint">No preview: the picture is on an http address.</p>}
        <p class="hint">From {item.source}: <a href={picture.uri} target="_blank" rel="noopener noreferrer">{picture.uri}</a></p>
        {field('caption', 'Caption', true)}
        {field('credit', 'Credit')}
        {field('altText', 'Alt text')}
        <label>Article
          <input type="search" placeholder="Words of its headline" value={query} autofocus
                 onInput={(e) => { setQuery(e.currentTarget.value); setChosen(null); }} />
        </label>
        {found && (found.length
          ? <ul class="article-choices" role="listbox" aria-label="Articles found">
              {found.map((article) => (
                <li key={article.id}>
                  <label class="check">
                    <input type="radio" name="article" checked={chosen?.id === article.id}
                           onChange={() => setChosen(article)} />
                    {article.headline} <span class="hint">· {stateLabel(article.state)}</span>
                  </label>
                </li>
              ))}
            </ul>
          : <p class="hint">No article has these words.</p>)}
      </div>
    </ConfirmDialog>
  );
}

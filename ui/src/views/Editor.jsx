import { useEffect, useRef, useState } from 'preact/hooks';

import { ApiError, del, get, hasRole, patch, post, put } from '../api.js';
import { ago, formatTime, stateLabel } from '../format.js';
import { sanitizeBody } from '../lib/html.js';
import { onLiveEvent } from '../live.js';
import { BodyEditor } from './BodyEditor.jsx';

const TEXT_FIELDS = ['headline', 'standfirst', 'language'];

function FieldError({ errors, field }) {
  return errors?.[field] ? <p class="field-error" role="alert">{errors[field]}</p> : null;
}

function Problem({ error }) {
  if (!error) return null;
  return <p class="error" role="alert">{error.message}{error.code ? <code> {error.code}</code> : null}</p>;
}

/** Field errors of an ApiError, and its message when no field it names is shown on this form. */
function split(error, fields) {
  if (!(error instanceof ApiError)) return { fields: {}, general: error };
  const named = error.fieldErrors();
  const shown = Object.keys(named).filter((field) => fields.some((f) => field === f || field.startsWith(f + '[')
    || field.startsWith(f + '.')));
  return { fields: named, general: shown.length ? null : error };
}

function ContentFields({ draft, setDraft, errors, setErrors, readOnly, bodyResetKey, initialBody }) {
  // editing a field clears the API's complaint about it
  const edit = (field, value) => {
    setDraft((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  };
  return (
    <>
      <label>Headline
        <input class="headline" value={draft.headline} readOnly={readOnly} aria-invalid={!!errors.headline}
               onInput={(e) => edit('headline', e.currentTarget.value)} />
      </label>
      <FieldError errors={errors} field="headline" />
      <label>Standfirst
        <textarea rows={3} value={draft.standfirst} readOnly={readOnly} aria-invalid={!!errors.standfirst}
                  onInput={(e) => edit('standfirst', e.currentTarget.value)} />
      </label>
      <FieldError errors={errors} field="standfirst" />
      <div class="label">Body</div>
      <BodyEditor html={initialBody} resetKey={bodyResetKey} readOnly={readOnly} error={errors.body}
                  onChange={(body) => edit('body', body)} />
      <label class="narrow">Language
        <input value={draft.language} readOnly={readOnly} aria-invalid={!!errors.language}
               onInput={(e) => edit('language', e.currentTarget.value)} />
      </label>
      <FieldError errors={errors} field="language" />
    </>
  );
}

/** A new draft: headline, standfirst, body and language; the rest once it exists. */
export function NewArticle() {
  const [draft, setDraft] = useState({ headline: '', standfirst: '', body: '', language: 'en' });
  const [errors, setErrors] = useState({});
  const [problem, setProblem] = useState(null);
  const [busy, setBusy] = useState(false);

  async function create(event) {
    event.preventDefault();
    setBusy(true);
    try {
      const body = { headline: draft.headline, body: sanitizeBody(draft.body), language: draft.language || 'en' };
      if (draft.standfirst.trim()) body.standfirst = draft.standfirst;
      const answer = await post('/api/articles', body);
      location.hash = `#/articles/${answer.data.id}`;
    } catch (failure) {
      const { fields, general } = split(failure, ['headline', 'standfirst', 'body', 'language']);
      setErrors(fields);
      setProblem(general);
      setBusy(false);
    }
  }

  return (
    <form class="panel editor" onSubmit={create}>
      <h1>New article</h1>
      <ContentFields draft={draft} setDraft={setDraft} errors={errors} setErrors={setErrors} readOnly={busy}
                     bodyResetKey={0}
                     initialBody="" />
      <Problem error={problem} />
      <div class="actions-row">
        <button class="primary" disabled={busy}>Create draft</button>
      </div>
    </form>
  );
}

function fromArticle(article) {
  return { headline: article.headline ?? '', standfirst: article.standfirst ?? '', body: article.body ?? '',
    language: article.language ?? 'en' };
}

function changedFields(draft, article) {
  const changes = {};
  for (const field of TEXT_FIELDS) {
    if ((draft[field] ?? '') !== (article[field] ?? '')) changes[field] = draft[field];
  }
  const body = sanitizeBody(draft.body);
  if (body !== sanitizeBody(article.body ?? '')) changes.body = body;
  return changes;
}

/**
 * The editing screen of one article. Every write is conditional on the version on screen (If-Match); its answer's
 * Newsroom-Position makes the next read wait for the read model (?atLeast=), so the screen shows the new state at
 * once. A stale version (412), or a change someone else made (live), offers to reload without losing what the user
 * has typed.
 */
export function ArticleEditor({ id }) {
  const [article, setArticle] = useState(null);
  const [loadError, setLoadError] = useState(null);
  const [draft, setDraft] = useState(null);
  const [bodyResetKey, setBodyResetKey] = useState(0);
  const [errors, setErrors] = useState({});
  const [problem, setProblem] = useState(null);
  const [busy, setBusy] = useState(false);
  const [stale, setStale] = useState(null);
  const [notice, setNotice] = useState(null);
  const articleRef = useRef(null);
  const draftRef = useRef(null);
  const inflight = useRef(Promise.resolve());
  articleRef.current = article;
  draftRef.current = draft;

  const show = (next, keepDraft) => {
    const previous = articleRef.current;
    articleRef.current = next;
    setArticle(next);
    const current = draftRef.current;
    if (!current || !previous || !keepDraft) {
      setDraft(fromArticle(next));
      setBodyResetKey((key) => key + 1);
      return;
    }
    // keep each field the user changed; take the others from the new version
    const mine = changedFields(current, previous);
    const merged = { ...fromArticle(next) };
    for (const field of TEXT_FIELDS) if (field in mine) merged[field] = current[field];
    if ('body' in mine) merged.body = current.body;
    else setBodyResetKey((key) => key + 1);
    setDraft(merged);
  };

  const load = async (atLeast, keepDraft) => {
    const answer = await get(`/api/articles/${encodeURIComponent(id)}`, { atLeast });
    show(answer.data, keepDraft);
    return answer.data;
  };

  useEffect(() => {
    load().catch((failure) => setLoadError(failure));
  }, [id]);

  // someone else's change: reload at once if nothing is being edited, else offer to
  useEffect(() => onLiveEvent((event) => {
    if (event.subject !== id) return;
    inflight.current.finally(async () => {
      const current = articleRef.current;
      if (!current || (event.articleversion ?? 0) <= current.version) return;
      const dirty = draftRef.current && Object.keys(changedFields(draftRef.current, current)).length > 0;
      if (dirty) {
        const latest = await get(`/api/articles/${encodeURIComponent(id)}`, { atLeast: event.position });
        if (latest.data.version > articleRef.current.version) setStale({ version: latest.data.version, by: latest.data.updatedBy });
      } else {
        const latest = await load(event.position, false);
        setNotice(`Updated by ${latest.updatedBy ?? 'someone'} to version ${latest.version}.`);
      }
    }).catch(() => {});
  }), [id]);

  /** One conditional write; on success the screen shows the state it made. Throws ApiError for the caller's form. */
  const write = (method, path, body) => {
    const run = (async () => {
      setBusy(true);
      setNotice(null);
      try {
        const send = { patch, post, put, del }[method];
        const options = { ifMatch: articleRef.current.version };
        const answer = method === 'del' ? await send(path, options) : await send(path, body, options);
        await load(answer.position, true);
        setStale(null);
        return answer;
      } catch (failure) {
        if (failure instanceof ApiError && failure.status === 412) {
          setStale({ version: failure.currentVersion, conflict: true });
        }
        throw failure;
      } finally {
        setBusy(false);
      }
    })();
    inflight.current = run.catch(() => {});
    return run;
  };

  const reloadKeepingEdits = async () => {
    setStale(null);
    await load(0, true);
    setNotice('Reloaded: your unsaved edits are kept. Review them, then save again.');
  };

  if (loadError) {
    return <section class="panel"><h1>Article not available</h1><Problem error={loadError} /></section>;
  }
  if (!article || !draft) return <section class="panel" aria-busy="true"><p>Loading…</p></section>;

  const killed = article.state === 'KILLED';
  const changes = changedFields(draft, article);
  const dirty = Object.keys(changes).length > 0;
  const base = `/api/articles/${encodeURIComponent(id)}`;

  async function save(event) {
    event.preventDefault();
    setErrors({});
    setProblem(null);
    try {
      await write('patch', base, changes);
      setNotice(`Saved: version ${articleRef.current.version}.`);
    } catch (failure) {
      if (failure.status === 412) return;
      const { fields, general } = split(failure, ['headline', 'standfirst', 'body', 'language']);
      setErrors(fields);
      setProblem(general);
    }
  }

  return (
    <div class="editor-layout" data-version={article.version} data-state={article.state}>
      <div class="main-column">
        <form class="panel editor" onSubmit={save}>
          <div class="title-row">
            <h1>{article.headline}</h1>
            <span class={`state state-${article.state}`}>{stateLabel(article.state)}</span>
          </div>
          {stale && (
            <div class="banner warn" role="alert">
              <p>{stale.conflict ? 'Not saved: this article changed since you opened it' : `${stale.by ?? 'Someone'} changed this article`}
                {stale.version ? ` (it is now at version ${stale.version})` : ''}. Your edits are still here.</p>
              <button type="button" onClick={reloadKeepingEdits}>Reload, keeping my edits</button>
            </div>
          )}
          {notice && <p class="banner ok" role="status">{notice}</p>}
          {killed && <p class="banner killed">Killed by {article.updatedBy ?? 'an editor'}: nothing more can be recorded
            for this article, and readers of its public page see the notice.</p>}
          <ContentFields draft={draft} setDraft={setDraft} errors={errors} setErrors={setErrors} readOnly={killed || busy}
                         bodyResetKey={bodyResetKey} initialBody={draft.body} />
          <Problem error={problem} />
          {!killed && (
            <div class="actions-row">
              <button class="primary" disabled={!dirty || busy}>Save changes</button>
              <span class="hint">{dirty ? `Unsaved: ${Object.keys(changes).join(', ')}` : 'No unsaved changes'}</span>
            </div>
          )}
        </form>
        <Photos article={article} write={write} readOnly={killed} />
      </div>
      <aside>
        <Status article={article} />
        {!killed && <Workflow article={article} write={write} dirty={dirty} />}
        <Bylines article={article} write={write} readOnly={killed} />
      </aside>
    </div>
  );
}

function Status({ article }) {
  return (
    <section class="panel status" aria-label="Status">
      <dl>
        <dt>State</dt><dd data-testid="article-state">{stateLabel(article.state)}</dd>
        <dt>Version</dt><dd data-testid="article-version">{article.version}</dd>
        <dt>Publication</dt><dd>{article.publicationNumber ? `#${article.publicationNumber}` : 'never published'}
          {article.publicationNumber > 0 && article.pendingChanges ? ' · changes not live yet' : ''}</dd>
        <dt>Last change</dt><dd title={formatTime(article.updatedAt)}>{article.updatedBy ?? 'unknown'}, {ago(article.updatedAt)}</dd>
        <dt>Created</dt><dd title={formatTime(article.createdAt)}>{article.createdBy ?? 'unknown'}, {ago(article.createdAt)}</dd>
      </dl>
      {article.slug && article.state === 'PUBLISHED' && (
        <p><a href={`/site/articles/${article.slug}`} target="_blank" rel="noopener">Public page (ninjs JSON)</a></p>
      )}
    </section>
  );
}

function ActionForm({ title, children, onSubmit, submit, open, danger, disabled }) {
  const [error, setError] = useState(null);
  const [fieldErrors, setFieldErrors] = useState({});
  const [busy, setBusy] = useState(false);
  const run = async (event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      await onSubmit(event.currentTarget);
      event.target.reset?.();
    } catch (failure) {
      if (failure.status !== 412) {
        const { fields, general } = split(failure, ['note', 'reason', 'notice', 'changeKind']);
        setFieldErrors(fields);
        setError(general);
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <details class="action" open={open}>
      <summary>{title}</summary>
      <form onSubmit={run}>
        {typeof children === 'function' ? children(fieldErrors) : children}
        <Problem error={error} />
        <button class={danger ? 'danger' : 'primary'} disabled={busy || disabled}>{submit}</button>
      </form>
    </details>
  );
}

const text = (form, name) => form.elements[name]?.value.trim() || undefined;

/** The workflow commands this user's roles allow in this state. */
function Workflow({ article, write, dirty }) {
  const editor = hasRole('editor');
  const base = `/api/articles/${encodeURIComponent(article.id)}`;
  const republish = article.publicationNumber > 0;
  const [changeKind, setChangeKind] = useState('update');
  const [published, setPublished] = useState(null);
  const canPublish = article.pendingChanges || article.state !== 'PUBLISHED';

  return (
    <section class="panel workflow" aria-label="Workflow">
      <h2>Workflow</h2>
      {dirty && <p class="hint">Save your changes first: commands act on the saved version.</p>}
      {article.state === 'DRAFT' && (
        <ActionForm title="Submit for review" submit="Submit for review" open disabled={dirty}
                    onSubmit={(form) => write('post', `${base}/submit`, { note: text(form, 'note') })}>
          <label>Note to the desk (optional)<textarea name="note" rows={2} /></label>
        </ActionForm>
      )}
      {editor && article.state === 'IN_REVIEW' && (
        <ActionForm title="Request changes" submit="Request changes" disabled={dirty}
                    onSubmit={(form) => write('post', `${base}/request-changes`, { note: text(form, 'note') })}>
          {(errors) => <><label>What should change<textarea name="note" rows={2} required /></label>
            <FieldError errors={errors} field="note" /></>}
        </ActionForm>
      )}
      {editor && canPublish && (
        <ActionForm title={republish ? 'Republish' : 'Publish'} submit={republish ? 'Republish now' : 'Publish now'} open
                    disabled={dirty}
                    onSubmit={async (form) => {
                      const body = republish ? { changeKind, note: text(form, 'note') } : {};
                      const answer = await write('post', `${base}/publish`, body);
                      setPublished(answer.data);
                      setChangeKind('update');
                    }}>
          {(errors) => republish && (
            <>
              <label>Change kind
                <select name="changeKind" value={changeKind} onChange={(e) => setChangeKind(e.currentTarget.value)}>
                  <option value="update">Update</option>
                  <option value="correction">Correction</option>
                  <option value="clarification">Clarification</option>
                </select>
              </label>
              <label>Public note{changeKind === 'update' ? ' (optional)' : ''}
                <textarea name="note" rows={2} required={changeKind !== 'update'} />
              </label>
              <FieldError errors={errors} field="note" />
            </>
          )}
        </ActionForm>
      )}
      {published && (
        <p class="banner ok" role="status">Publication #{published.publicationNumber} is live:
          {' '}<a href={published.url} target="_blank" rel="noopener">{published.url}</a></p>
      )}
      {editor && article.state === 'PUBLISHED' && (
        <ActionForm title="Unpublish" submit="Unpublish" danger disabled={dirty}
                    onSubmit={(form) => write('post', `${base}/unpublish`, { reason: text(form, 'reason') })}>
          {(errors) => <><label>Reason<textarea name="reason" rows={2} required /></label>
            <FieldError errors={errors} field="reason" /></>}
        </ActionForm>
      )}
      {editor && (
        <ActionForm title="Kill" submit="Kill article" danger disabled={dirty}
                    onSubmit={(form) => write('post', `${base}/kill`, { reason: text(form, 'reason'),
                      notice: text(form, 'notice') })}>
          {(errors) => <>
            <p class="hint">Killing is final: nothing is accepted after it, and readers see the notice.</p>
            <label>Reason (internal)<textarea name="reason" rows={2} required /></label>
            <FieldError errors={errors} field="reason" />
            <label>Notice to readers<textarea name="notice" rows={2} required /></label>
            <FieldError errors={errors} field="notice" />
          </>}
        </ActionForm>
      )}
      {!editor && article.state !== 'DRAFT' && <p class="hint">An editor reviews and publishes it.</p>}
    </section>
  );
}

function bylineRows(bylines) {
  return bylines.map((b) => ({ name: b.name ?? '', role: b.role ?? '', affiliation: b.affiliation ?? '' }));
}

function Bylines({ article, write, readOnly }) {
  const [rows, setRows] = useState(() => bylineRows(article.bylines));
  const [errors, setErrors] = useState({});
  const [problem, setProblem] = useState(null);
  const saved = JSON.stringify(bylineRows(article.bylines));
  const dirty = JSON.stringify(rows) !== saved;
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  useEffect(() => {
    if (!dirtyRef.current) setRows(bylineRows(article.bylines));
  }, [saved]);

  const edit = (index, field, value) => setRows(rows.map((row, i) => (i === index ? { ...row, [field]: value } : row)));
  const assign = async (event) => {
    event.preventDefault();
    setErrors({});
    setProblem(null);
    const bylines = rows.filter((row) => row.name.trim()).map((row) => {
      const byline = { name: row.name.trim() };
      if (row.role.trim()) byline.role = row.role.trim();
      if (row.affiliation.trim()) byline.affiliation = row.affiliation.trim();
      return byline;
    });
    try {
      await write('put', `/api/articles/${encodeURIComponent(article.id)}/byline`, { bylines });
      setRows(bylineRows(bylines));
    } catch (failure) {
      if (failure.status === 412) return;
      const { fields, general } = split(failure, ['bylines']);
      setErrors(fields);
      setProblem(general ?? (Object.keys(fields).length ? new Error(Object.values(fields).join('; ')) : null));
    }
  };

  return (
    <form class="panel bylines" aria-label="Bylines" onSubmit={assign}>
      <h2>Bylines</h2>
      {rows.map((row, index) => (
        <fieldset class="byline" key={index}>
          <label>Name<input value={row.name} readOnly={readOnly} onInput={(e) => edit(index, 'name', e.currentTarget.value)} /></label>
          <label>Role<input value={row.role} placeholder="author" readOnly={readOnly}
                            onInput={(e) => edit(index, 'role', e.currentTarget.value)} /></label>
          <label>Affiliation<input value={row.affiliation} placeholder="AFP" readOnly={readOnly}
                                   onInput={(e) => edit(index, 'affiliation', e.currentTarget.value)} /></label>
          {!readOnly && <button type="button" class="link" onClick={() => setRows(rows.filter((_, i) => i !== index))}>
            Remove</button>}
        </fieldset>
      ))}
      {!rows.length && <p class="hint">No byline yet: an article needs one to be published.</p>}
      <Problem error={problem} />
      {!readOnly && (
        <div class="actions-row">
          <button type="button" disabled={rows.length >= 10}
                  onClick={() => setRows([...rows, { name: '', role: 'author', affiliation: '' }])}>Add byline</button>
          <button class="primary" disabled={!dirty || !rows.some((row) => row.name.trim())}>Assign bylines</button>
        </div>
      )}
    </form>
  );
}

function PhotoPreview({ uri, alt }) {
  const [failed, setFailed] = useState(false);
  useEffect(() => setFailed(false), [uri]);
  if (!/^https?:\/\/\S+$/i.test(uri ?? '')) return <div class="preview empty">No preview</div>;
  if (failed) return <div class="preview empty">The image at this address could not be loaded</div>;
  return <img class="preview" src={uri} alt={alt || ''} loading="lazy" referrerpolicy="no-referrer"
              onError={() => setFailed(true)} />;
}

const PHOTO_FIELDS = [['caption', 'Caption'], ['credit', 'Credit'], ['altText', 'Alt text']];

function PhotoCard({ photo, index, base, write, readOnly }) {
  const initial = { caption: photo.caption ?? '', credit: photo.credit ?? '', altText: photo.altText ?? '' };
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState({});
  const [problem, setProblem] = useState(null);
  const changes = Object.fromEntries(PHOTO_FIELDS.map(([f]) => f).filter((f) => values[f] !== initial[f])
    .map((f) => [f, values[f]]));
  const dirty = Object.keys(changes).length > 0;
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const savedKey = JSON.stringify(initial);

  useEffect(() => {
    if (!dirtyRef.current) setValues(initial);
  }, [savedKey]);

  const path = `${base}/photos/${encodeURIComponent(photo.photoId)}`;
  const handle = (failure) => {
    if (failure.status === 412) return;
    const { fields, general } = split(failure, ['caption', 'credit', 'altText']);
    setErrors(fields);
    setProblem(general);
  };
  const save = (event) => {
    event.preventDefault();
    setErrors({});
    setProblem(null);
    write('patch', path, changes).catch(handle);
  };

  return (
    <form class="photo" aria-label={`Photo ${index + 1}`} data-photo-id={photo.photoId} onSubmit={save}>
      <PhotoPreview uri={photo.uri} alt={photo.altText} />
      <div class="photo-fields">
        <p class="uri">{index === 0 ? <strong>Lead photo · </strong> : null}<a href={photo.uri} target="_blank"
                                                                              rel="noopener noreferrer">{photo.uri}</a></p>
        {PHOTO_FIELDS.map(([field, label]) => (
          <>
            <label>{label}
              <input value={values[field]} readOnly={readOnly} aria-invalid={!!errors[field]}
                     onInput={(e) => {
                       setValues({ ...values, [field]: e.currentTarget.value });
                       setErrors({ ...errors, [field]: undefined });
                     }} />
            </label>
            <FieldError errors={errors} field={field} />
          </>
        ))}
        <Problem error={problem} />
        {!readOnly && (
          <div class="actions-row">
            <button class="primary" disabled={!dirty}>Save photo</button>
            <button type="button" class="danger" onClick={() => write('del', path).catch(handle)}>Detach</button>
          </div>
        )}
      </div>
    </form>
  );
}

const NO_PHOTO = { uri: '', caption: '', credit: '', altText: '' };

function AttachPhoto({ base, write }) {
  const [values, setValues] = useState(NO_PHOTO);
  const [errors, setErrors] = useState({});
  const [problem, setProblem] = useState(null);
  const [busy, setBusy] = useState(false);

  const attach = async (event) => {
    event.preventDefault();
    setErrors({});
    setProblem(null);
    setBusy(true);
    const body = { uri: values.uri.trim(), caption: values.caption, credit: values.credit };
    if (values.altText.trim()) body.altText = values.altText;
    try {
      await write('post', `${base}/photos`, body);
      setValues(NO_PHOTO);
    } catch (failure) {
      if (failure.status !== 412) {
        const { fields, general } = split(failure, ['uri', 'caption', 'credit', 'altText']);
        setErrors(fields);
        setProblem(general);
      }
    } finally {
      setBusy(false);
    }
  };

  const field = (name, label, props = {}) => (
    <>
      <label>{label}
        <input value={values[name]} aria-invalid={!!errors[name]} {...props}
               onInput={(e) => {
                 setValues({ ...values, [name]: e.currentTarget.value });
                 setErrors({ ...errors, [name]: undefined });
               }} />
      </label>
      <FieldError errors={errors} field={name} />
    </>
  );

  return (
    <form class="photo attach" aria-label="Attach a photo" onSubmit={attach}>
      <PhotoPreview uri={values.uri} alt={values.altText} />
      <div class="photo-fields">
        <h3>Attach a photo</h3>
        {field('uri', 'Image URL', { type: 'url', placeholder: 'https://…' })}
        {field('caption', 'Caption')}
        {field('credit', 'Credit', { placeholder: 'Photographer/Agency' })}
        {field('altText', 'Alt text')}
        <Problem error={problem} />
        <div class="actions-row"><button class="primary" disabled={busy}>Attach photo</button></div>
      </div>
    </form>
  );
}

function Photos({ article, write, readOnly }) {
  const base = `/api/articles/${encodeURIComponent(article.id)}`;
  return (
    <section class="panel photos" aria-label="Photos">
      <h2>Photos</h2>
      {article.photos.map((photo, index) => (
        <PhotoCard key={photo.photoId} photo={photo} index={index} base={base} write={write} readOnly={readOnly} />
      ))}
      {!article.photos.length && <p class="hint">No photos.</p>}
      {!readOnly && article.photos.length < 50 && <AttachPhoto base={base} write={write} />}
    </section>
  );
}

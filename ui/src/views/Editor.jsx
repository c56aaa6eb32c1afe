import { useEffect, useRef, useState } from 'preact/hooks';

import { ApiError, currentSession, del, get, hasRole, patch, post, put, uploadImage } from '../api.js';
import { ago, formatTime, localInputToInstant, instantToLocalInput, stateLabel } from '../format.js';
import { setUnsaved } from '../guard.js';
import { sanitizeBody } from '../lib/html.js';
import { dropLocalCopies, findLocalCopy, keepLocalCopy } from '../lib/localCopy.js';
import { brokenPhotos, moved, notePhotoLoad, photoSrc } from '../lib/photos.js';
import { timeZoneName, whenLabel } from '../lib/time.js';
import { onLiveEvent } from '../live.js';
import { BodyEditor } from './BodyEditor.jsx';
import { ConfirmDialog, FieldError, Problem, useTitle } from './common.jsx';
import { Conversation } from './Conversation.jsx';
import { Provenance } from './Provenance.jsx';

const TEXT_FIELDS = ['headline', 'standfirst', 'language'];
const HEADLINE_LIMIT = 300;

/** Field errors of an ApiError, and the error itself when no field it names is shown on this form. */
function split(error, fields) {
  if (!(error instanceof ApiError)) return { fields: {}, general: error };
  const named = error.fieldErrors();
  const shown = Object.keys(named).filter((field) => fields.some((f) => field === f || field.startsWith(f + '[')
    || field.startsWith(f + '.')));
  return { fields: named, general: shown.length ? null : error };
}

// GET /api/languages, once per page load: {languages: [{tag, name}], defaultLanguage} (a bare list is taken too);
// null (a free text field) when the server has no list
let languages = null;

function useLanguages() {
  const [list, setList] = useState(null);
  useEffect(() => {
    languages ??= get('/api/languages')
      .then((answer) => {
        const all = Array.isArray(answer.data) ? answer.data : answer.data?.languages;
        return Array.isArray(all) && all.length ? { all, defaultLanguage: answer.data?.defaultLanguage ?? null } : null;
      })
      .catch(() => {
        languages = null;
        return null;
      });
    let live = true;
    languages.then((value) => live && setList(value));
    return () => {
      live = false;
    };
  }, []);
  return list;
}

function LanguageField({ value, readOnly, error, onChange, onDefault }) {
  const languages = useLanguages();
  useEffect(() => {
    if (languages?.defaultLanguage) onDefault?.(languages.defaultLanguage);
  }, [languages]);
  const list = languages?.all;
  if (!list) {
    return (
      <label class="narrow">Language
        <input value={value} readOnly={readOnly} aria-invalid={!!error} onInput={(e) => onChange(e.currentTarget.value)} />
      </label>
    );
  }
  const known = list.some((language) => language.tag === value);
  return (
    <label class="narrow">Language
      <select value={value} disabled={readOnly} aria-invalid={!!error} onChange={(e) => onChange(e.currentTarget.value)}>
        {!known && value && <option value={value}>{value}</option>}
        {list.map((language) => <option key={language.tag} value={language.tag}>{language.name} ({language.tag})</option>)}
      </select>
    </label>
  );
}

function HeadlineCounter({ headline }) {
  const length = [...headline].length;
  const over = length - HEADLINE_LIMIT;
  return (
    <p id="headline-count" class={`counter${over > 0 ? ' over' : ''}`} data-testid="headline-count">
      {length} / {HEADLINE_LIMIT}{over > 0 ? ` · ${over} too many` : ''}
    </p>
  );
}

function ContentFields({ draft, setDraft, errors, setErrors, readOnly, bodyResetKey, initialBody, onDefaultLanguage }) {
  // editing a field clears the API's complaint about it
  const edit = (field, value) => {
    // a language the user picked is not replaced by the installation's default arriving later
    setDraft((current) => ({ ...current, [field]: value, ...(field === 'language' ? { languageChosen: true } : {}) }));
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  };
  return (
    <>
      <label>Headline
        <input class="headline" value={draft.headline} readOnly={readOnly} aria-invalid={!!errors.headline}
               aria-describedby="headline-count" onInput={(e) => edit('headline', e.currentTarget.value)} />
      </label>
      <HeadlineCounter headline={draft.headline} />
      <FieldError errors={errors} field="headline" />
      <label>Standfirst
        <textarea rows={3} value={draft.standfirst} readOnly={readOnly} aria-invalid={!!errors.standfirst}
                  onInput={(e) => edit('standfirst', e.currentTarget.value)} />
      </label>
      <FieldError errors={errors} field="standfirst" />
      <div class="label">Body</div>
      <BodyEditor html={initialBody} resetKey={bodyResetKey} readOnly={readOnly} error={errors.body}
                  onChange={(body) => edit('body', body)} />
      <LanguageField value={draft.language} readOnly={readOnly} error={errors.language}
                     onChange={(value) => edit('language', value)} onDefault={onDefaultLanguage} />
      <FieldError errors={errors} field="language" />
    </>
  );
}

/** A new draft: headline, standfirst, body and language; the rest once it exists. */
export function NewArticle() {
  useTitle('New article');
  const [draft, setDraft] = useState({ headline: '', standfirst: '', body: '', language: 'en' });
  const [errors, setErrors] = useState({});
  const [problem, setProblem] = useState(null);
  const [busy, setBusy] = useState(false);
  const typed = !!(draft.headline.trim() || draft.standfirst.trim() || sanitizeBody(draft.body));

  useEffect(() => {
    setUnsaved('new', typed ? 'a new article' : null);
  }, [typed]);
  useEffect(() => () => setUnsaved('new', null), []);

  async function create(event) {
    event?.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const body = { headline: draft.headline, body: sanitizeBody(draft.body), language: draft.language || 'en' };
      if (draft.standfirst.trim()) body.standfirst = draft.standfirst;
      const answer = await post('/api/articles', body);
      setUnsaved('new', null);
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
                     bodyResetKey={0} initialBody=""
                     onDefaultLanguage={(tag) => setDraft((current) => (current.languageChosen ? current
                       : { ...current, language: tag }))} />
      <Problem error={problem} onRetry={create} />
      <div class="actions-row">
        <button class="primary" disabled={busy}>{busy ? 'Creating…' : 'Create draft'}</button>
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

// what the desk sees of an article besides its text: when only this changed, unsaved edits are not in the way
const sameText = (a, b) => TEXT_FIELDS.every((f) => (a[f] ?? '') === (b[f] ?? ''))
  && sanitizeBody(a.body ?? '') === sanitizeBody(b.body ?? '');

/** What someone else's change did, in a sentence, from the article before and after it. */
function describeUpdate(before, after) {
  const who = after.updatedBy ?? 'someone';
  const said = (after.conversation?.length ?? 0) > (before.conversation?.length ?? 0)
    ? after.conversation[after.conversation.length - 1] : null;
  if (said && said.kind === 'comment' && before.state === after.state && sameText(before, after)) {
    return `New comment from ${said.actor ?? who}.`;
  }
  const now = before.state !== after.state ? `: now ${stateLabel(after.state)}` : '';
  return `Updated by ${who} to version ${after.version}${now}.`;
}

const storage = () => {
  try {
    return localStorage;
  } catch {
    return null;
  }
};

/**
 * The editing screen of one article. Every write is conditional on the version on screen (If-Match); its answer's
 * Newsroom-Position makes the next read wait for the read model (?atLeast=), so the screen shows the new state at
 * once. A stale version (412), or a change someone else made to the text (live), offers to reload without losing
 * what the user has typed; unsaved edits are also kept in localStorage and offered back after a reload.
 */
export function ArticleEditor({ id }) {
  const [article, setArticle] = useState(null);
  const [loadError, setLoadError] = useState(null);
  const [draft, setDraft] = useState(null);
  const [bodyResetKey, setBodyResetKey] = useState(0);
  const [errors, setErrors] = useState({});
  const [problem, setProblem] = useState(null);
  const [busy, setBusy] = useState(false);
  const [saving, setSaving] = useState(false);
  const [stale, setStale] = useState(null);
  const [notice, setNotice] = useState(null);
  const [restored, setRestored] = useState(null);
  const [attempt, setAttempt] = useState(0);
  const articleRef = useRef(null);
  const draftRef = useRef(null);
  const inflight = useRef(Promise.resolve());
  const user = currentSession()?.user;
  articleRef.current = article;
  draftRef.current = draft;
  useTitle(article ? `Edit: ${article.headline}` : 'Edit');

  const show = (next, keepDraft) => {
    const previous = articleRef.current;
    articleRef.current = next;
    setArticle(next);
    const current = draftRef.current;
    if (!previous) {
      // the first time: the edits this browser kept for it, if any
      const copy = next.state !== 'KILLED' && storage() ? findLocalCopy(storage(), user, id, next.version) : null;
      const kept = copy ? Object.fromEntries(Object.entries(copy.fields).filter(([f]) => f === 'body' || TEXT_FIELDS.includes(f))) : {};
      const draft = { ...fromArticle(next), ...kept };
      setDraft(draft);
      setBodyResetKey((key) => key + 1);
      // only what still differs from the article is worth saying (the same edits may have been saved elsewhere)
      const differing = Object.keys(changedFields(draft, next));
      if (copy && differing.length) setRestored({ ...copy, fields: differing });
      return;
    }
    if (!current || !keepDraft) {
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
    setLoadError(null);
    load().catch((failure) => setLoadError(failure));
  }, [id, attempt]);

  // someone else's change: reload at once if nothing is being edited or their change left the text alone, else
  // offer to reload keeping the edits
  useEffect(() => onLiveEvent((event) => {
    if (event.subject !== id) return;
    inflight.current.finally(async () => {
      const current = articleRef.current;
      if (!current || (event.articleversion ?? 0) <= current.version) return;
      const dirty = draftRef.current && Object.keys(changedFields(draftRef.current, current)).length > 0;
      const latest = (await get(`/api/articles/${encodeURIComponent(id)}`, { atLeast: event.position })).data;
      if (latest.version <= articleRef.current.version) return;
      if (dirty && !sameText(latest, current)) {
        setStale({ version: latest.version, by: latest.updatedBy });
        return;
      }
      show(latest, dirty);
      setNotice(describeUpdate(current, latest) + (dirty ? ' Your unsaved edits are kept.' : ''));
    }).catch(() => {});
  }), [id]);

  const changes = article && draft ? changedFields(draft, article) : {};
  const dirty = Object.keys(changes).length > 0;

  useEffect(() => {
    setUnsaved('article', dirty ? Object.keys(changes).join(', ') : null);
    if (article && storage() && article.state !== 'KILLED') keepLocalCopy(storage(), user, id, article.version, changes);
  }, [JSON.stringify(changes), article?.version]);
  useEffect(() => () => setUnsaved('article', null), []);

  /**
   * One write, conditional on the version on screen unless `ifMatch` is false (a comment does not conflict with
   * edits); on success the screen shows the state it made. Throws the ApiError for the caller's form.
   */
  const write = (method, path, body, { ifMatch = true } = {}) => {
    const run = (async () => {
      setBusy(true);
      setNotice(null);
      try {
        const send = { patch, post, put, del }[method];
        const options = ifMatch ? { ifMatch: articleRef.current.version } : {};
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

  const discardRestored = () => {
    dropLocalCopies(storage(), user, id);
    setRestored(null);
    show(articleRef.current, false);
  };

  if (loadError) {
    return (
      <section class="panel"><h1>Article not available</h1>
        <Problem error={loadError} onRetry={() => setAttempt((n) => n + 1)} /></section>
    );
  }
  if (!article || !draft) return <section class="panel" aria-busy="true"><p>Loading…</p></section>;

  const killed = article.state === 'KILLED';
  const base = `/api/articles/${encodeURIComponent(id)}`;

  async function save(event) {
    event?.preventDefault();
    setErrors({});
    setProblem(null);
    setSaving(true);
    try {
      await write('patch', base, changedFields(draftRef.current, articleRef.current));
      dropLocalCopies(storage(), user, id);
      setRestored(null);
      setNotice(`Saved: version ${articleRef.current.version}.`);
    } catch (failure) {
      if (failure.status === 412) return;
      const { fields, general } = split(failure, ['headline', 'standfirst', 'body', 'language']);
      setErrors(fields);
      setProblem(general);
    } finally {
      setSaving(false);
    }
  }

  return (
    <div class="editor-layout" data-version={article.version} data-state={article.state}>
      <div class="main-column">
        <form class="panel editor" aria-label="Article" onSubmit={save} aria-busy={saving}>
          <div class="title-row">
            <h1>{article.headline}</h1>
            <span>
              <span class={`state state-${article.state}`}>{stateLabel(article.state)}</span>
              {article.changesRequested && <span class="tag warn">changes requested</span>}
            </span>
          </div>
          {stale && (
            <div class="banner warn" role="alert">
              <p>{stale.conflict ? 'Not saved: this article changed since you opened it' : `${stale.by ?? 'Someone'} changed this article`}
                {stale.version ? ` (it is now at version ${stale.version})` : ''}. Your edits are still here.</p>
              <button type="button" onClick={reloadKeepingEdits}>Reload, keeping my edits</button>
            </div>
          )}
          {restored && (
            <div class="banner note" role="status" data-testid="restored">
              <p>Restored your unsaved edits ({restored.fields.join(', ')}) from {formatTime(restored.at)}, kept in
                this browser{restored.exact ? '' : ` on version ${restored.version}; the article is now at version `
                + `${article.version}: check them before saving`}.</p>
              <button type="button" onClick={discardRestored}>Discard them</button>
            </div>
          )}
          {notice && <p class="banner ok" role="status">{notice}</p>}
          {killed && <p class="banner killed">Killed by {article.updatedBy ?? 'an editor'}: nothing more can be recorded
            for this article, and readers of its public page see the notice.</p>}
          <ContentFields draft={draft} setDraft={setDraft} errors={errors} setErrors={setErrors} readOnly={killed || busy}
                         bodyResetKey={bodyResetKey} initialBody={draft.body} />
          <Problem error={problem} onRetry={save} />
          {!killed && (
            <div class="actions-row">
              <button class="primary" disabled={!dirty || busy}>{saving ? 'Saving…' : 'Save changes'}</button>
              <span class="hint" role="status">{saving ? 'Saving…' : dirty ? `Unsaved: ${Object.keys(changes).join(', ')}`
                : 'No unsaved changes'}</span>
            </div>
          )}
        </form>
        <Photos article={article} write={write} readOnly={killed} />
      </div>
      <aside>
        <Status article={article} />
        <Provenance article={article} editor={hasRole('editor') && !killed} onChanged={() => setAttempt((n) => n + 1)} />
        {!killed && <Workflow article={article} write={write} dirty={dirty} />}
        {Array.isArray(article.conversation) && (
          <Conversation article={article} readOnly={killed}
                        comment={(text) => write('post', `${base}/comments`, { text }, { ifMatch: false })} />
        )}
        <Bylines article={article} write={write} readOnly={killed} />
      </aside>
    </div>
  );
}

const publicPath = (article) => (article.slug ? `/site/articles/${article.slug}` : null);

function Status({ article }) {
  return (
    <section class="panel status" aria-label="Status">
      <dl>
        <dt>State</dt><dd data-testid="article-state">{stateLabel(article.state)}</dd>
        <dt>Version</dt><dd data-testid="article-version">{article.version}</dd>
        <dt>Publication</dt><dd>{article.publicationNumber ? `#${article.publicationNumber}` : 'never published'}
          {article.publicationNumber > 0 && article.state !== 'PUBLISHED' ? ' · not live' : ''}
          {article.state === 'PUBLISHED' && article.pendingChanges ? ' · changes not live yet' : ''}</dd>
        {article.schedule && <><dt>Scheduled</dt><dd>{whenLabel(article.schedule.at)}</dd></>}
        {article.embargo && <><dt>Embargo</dt><dd>until {whenLabel(article.embargo.until)}</dd></>}
        <dt>Last change</dt><dd title={formatTime(article.updatedAt)}>{article.updatedBy ?? 'unknown'}, {ago(article.updatedAt)}</dd>
        <dt>Created</dt><dd title={formatTime(article.createdAt)}>{article.createdBy ?? 'unknown'}, {ago(article.createdAt)}</dd>
      </dl>
    </section>
  );
}

function ActionForm({ title, children, onSubmit, submit, open, danger, disabled }) {
  const [error, setError] = useState(null);
  const [fieldErrors, setFieldErrors] = useState({});
  const [busy, setBusy] = useState(false);
  const run = async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      if ((await onSubmit(form)) !== false) form.reset?.();
    } catch (failure) {
      if (failure.status !== 412) {
        const { fields, general } = split(failure, ['note', 'reason', 'notice', 'changeKind', 'at', 'until']);
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

const CHANGE_KINDS = { update: 'Update', correction: 'Correction', clarification: 'Clarification' };

/** What a publication puts live, for its confirmation. */
function PublishSummary({ article, republish, changeKind, note }) {
  const where = publicPath(article);
  return (
    <dl class="summary">
      <dt>What goes live</dt>
      <dd>{republish ? `Publication #${article.publicationNumber + 1}: the saved version ${article.version}, in place of `
        + `publication #${article.publicationNumber}${where ? ` at ${where}` : ''}`
        : `Publication #1: the saved version ${article.version}, at a new public address made from the headline`}</dd>
      <dt>Headline</dt><dd data-testid="confirm-headline">{article.headline}</dd>
      <dt>Change kind</dt><dd>{republish ? CHANGE_KINDS[changeKind] : 'First publication'}</dd>
      <dt>Public note</dt><dd>{note || <span class="hint">none</span>}</dd>
      <dt>By</dt><dd>{article.bylines?.length ? article.bylines.map((b) => b.name).join(', ') : <span class="hint">no byline</span>}</dd>
      <dt>Photos</dt><dd>{article.photos?.length ?? 0}
        {brokenPhotos(article.photos).map(({ index }) => (
          <p class="banner warn-soft" role="alert" data-testid="confirm-broken-photo">Photo {index + 1} could not be
            loaded: readers would see a broken image. Publish anyway only if you know it loads for them.</p>
        ))}
        {' '}<a href={`/api/articles/${encodeURIComponent(article.id)}/preview`} target="_blank" rel="noopener">
          Open the preview</a></dd>
      <dt>As readers will see it</dt>
      <dd>{/* the working copy through the reader's page template; same origin so its photos load, no scripts */}
        <iframe class="publish-preview" title="Preview of the reader's page" sandbox="allow-same-origin"
                src={`/api/articles/${encodeURIComponent(article.id)}/preview`} /></dd>
    </dl>
  );
}

/** The confirmation that is open, if any: {kind, …what it needs}. */
function useConfirmation(write) {
  const [pending, setPending] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const open = (next) => {
    setError(null);
    setPending(next);
  };
  const run = async (method, path, body) => {
    setBusy(true);
    setError(null);
    try {
      await write(method, path, body);
      setPending(null);
    } catch (failure) {
      if (failure.status === 412) setPending(null);
      else setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return { pending, open, close: () => setPending(null), run, error, busy };
}

/** The workflow commands this user's roles allow in this state, each irreversible one behind a confirmation. */
function Workflow({ article, write, dirty }) {
  const editor = hasRole('editor');
  const base = `/api/articles/${encodeURIComponent(article.id)}`;
  const republish = article.publicationNumber > 0;
  const [changeKind, setChangeKind] = useState('update');
  const [note, setNote] = useState('');
  const [at, setAt] = useState('');
  const [whyUnreviewed, setWhyUnreviewed] = useState('');
  const [scheduleError, setScheduleError] = useState(null);
  const confirmation = useConfirmation(write);
  const canPublish = article.pendingChanges || article.state !== 'PUBLISHED';
  // an editor publishing an article in review is its review; before the server says, a published one was reviewed
  const reviewed = article.state === 'IN_REVIEW' || (article.reviewed ?? republish);
  const where = publicPath(article);
  const embargoed = article.embargo && new Date(article.embargo.until) > new Date();
  const publication = republish ? { changeKind, note: note.trim() || undefined } : {};
  const { pending } = confirmation;

  const schedule = async () => {
    setScheduleError(null);
    const instant = localInputToInstant(at);
    if (!instant) {
      setScheduleError(new Error('Pick a date and a time.'));
      return;
    }
    try {
      await write('put', `${base}/schedule`, { at: instant, ...publication });
      setAt('');
    } catch (failure) {
      if (failure.status !== 412) setScheduleError(failure);
    }
  };

  return (
    <section class="panel workflow" aria-label="Workflow">
      <h2>Workflow</h2>
      {article.state === 'PUBLISHED' && article.publicationNumber > 0 && (
        <p class="banner ok" role="status">Publication #{article.publicationNumber} is live
          {where ? <>: <a href={where} target="_blank" rel="noopener">{where}</a></> : '.'}</p>
      )}
      {article.schedule && (
        <div class="banner note" data-testid="schedule">
          <p><strong>Scheduled for {whenLabel(article.schedule.at)}</strong>
            {article.schedule.changeKind && article.schedule.changeKind !== 'update' ? ` (${article.schedule.changeKind})` : ''}
            {article.schedule.by ? `, by ${article.schedule.by}` : ''}.
            <span class="hint"> {formatTime(article.schedule.at)}</span></p>
          {article.schedule.note && <p class="hint">Public note: {article.schedule.note}</p>}
          {editor && <button type="button" onClick={() => write('del', `${base}/schedule`).catch(setScheduleError)}>
            Cancel the scheduled publication</button>}
        </div>
      )}
      {article.embargo && (
        <div class="banner warn-soft" data-testid="embargo">
          <p><strong>Embargoed until {whenLabel(article.embargo.until)}</strong>
            {article.embargo.by ? `, set by ${article.embargo.by}` : ''}: it cannot be published before then.</p>
          {editor && <button type="button" onClick={() => write('del', `${base}/embargo`).catch(setScheduleError)}>
            Lift the embargo</button>}
        </div>
      )}
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
      {editor && canPublish && reviewed && (
        <details class="action" open>
          <summary>{republish ? 'Republish' : 'Publish'}</summary>
          <form onSubmit={(event) => { event.preventDefault(); confirmation.open({ kind: 'publish' }); }}>
            {republish && (
              <>
                <label>Change kind
                  <select name="changeKind" value={changeKind} onChange={(e) => setChangeKind(e.currentTarget.value)}>
                    {Object.entries(CHANGE_KINDS).map(([value, label]) => <option value={value}>{label}</option>)}
                  </select>
                </label>
                <label>Public note{changeKind === 'update' ? ' (optional)' : ''}
                  <textarea name="note" rows={2} required={changeKind !== 'update'} value={note}
                            onInput={(e) => setNote(e.currentTarget.value)} />
                </label>
              </>
            )}
            <button class="primary" disabled={dirty}>{republish ? 'Republish…' : 'Publish…'}</button>
            <div class="schedule-fields">
              <label>Or publish at (your time zone: {timeZoneName()})
                <input type="datetime-local" value={at} min={instantToLocalInput(Date.now()).slice(0, 16)}
                       onInput={(e) => setAt(e.currentTarget.value)} />
              </label>
              <button type="button" disabled={dirty || !at || (republish && changeKind !== 'update' && !note.trim())}
                      onClick={schedule}>{article.schedule ? 'Reschedule' : 'Schedule'}</button>
            </div>
            <Problem error={scheduleError} />
          </form>
        </details>
      )}
      {editor && canPublish && !reviewed && (
        <div class="action unreviewed">
          <p class="hint">Not reviewed yet: a reporter or an editor submits it for review first.</p>
          <button type="button" disabled={dirty} onClick={() => confirmation.open({ kind: 'unreviewed' })}>
            Publish without review…</button>
        </div>
      )}
      {editor && article.state !== 'PUBLISHED' && !article.embargo && (
        <ActionForm title="Embargo" submit="Set embargo" disabled={dirty}
                    onSubmit={(form) => {
                      const until = localInputToInstant(form.elements.until.value);
                      if (!until) throw new Error('Pick a date and a time.');
                      return write('put', `${base}/embargo`, { until });
                    }}>
          {(errors) => <><label>Not before (your time zone: {timeZoneName()})
            <input type="datetime-local" name="until" required /></label>
            <FieldError errors={errors} field="until" /></>}
        </ActionForm>
      )}
      {editor && article.state === 'PUBLISHED' && (
        <ActionForm title="Unpublish" submit="Unpublish…" danger disabled={dirty}
                    onSubmit={(form) => { confirmation.open({ kind: 'unpublish', reason: text(form, 'reason') }); return false; }}>
          {(errors) => <><label>Reason<textarea name="reason" rows={2} required /></label>
            <FieldError errors={errors} field="reason" /></>}
        </ActionForm>
      )}
      {editor && (
        <ActionForm title="Kill" submit="Kill…" danger disabled={dirty}
                    onSubmit={(form) => {
                      confirmation.open({ kind: 'kill', reason: text(form, 'reason'), notice: text(form, 'notice') });
                      return false;
                    }}>
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

      {pending?.kind === 'publish' && (
        <ConfirmDialog title={republish ? 'Republish this article?' : 'Publish this article?'}
                       confirm={republish ? 'Republish now' : 'Publish now'} busy={confirmation.busy}
                       error={confirmation.error} onCancel={confirmation.close}
                       onConfirm={() => confirmation.run('post', `${base}/publish`, publication).then(() => {
                         setChangeKind('update');
                         setNote('');
                       })}>
          <PublishSummary article={article} republish={republish} changeKind={changeKind} note={note.trim()} />
          {embargoed && <p class="banner warn-soft">Embargoed until {whenLabel(article.embargo.until)}: the server will
            refuse to publish it before then.</p>}
          <p class="hint">Readers, the site, the feed and the webhooks get it at once.</p>
        </ConfirmDialog>
      )}
      {pending?.kind === 'unreviewed' && (
        <ConfirmDialog title="Publish without review?" confirm="Publish without review" danger busy={confirmation.busy}
                       error={confirmation.error} onCancel={confirmation.close} disabled={!whyUnreviewed.trim()}
                       onConfirm={() => confirmation.run('post', `${base}/publish`, {
                         ...publication, withoutReview: whyUnreviewed.trim() }).then(() => setWhyUnreviewed(''))}>
          <p>No one has reviewed this version. The reason you give is recorded in the article's conversation.</p>
          <label>Why publish it without review?
            <textarea rows={2} required autofocus value={whyUnreviewed} onInput={(e) => setWhyUnreviewed(e.currentTarget.value)} />
          </label>
          <PublishSummary article={article} republish={republish} changeKind={changeKind} note={note.trim()} />
        </ConfirmDialog>
      )}
      {pending?.kind === 'unpublish' && (
        <ConfirmDialog title="Unpublish this article?" confirm="Unpublish" danger busy={confirmation.busy}
                       error={confirmation.error} onCancel={confirmation.close}
                       onConfirm={() => confirmation.run('post', `${base}/unpublish`, { reason: pending.reason })}>
          <dl class="summary">
            <dt>What happens</dt>
            <dd>The public page{where ? ` ${where}` : ''} stops answering and the article leaves the site's list; the
              feed and the webhooks tell subscribers. It can be published again later.</dd>
            <dt>Headline</dt><dd>{article.headline}</dd>
            <dt>Reason (internal)</dt><dd>{pending.reason}</dd>
          </dl>
        </ConfirmDialog>
      )}
      {pending?.kind === 'kill' && (
        <ConfirmDialog title="Kill this article?" confirm="Kill article" danger busy={confirmation.busy}
                       error={confirmation.error} onCancel={confirmation.close}
                       onConfirm={() => confirmation.run('post', `${base}/kill`, { reason: pending.reason, notice: pending.notice })}>
          <p class="banner killed">This cannot be undone: nothing more can be recorded for this article.</p>
          <dl class="summary">
            <dt>Headline</dt><dd>{article.headline}</dd>
            <dt>Public notice</dt>
            <dd>{article.publicationNumber > 0 ? `Readers of ${where ?? 'its public page'} see this instead of the article:`
              : 'Shown to readers if they ever reach its address:'}
              <blockquote data-testid="kill-notice">{pending.notice}</blockquote></dd>
            <dt>Reason (internal)</dt><dd>{pending.reason}</dd>
          </dl>
        </ConfirmDialog>
      )}
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
  useEffect(() => setUnsaved('bylines', dirty && !readOnly ? 'bylines' : null), [dirty, readOnly]);
  useEffect(() => () => setUnsaved('bylines', null), []);

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

function PhotoPreview({ src, alt, photoKey }) {
  const [failed, setFailed] = useState(false);
  useEffect(() => setFailed(false), [src]);
  if (!/^(https?:\/\/\S+|\/media\/\S+)$/i.test(src ?? '')) return <div class="preview empty">No preview</div>;
  if (failed) {
    return <div class="preview empty warn" role="alert" data-testid="photo-broken">
      This image could not be loaded: readers would see a broken image</div>;
  }
  return <img class="preview" src={src} alt={alt || ''} loading="lazy" referrerpolicy="no-referrer"
              onLoad={() => notePhotoLoad(photoKey, false)}
              onError={() => { setFailed(true); notePhotoLoad(photoKey, true); }} />;
}

const PHOTO_FIELDS = [['caption', 'Caption'], ['credit', 'Credit'], ['altText', 'Alt text']];

/** A photo field: the caption gets several lines, since captions run to sentences. */
function PhotoField({ field, label, value, error, readOnly, onInput, ...props }) {
  const shared = { value, readOnly, 'aria-invalid': !!error, onInput: (e) => onInput(e.currentTarget.value), ...props };
  return (
    <label>{label}
      {field === 'caption' ? <textarea rows={3} {...shared} /> : <input {...shared} />}
    </label>
  );
}

function PhotoCard({ photo, index, count, base, write, readOnly, move, drag }) {
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
  useEffect(() => setUnsaved(`photo-${photo.photoId}`, dirty && !readOnly ? `photo ${index + 1}` : null), [dirty, readOnly, index]);
  useEffect(() => () => setUnsaved(`photo-${photo.photoId}`, null), []);

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
  const reorder = (to) => move(index, to).catch(handle);

  return (
    <form class="photo" aria-label={`Photo ${index + 1}`} data-photo-id={photo.photoId} onSubmit={save}
          draggable={!readOnly && count > 1} onDragStart={(e) => drag.start(e, index)}
          onDragOver={(e) => drag.over(e)} onDrop={(e) => drag.drop(e, index).catch(handle)}>
      <PhotoPreview src={photoSrc(photo)} alt={photo.altText} photoKey={photo.photoId} />
      <div class="photo-fields">
        <p class="uri">{index === 0 ? <strong>Lead photo · </strong> : null}
          {photo.mediaId ? <span>From the media library</span>
            : <a href={photo.uri} target="_blank" rel="noopener noreferrer">{photo.uri}</a>}
          {photo.agencyItem && <span class="hint" data-testid="photo-agency-item"> · from {photo.agencyItem.source},
            item {photo.agencyItem.itemUri} version {photo.agencyItem.itemVersion}</span>}</p>
        {PHOTO_FIELDS.map(([field, label]) => (
          <>
            <PhotoField field={field} label={label} value={values[field]} error={errors[field]} readOnly={readOnly}
                        onInput={(value) => {
                          setValues({ ...values, [field]: value });
                          setErrors({ ...errors, [field]: undefined });
                        }} />
            <FieldError errors={errors} field={field} />
          </>
        ))}
        <Problem error={problem} />
        {!readOnly && (
          <div class="actions-row">
            <button class="primary" disabled={!dirty}>Save photo</button>
            {count > 1 && <>
              <button type="button" disabled={index === 0} onClick={() => reorder(0)}>Make lead</button>
              <button type="button" disabled={index === 0} aria-label={`Move photo ${index + 1} up`}
                      onClick={() => reorder(index - 1)}>Move up</button>
              <button type="button" disabled={index === count - 1} aria-label={`Move photo ${index + 1} down`}
                      onClick={() => reorder(index + 1)}>Move down</button>
            </>}
            <button type="button" class="danger" onClick={() => write('del', path).catch(handle)}>Detach</button>
          </div>
        )}
      </div>
    </form>
  );
}

const NO_PHOTO = { uri: '', caption: '', credit: '', altText: '' };

/** Attaches a photo: an uploaded file (its caption and credit prefilled from the file's metadata) or an address. */
function AttachPhoto({ base, write }) {
  const [values, setValues] = useState(NO_PHOTO);
  const [uploaded, setUploaded] = useState(null);
  const [errors, setErrors] = useState({});
  const [problem, setProblem] = useState(null);
  const [busy, setBusy] = useState(false);
  const typed = !!uploaded || Object.values(values).some((value) => value.trim());
  useEffect(() => setUnsaved('attach', typed ? 'a photo to attach' : null), [typed]);
  useEffect(() => () => setUnsaved('attach', null), []);

  const upload = async (event) => {
    const file = event.currentTarget.files?.[0];
    if (!file) return;
    setErrors({});
    setProblem(null);
    setBusy(true);
    try {
      const answer = await uploadImage(file);
      const metadata = answer.data.metadata ?? {};
      setUploaded({ ...answer.data, position: answer.position });
      setValues({
        ...values, uri: '',
        caption: values.caption.trim() ? values.caption : metadata.caption ?? '',
        credit: values.credit.trim() ? values.credit : metadata.credit ?? '',
      });
    } catch (failure) {
      setProblem(failure);
    } finally {
      setBusy(false);
    }
  };

  const attach = async (event) => {
    event.preventDefault();
    setErrors({});
    setProblem(null);
    setBusy(true);
    const body = uploaded ? { mediaId: uploaded.mediaId } : { uri: values.uri.trim() };
    body.caption = values.caption;
    body.credit = values.credit;
    if (values.altText.trim()) body.altText = values.altText;
    try {
      await write('post', `${base}/photos`, body);
      setValues(NO_PHOTO);
      setUploaded(null);
      event.currentTarget?.reset?.();
    } catch (failure) {
      if (failure.status !== 412) {
        const { fields, general } = split(failure, ['uri', 'mediaId', 'caption', 'credit', 'altText']);
        setErrors(fields);
        setProblem(general);
      }
    } finally {
      setBusy(false);
    }
  };

  const field = (name, label, props = {}) => (
    <>
      <PhotoField field={name} label={label} value={values[name]} error={errors[name]} {...props}
                  onInput={(value) => {
                    setValues({ ...values, [name]: value });
                    setErrors({ ...errors, [name]: undefined });
                  }} />
      <FieldError errors={errors} field={name} />
    </>
  );
  const preview = uploaded ? photoSrc(uploaded, uploaded.position) : values.uri;

  return (
    <form class="photo attach" aria-label="Attach a photo" onSubmit={attach}>
      <PhotoPreview src={preview} alt={values.altText} />
      <div class="photo-fields">
        <h3>Attach a photo</h3>
        <label>Upload an image (JPEG, PNG or WebP)
          <input type="file" accept="image/jpeg,image/png,image/webp" disabled={busy} onChange={upload}
                 data-testid="photo-upload" />
        </label>
        {uploaded
          ? <p class="hint" data-testid="uploaded">Uploaded: {uploaded.width} × {uploaded.height} px
              {uploaded.metadata?.caption || uploaded.metadata?.credit ? ', caption and credit read from the file: check them' : ''}.{' '}
              <button type="button" class="link" onClick={() => setUploaded(null)}>Use an address instead</button></p>
          : field('uri', 'Or an image URL', { type: 'url', placeholder: 'https://…' })}
        <FieldError errors={errors} field="mediaId" />
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
  const ids = article.photos.map((photo) => photo.photoId);
  const move = (from, to) => {
    const order = moved(ids, from, to);
    return order === ids ? Promise.resolve() : write('put', `${base}/photos/order`, { photoIds: order });
  };
  const dragged = useRef(null);
  const drag = {
    start: (event, index) => {
      dragged.current = index;
      event.dataTransfer?.setData('text/plain', ids[index]);
    },
    over: (event) => { if (dragged.current != null) event.preventDefault(); },
    drop: (event, index) => {
      event.preventDefault();
      const from = dragged.current;
      dragged.current = null;
      return from == null ? Promise.resolve() : move(from, index);
    },
  };
  return (
    <section class="panel photos" aria-label="Photos">
      <h2>Photos</h2>
      <p class="hint">The first photo is the lead. <a href={`${base}/preview`} target="_blank" rel="noopener"
                                                       data-testid="preview-link">Preview the reader's page</a></p>
      {article.photos.map((photo, index) => (
        <PhotoCard key={photo.photoId} photo={photo} index={index} count={article.photos.length} base={base}
                   write={write} readOnly={readOnly} move={move} drag={drag} />
      ))}
      {!article.photos.length && <p class="hint">No photos.</p>}
      {!readOnly && article.photos.length < 50 && <AttachPhoto base={base} write={write} />}
    </section>
  );
}

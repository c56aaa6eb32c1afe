import { useEffect, useRef, useState } from 'preact/hooks';

import { ApiError, get, onSessionChange } from '../api.js';
import { describeChange, photoNumbering } from '../lib/audit.js';
import { bodyRows, bylinesText, photoDiff, segmentsHtml, textDiff } from '../lib/diff.js';
import { sanitizeBody } from '../lib/html.js';
import { buildHash, readFilters } from '../lib/route.js';
import { cloudEventLabel, eventLabel, formatTime, instantToLocalInput, localInputToInstant, STATES, stateLabel }
  from '../format.js';
import { onLiveEvent } from '../live.js';
import { Problem, useTitle } from './common.jsx';

const path = (id, rest) => `/audit/articles/${encodeURIComponent(id)}${rest}`;

// what happened while this tab was open, newest first: auditors have no work list, so this is how they see activity.
// The live stream names the article, not its text: each article's headline is read once, from the audit trail.
const activity = [];
const headlines = new Map();
const headlineListeners = new Set();
onSessionChange(() => {
  activity.length = 0;
  headlines.clear();
});
onLiveEvent((event) => {
  activity.unshift(event);
  activity.length = Math.min(activity.length, 50);
  if (event.subject && !headlines.has(event.subject)) {
    headlines.set(event.subject, null);
    get(path(event.subject, `/versions/${Number(event.articleversion) || 1}`))
      .then((answer) => {
        const headline = answer.data?.headline ?? answer.data?.content?.headline;
        if (headline) headlines.set(event.subject, headline);
        headlineListeners.forEach((listener) => listener());
      })
      .catch(() => headlines.delete(event.subject));
  }
});

const SEARCH = { q: 'text', state: 'text', page: 'page' };
const SIZE = 20;

/**
 * Any article, whatever its state (unpublished and killed ones too), by words in it or by state, through
 * GET /audit/articles; the filters are in the URL (#/audit?q=…&state=…).
 */
function AuditSearch({ query }) {
  const [filters, setFilters] = useState(() => readFilters(query, SEARCH));
  const [typed, setTyped] = useState(filters.q);
  const [result, setResult] = useState(null);
  const [error, setError] = useState(null);
  const [attempt, setAttempt] = useState(0);
  const searching = !!(filters.q || filters.state);

  useEffect(() => {
    history.replaceState(history.state, '', buildHash(['audit'], { ...filters, page: filters.page || null }));
    if (!searching) {
      setResult(null);
      return undefined;
    }
    const controller = new AbortController();
    const params = new URLSearchParams({ page: filters.page, size: SIZE });
    if (filters.q) params.set('q', filters.q);
    if (filters.state) params.set('state', filters.state);
    get(`/audit/articles?${params}`, { signal: controller.signal })
      .then((answer) => {
        setResult(answer.data);
        setError(null);
      })
      .catch((failure) => failure.name !== 'AbortError' && setError(failure));
    return () => controller.abort();
  }, [filters, attempt]);

  const submit = (event) => {
    event.preventDefault();
    setFilters({ ...filters, q: typed.trim(), page: 0 });
  };
  const pages = result ? Math.max(1, Math.ceil((result.total ?? 0) / SIZE)) : 1;
  return (
    <>
      <form class="filters" role="search" aria-label="Find an article" onSubmit={submit}>
        <label class="grow">Find an article: words in it
          <input type="search" value={typed} placeholder="Headline, standfirst, body or byline"
                 onInput={(e) => setTyped(e.currentTarget.value)} />
        </label>
        <label>In state
          <select value={filters.state} onChange={(e) => setFilters({ ...filters, q: typed.trim(), state: e.currentTarget.value, page: 0 })}>
            <option value="">Any state</option>
            {STATES.map((state) => <option value={state}>{stateLabel(state)}</option>)}
          </select>
        </label>
        <button class="primary">Search</button>
      </form>
      <Problem error={error} onRetry={() => setAttempt((n) => n + 1)} />
      {result && (
        <div class="scroll-x">
          <table class="work-list audit-results" data-ready="true">
            <thead><tr><th>Headline</th><th>State</th><th class="num">Version</th><th>Last change</th></tr></thead>
            <tbody>
              {result.items.map((item) => (
                <tr key={item.id} data-article-id={item.id}>
                  <td><a href={`#/audit/${item.id}`}>{item.headline}</a></td>
                  <td><span class={`state state-${item.state}`}>{stateLabel(item.state)}</span></td>
                  <td class="num">{item.version}</td>
                  <td>{formatTime(item.updatedAt)}</td>
                </tr>
              ))}
              {!result.items.length && <tr><td colSpan={4} class="empty">No article matches.</td></tr>}
            </tbody>
          </table>
        </div>
      )}
      {result && result.total > SIZE && (
        <div class="pager">
          <button disabled={filters.page === 0} onClick={() => setFilters({ ...filters, page: filters.page - 1 })}>Previous</button>
          <span>Page {filters.page + 1} of {pages} · {result.total} articles</span>
          <button disabled={filters.page + 1 >= pages} onClick={() => setFilters({ ...filters, page: filters.page + 1 })}>Next</button>
        </div>
      )}
    </>
  );
}

/** Where auditors start: find any article, open one by id or public address, the published articles, live activity. */
export function AuditHome({ query = new URLSearchParams() }) {
  useTitle('Audit');
  const [target, setTarget] = useState('');
  const [error, setError] = useState(null);
  const [site, setSite] = useState(null);
  const [, setTick] = useState(0);

  useEffect(() => {
    get('/site/articles?limit=50').then((answer) => setSite(answer.data.items)).catch(setError);
  }, []);
  useEffect(() => onLiveEvent(() => setTick((n) => n + 1)), []);
  useEffect(() => {
    const refresh = () => setTick((n) => n + 1);
    headlineListeners.add(refresh);
    return () => headlineListeners.delete(refresh);
  }, []);

  async function open(event) {
    event.preventDefault();
    setError(null);
    const value = target.trim();
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) {
      location.hash = `#/audit/${value}`;
      return;
    }
    const slug = value.replace(/^.*\/site\/articles\//, '').replace(/[?#].*$/, '').replace(/\/$/, '');
    try {
      const answer = await get(`/site/articles/${encodeURIComponent(slug)}`);
      const id = answer.data.altIds?.find((alt) => alt.role === 'newsroom-article-id')?.value;
      if (id) location.hash = `#/audit/${id}`;
      else setError(new Error('That page names no article id.'));
    } catch (failure) {
      setError(failure instanceof ApiError && failure.status === 404
        ? new Error('No article with that id, and no published article at that address.') : failure);
    }
  }

  const articleId = (ninjs) => ninjs.altIds?.find((alt) => alt.role === 'newsroom-article-id')?.value;
  return (
    <section class="panel wide">
      <h1>Audit</h1>
      <AuditSearch query={query} />
      <form class="filters" onSubmit={open}>
        <label class="grow">Open an article: its id, or the slug or address of its public page
          <input value={target} placeholder="8def2cf4-… or /site/articles/…" required
                 onInput={(e) => setTarget(e.currentTarget.value)} />
        </label>
        <button class="primary">Open timeline</button>
      </form>
      <Problem error={error} />
      <h2>Published articles</h2>
      <table class="work-list" data-ready={site ? 'true' : undefined}>
        <thead><tr><th>Headline</th><th class="num">Publication</th><th>Live since</th></tr></thead>
        <tbody>
          {site?.map((ninjs) => (
            <tr key={ninjs.uri}>
              <td><a href={`#/audit/${articleId(ninjs)}`}>{ninjs.headlines?.[0]?.value ?? ninjs.uri}</a></td>
              <td class="num">#{ninjs.version}</td>
              <td>{formatTime(ninjs.versionCreated)}</td>
            </tr>
          ))}
          {site && !site.length && <tr><td colSpan={3} class="empty">Nothing is published.</td></tr>}
        </tbody>
      </table>
      <h2>Activity since you signed in</h2>
      {activity.length ? (
        <ul class="activity">
          {activity.map((event) => (
            <li key={event.id}>
              <time title={formatTime(event.time)}>{formatTime(event.time)}</time>{' '}
              <a href={`#/audit/${event.subject}`}>{headlines.get(event.subject) ?? event.subject}</a>{' '}
              <span class="tag">{cloudEventLabel(event.type)}</span> version {event.articleversion}
            </li>
          ))}
        </ul>
      ) : <p class="hint">Every change to any article appears here as it happens.</p>}
    </section>
  );
}

function Integrity({ report, error }) {
  if (error) return <div class="integrity unknown" role="status">Integrity not checked: {error.message}</div>;
  if (!report) return <div class="integrity unknown" role="status">Checking the hash chain…</div>;
  if (report.valid) {
    return (
      <div class="integrity valid" role="status" data-testid="integrity">
        <strong>✔ Integrity verified</strong> — the hash chain of all {report.events} events is intact; no event was
        altered, removed or reordered. <span class="hash" title={report.head}>head {report.head?.slice(0, 16)}…</span>
      </div>
    );
  }
  return (
    <div class="integrity invalid" role="alert" data-testid="integrity">
      <strong>✖ INTEGRITY CHECK FAILED</strong> at log position {report.firstBadPosition}: {report.reason}.
      {' '}{report.events} events verified before it. This history cannot be trusted past that point.
    </div>
  );
}

function short(value) {
  if (value === null || value === undefined) return '—';
  const text = typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : JSON.stringify(value);
  return text.length > 90 ? text.slice(0, 87) + '…' : text;
}

// the body's unified diff has one paragraph per line: the larger of the removed and the added ones
function paragraphsChanged(diff = []) {
  const count = (sign) => diff.filter((line) => line.startsWith(sign) && !line.startsWith(sign.repeat(3))).length;
  return Math.max(count('-'), count('+'));
}

const valueText = (field, value) => (field === 'state' && typeof value === 'string' ? stateLabel(value) : short(value));

/** The recorded changes of one event, with the names a person knows the fields by; notes as notes. */
function ChangeSummary({ changes, numberOf }) {
  const described = (changes ?? []).map((change) => ({ change, shown: describeChange(change, numberOf) }))
    .filter((item) => item.shown);
  if (!described.length) return null;
  return (
    <ul class="changes">
      {described.map(({ change, shown }) => (
        <li key={change.field} class={`change-${shown.kind}`} data-field={change.field}>
          <span class="field">{shown.label}</span>{shown.kind === 'note' ? ' ' : ': '}
          {shown.kind === 'note' && <q class="note">{shown.text}</q>}
          {shown.kind === 'body' && <span class="hint">{paragraphsChanged(change.diff)} paragraph(s) changed</span>}
          {shown.kind === 'photos' && <span>{shown.text}</span>}
          {shown.kind === 'time' && (shown.to == null ? <span><del>{formatTime(shown.from)}</del> removed</span>
            : <strong>{formatTime(shown.to)}</strong>)}
          {shown.kind === 'value' && (shown.from == null ? <strong>{valueText(change.field, shown.to)}</strong>
            : shown.to == null ? <span><del>{valueText(change.field, shown.from)}</del> removed</span>
              : <span>{valueText(change.field, shown.from)} → <strong>{valueText(change.field, shown.to)}</strong></span>)}
        </li>
      ))}
    </ul>
  );
}

/** One article's audit trail: integrity, the timeline, a diff of any two versions, the article as of any moment. */
export function AuditArticle({ id, query = new URLSearchParams() }) {
  const [history, setHistory] = useState(null);
  const [integrity, setIntegrity] = useState(null);
  const [integrityError, setIntegrityError] = useState(null);
  const [error, setError] = useState(null);
  const [selected, setSelected] = useState([]);
  const [asOf, setAsOf] = useState(null);
  // the compared versions are in the URL (#/audit/{id}?from=6&to=8&view=changes): a diff can be linked to
  const from = Number(query.get('from'));
  const to = Number(query.get('to'));
  const compare = from > 0 && to > 0 && from !== to ? [Math.min(from, to), Math.max(from, to)] : null;
  const changesOnly = query.get('view') === 'changes';
  const [refreshAt, setRefreshAt] = useState(0);

  useEffect(() => {
    get(path(id, '/history'), { atLeast: refreshAt }).then((answer) => setHistory(answer.data)).catch(setError);
    get(path(id, '/integrity'), { atLeast: refreshAt }).then((answer) => {
      setIntegrity(answer.data);
      setIntegrityError(null);
    }).catch(setIntegrityError);
  }, [id, refreshAt]);

  useEffect(() => onLiveEvent((event) => {
    if (event.subject === id) setRefreshAt((at) => Math.max(at, event.position ?? 0));
  }), [id]);

  const entries = history?.entries ?? [];
  const headline = [...entries].reverse().flatMap((e) => e.changes).find((c) => c.field === 'headline')?.to;
  useTitle(`Audit: ${headline ?? id}`);

  if (error) return <section class="panel"><h1>Audit trail not available</h1><Problem error={error} /></section>;
  if (!history) return <section class="panel" aria-busy="true"><p>Loading…</p></section>;

  const latest = entries[entries.length - 1];
  const publications = entries.filter((entry) => entry.type === 'ArticlePublished');
  const numbering = photoNumbering(entries);

  const toggle = (version) => {
    if (selected.includes(version)) setSelected(selected.filter((v) => v !== version));
    else setSelected([...selected, version].slice(-2));
  };
  const showDiff = (a, b, view = changesOnly ? 'changes' : null) => {
    location.hash = buildHash(['audit', id], { from: Math.min(a, b), to: Math.max(a, b), view });
  };

  return (
    <div class="audit">
      <Integrity report={integrity} error={integrityError} />
      <section class="panel wide">
        <div class="title-row">
          <h1>{headline ?? id}</h1>
          <span class="hint">{entries.length} events · version {latest?.version} · <code>{id}</code></span>
        </div>
        <div class="actions-row">
          <button class="primary" disabled={selected.length !== 2} onClick={() => showDiff(...selected)}>
            {selected.length === 2 ? `Compare version ${Math.min(...selected)} with ${Math.max(...selected)}`
              : 'Select two versions to compare'}
          </button>
          {publications.length >= 2 && (
            <button onClick={() => showDiff(publications[publications.length - 2].version,
              publications[publications.length - 1].version)}>Compare the last two publications</button>
          )}
        </div>
        <ol class="timeline" aria-label="Timeline">
          {entries.map((entry) => (
            <li key={entry.version} class={`event event-${entry.type}`} data-version={entry.version}>
              <label class="pick">
                <input type="checkbox" checked={selected.includes(entry.version)} onChange={() => toggle(entry.version)}
                       aria-label={`Select version ${entry.version}`} />
                <span class="version">v{entry.version}</span>
              </label>
              <div class="what">
                <div>
                  <strong>{eventLabel(entry.type)}</strong>
                  {' '}by <span class="actor">{entry.actor ?? 'unknown'}</span>
                  {' '}<time dateTime={entry.timestamp}>{formatTime(entry.timestamp)}</time>
                  <span class="hint"> · position {entry.position}</span>
                </div>
                <ChangeSummary changes={entry.changes} numberOf={numbering.get(entry.version)} />
              </div>
              <button class="link" onClick={() => setAsOf({ version: entry.version })}>As of this version</button>
            </li>
          ))}
        </ol>
      </section>
      {compare && <DiffView key={compare.join('-')} id={id} from={compare[0]} to={compare[1]} refreshAt={refreshAt}
                            changesOnly={changesOnly} numberOf={numbering.get(compare[1])}
                            setChangesOnly={(only) => showDiff(compare[0], compare[1], only ? 'changes' : null)} />}
      <AsOf id={id} request={asOf} first={entries[0]} latest={latest} />
    </div>
  );
}

function Side({ label, version }) {
  return (
    <div class="side-head">
      <strong>{label} · version {version.version}</strong>
      <span>{stateLabel(version.state)}{version.live ? ` · publication #${version.live.publicationNumber}` : ''}
        {version.live?.changeKind ? ` (${version.live.changeKind})` : ''} · {formatTime(version.timestamp)}</span>
    </div>
  );
}

function TextRow({ title, from, to, changesOnly }) {
  const d = textDiff(from ?? '', to ?? '');
  if (changesOnly && !d.changed) {
    return <div class="diff-row" data-field={title.toLowerCase()}><p class="fold">{title} unchanged</p></div>;
  }
  return (
    <div class={`diff-row${d.changed ? ' changed' : ''}`} data-field={title.toLowerCase()}>
      <h3>{title}{d.changed ? '' : <span class="hint"> · unchanged</span>}</h3>
      <div class="pair">
        <div class="left" dangerouslySetInnerHTML={{ __html: segmentsHtml(d.left, 'del') || '<span class="hint">—</span>' }} />
        <div class="right" dangerouslySetInnerHTML={{ __html: segmentsHtml(d.right, 'ins') || '<span class="hint">—</span>' }} />
      </div>
    </div>
  );
}

function PhotoSide({ photo, fields, mark }) {
  if (!photo) return <div class="photo-side empty">—</div>;
  return (
    <div class="photo-side">
      <img src={photo.uri} alt={photo.altText ?? ''} loading="lazy" referrerpolicy="no-referrer" />
      {['uri', 'caption', 'credit', 'altText'].map((field) => (
        <p key={field}><span class="hint">{field}</span>{' '}
          {fields.includes(field) ? <span class={mark}>{photo[field] ?? '—'}</span> : (photo[field] ?? '—')}</p>
      ))}
    </div>
  );
}

/** Two versions side by side, computed here from the two versions: headline, standfirst and body word by word. */
function DiffView({ id, from, to, refreshAt, changesOnly, setChangesOnly, numberOf }) {
  const [pair, setPair] = useState(null);
  const [changes, setChanges] = useState(null);
  const [error, setError] = useState(null);
  const section = useRef(null);

  useEffect(() => {
    Promise.all([get(path(id, `/versions/${from}`), { atLeast: refreshAt }), get(path(id, `/versions/${to}`))])
      .then(([a, b]) => setPair([a.data, b.data])).catch(setError);
    get(path(id, `/diff?from=${from}&to=${to}`)).then((answer) => setChanges(answer.data.changes)).catch(() => {});
  }, [id, from, to]);

  // the result is below the timeline: bring it into view, and the keyboard focus with it
  const shown = !!(pair || error);
  useEffect(() => {
    if (!shown || !section.current) return;
    section.current.scrollIntoView({ block: 'start' });
    section.current.querySelector('h2')?.focus({ preventScroll: true });
  }, [shown]);

  if (error) return <section class="panel wide" ref={section}><h2 tabIndex={-1}>Comparison not available</h2><Problem error={error} /></section>;
  if (!pair) return <section class="panel wide" aria-busy="true"><p>Comparing…</p></section>;
  const [a, b] = pair;
  const body = bodyRows(a.body, b.body);
  const photos = photoDiff(a.photos, b.photos);
  const shownPhotos = changesOnly ? photos.filter((p) => p.status !== 'same' || p.moved) : photos;
  const headlineRow = <TextRow title="Headline" from={a.headline} to={b.headline} changesOnly={changesOnly} />;
  return (
    <section class="panel wide diff" aria-label="Differences" data-from={from} data-to={to} ref={section}>
      <div class="title-row">
        <h2 tabIndex={-1}>Version {from} compared with version {to}</h2>
        <label class="check"><input type="checkbox" checked={changesOnly}
                                    onChange={(e) => setChangesOnly(e.currentTarget.checked)} />Changes only</label>
      </div>
      <div class="pair heads"><Side label="Before" version={a} /><Side label="After" version={b} /></div>
      {b.live && b.live.version === b.version && b.live.note && (
        <p class="banner note">Public note of publication #{b.live.publicationNumber} ({b.live.changeKind}):
          {' '}{b.live.note}</p>
      )}
      {headlineRow}
      <TextRow title="Standfirst" from={a.standfirst} to={b.standfirst} changesOnly={changesOnly} />
      <div class={`diff-row${body.changed ? ' changed' : ''}`} data-field="body">
        <h3>Body{body.changed ? '' : <span class="hint"> · unchanged</span>}</h3>
        {body.rows.map((row, index) => (row.same && changesOnly ? (
          <p class="fold" key={index}>{row.blocks} unchanged paragraph{row.blocks === 1 ? '' : 's'}</p>
        ) : (
          <div class={`pair${row.same ? '' : ' changed-block'}`} key={index}>
            <div class="left prose" dangerouslySetInnerHTML={{ __html: row.same ? row.html : row.left }} />
            <div class="right prose" dangerouslySetInnerHTML={{ __html: row.same ? row.html : row.right }} />
          </div>
        )))}
      </div>
      <div class={`diff-row${photos.some((p) => p.status !== 'same' || p.moved) ? ' changed' : ''}`} data-field="photos">
        <h3>Photos</h3>
        {shownPhotos.map((row) => (
          <div class={`pair photo-pair photo-${row.status}`} key={row.photoId}>
            <PhotoSide photo={row.from} fields={row.status === 'same' ? [] : row.fields} mark="del" />
            <PhotoSide photo={row.to} fields={row.status === 'same' ? [] : row.fields} mark="ins" />
            <p class="hint photo-status">{row.status}{row.moved ? ', moved' : ''}</p>
          </div>
        ))}
        {!photos.length && <p class="hint">No photos in either version.</p>}
        {photos.length > 0 && !shownPhotos.length && <p class="fold">{photos.length} unchanged photo{photos.length === 1 ? '' : 's'}</p>}
      </div>
      <TextRow title="Bylines" from={bylinesText(a.bylines)} to={bylinesText(b.bylines)} changesOnly={changesOnly} />
      {changes && (
        <details class="server-changes">
          <summary>{changes.length} field changes recorded between these versions</summary>
          <ChangeSummary changes={changes} numberOf={numberOf} />
        </details>
      )}
    </section>
  );
}

/** The article exactly as it stood at a version or an instant, folded from the event log. */
function AsOf({ id, request, first, latest }) {
  const [mode, setMode] = useState('version');
  const [version, setVersion] = useState(latest?.version ?? 1);
  const [instant, setInstant] = useState(() => instantToLocalInput(latest?.timestamp ?? Date.now()));
  const [shown, setShown] = useState(null);
  const [error, setError] = useState(null);

  const show = async (query) => {
    setError(null);
    try {
      const answer = await get(path(id, query));
      setShown(answer.data);
    } catch (failure) {
      setShown(null);
      setError(failure);
    }
  };

  useEffect(() => {
    if (request?.version) {
      setMode('version');
      setVersion(request.version);
      show(`/versions/${request.version}`);
    }
  }, [request]);

  const submit = (event) => {
    event.preventDefault();
    if (mode === 'version') {
      show(`/versions/${version}`);
    } else {
      const at = localInputToInstant(instant);
      if (at) show(`/versions?at=${encodeURIComponent(at)}`);
      else setError(new Error('Pick a date and time.'));
    }
  };

  return (
    <section class="panel wide as-of" aria-label="As of">
      <h2>The article as of…</h2>
      <form class="filters" onSubmit={submit}>
        <label><input type="radio" name="mode" checked={mode === 'version'} onChange={() => setMode('version')} /> version
          <input type="number" min={1} max={latest?.version} value={version} disabled={mode !== 'version'}
                 onInput={(e) => setVersion(e.currentTarget.value)} aria-label="Version number" />
        </label>
        <label><input type="radio" name="mode" checked={mode === 'instant'} onChange={() => setMode('instant')} /> instant
          <input type="datetime-local" step="1" value={instant} disabled={mode !== 'instant'}
                 min={first ? instantToLocalInput(first.timestamp) : undefined}
                 onInput={(e) => setInstant(e.currentTarget.value)} aria-label="Instant (your local time)" />
        </label>
        <button class="primary">Show</button>
      </form>
      <Problem error={error} />
      {shown && (
        <article class="snapshot" data-version={shown.version}>
          <p class="hint">Version {shown.version} · {stateLabel(shown.state)} · recorded {formatTime(shown.timestamp)}
            {shown.live ? ` · live then: publication #${shown.live.publicationNumber}${shown.live.changeKind
              ? ` (${shown.live.changeKind})` : ''} since ${formatTime(shown.live.publishedAt)}` : ' · nothing was live'}</p>
          <h3 class="snapshot-headline">{shown.headline}</h3>
          {shown.standfirst && <p class="standfirst">{shown.standfirst}</p>}
          {shown.bylines?.length > 0 && (
            <p class="byline">By {shown.bylines.map((b) => b.name + (b.role || b.affiliation
              ? ` (${[b.role, b.affiliation].filter(Boolean).join(', ')})` : '')).join(', ')}</p>
          )}
          <div class="photo-strip">
            {shown.photos?.map((photo) => (
              <figure key={photo.photoId}>
                <img src={photo.uri} alt={photo.altText ?? ''} loading="lazy" referrerpolicy="no-referrer" />
                <figcaption>{photo.caption} <span class="hint">{photo.credit}</span></figcaption>
              </figure>
            ))}
          </div>
          <div class="prose" dangerouslySetInnerHTML={{ __html: sanitizeBody(shown.body ?? '') }} />
          {(shown.note || shown.reason || shown.notice) && (
            <p class="hint">{shown.note ? `Note: ${shown.note}. ` : ''}{shown.reason ? `Reason: ${shown.reason}. ` : ''}
              {shown.notice ? `Public notice: ${shown.notice}.` : ''}</p>
          )}
        </article>
      )}
    </section>
  );
}

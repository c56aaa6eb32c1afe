import { useEffect, useState } from 'preact/hooks';

import { ApiError, get, onSessionChange } from '../api.js';
import { bodyDiff, bylinesText, photoDiff, segmentsHtml, textDiff } from '../lib/diff.js';
import { sanitizeBody } from '../lib/html.js';
import { cloudEventLabel, eventLabel, formatTime, instantToLocalInput, localInputToInstant, stateLabel } from '../format.js';
import { onLiveEvent } from '../live.js';

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

function Problem({ error }) {
  return error ? <p class="error" role="alert">{error.message}{error.code ? <code> {error.code}</code> : null}</p> : null;
}

/** Where auditors start: open any article by id or public address, the published articles, live activity. */
export function AuditHome() {
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
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 90 ? text.slice(0, 87) + '…' : text;
}

// photos.<uuid>.caption → photos.d1253e98….caption: the id's first block is enough to tell photos apart
const fieldName = (field) => field.replace(/^photos\.([0-9a-f]{8})[0-9a-f-]{28}\./, 'photos.$1….');

// the body's unified diff has one paragraph per line: the larger of the removed and the added ones
function paragraphsChanged(diff = []) {
  const count = (sign) => diff.filter((line) => line.startsWith(sign) && !line.startsWith(sign.repeat(3))).length;
  return Math.max(count('-'), count('+'));
}

function ChangeSummary({ changes }) {
  if (!changes?.length) return null;
  return (
    <ul class="changes">
      {changes.map((change) => (
        <li key={change.field}>
          <code>{fieldName(change.field)}</code>{' '}
          {change.field === 'body' ? <span class="hint">{paragraphsChanged(change.diff)} paragraph(s) changed</span>
            : <span>{short(change.from)} → <strong>{short(change.to)}</strong></span>}
        </li>
      ))}
    </ul>
  );
}

/** One article's audit trail: integrity, the timeline, a diff of any two versions, the article as of any moment. */
export function AuditArticle({ id }) {
  const [history, setHistory] = useState(null);
  const [integrity, setIntegrity] = useState(null);
  const [integrityError, setIntegrityError] = useState(null);
  const [error, setError] = useState(null);
  const [selected, setSelected] = useState([]);
  const [compare, setCompare] = useState(null);
  const [asOf, setAsOf] = useState(null);
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

  if (error) return <section class="panel"><h1>Audit trail not available</h1><Problem error={error} /></section>;
  if (!history) return <section class="panel" aria-busy="true"><p>Loading…</p></section>;

  const entries = history.entries;
  const latest = entries[entries.length - 1];
  const headline = [...entries].reverse().flatMap((e) => e.changes).find((c) => c.field === 'headline')?.to;
  const publications = entries.filter((entry) => entry.type === 'ArticlePublished');

  const toggle = (version) => {
    if (selected.includes(version)) setSelected(selected.filter((v) => v !== version));
    else setSelected([...selected, version].slice(-2));
  };
  const showDiff = (a, b) => setCompare([Math.min(a, b), Math.max(a, b)]);

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
                <ChangeSummary changes={entry.changes} />
              </div>
              <button class="link" onClick={() => setAsOf({ version: entry.version })}>As of this version</button>
            </li>
          ))}
        </ol>
      </section>
      {compare && <DiffView key={compare.join('-')} id={id} from={compare[0]} to={compare[1]} refreshAt={refreshAt} />}
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

function TextRow({ title, from, to }) {
  const d = textDiff(from ?? '', to ?? '');
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
function DiffView({ id, from, to, refreshAt }) {
  const [pair, setPair] = useState(null);
  const [changes, setChanges] = useState(null);
  const [error, setError] = useState(null);

  useEffect(() => {
    Promise.all([get(path(id, `/versions/${from}`), { atLeast: refreshAt }), get(path(id, `/versions/${to}`))])
      .then(([a, b]) => setPair([a.data, b.data])).catch(setError);
    get(path(id, `/diff?from=${from}&to=${to}`)).then((answer) => setChanges(answer.data.changes)).catch(() => {});
  }, [id, from, to]);

  if (error) return <section class="panel wide"><Problem error={error} /></section>;
  if (!pair) return <section class="panel wide" aria-busy="true"><p>Comparing…</p></section>;
  const [a, b] = pair;
  const body = bodyDiff(a.body, b.body);
  const photos = photoDiff(a.photos, b.photos);
  return (
    <section class="panel wide diff" aria-label="Differences" data-from={from} data-to={to}>
      <h2>Version {from} compared with version {to}</h2>
      <div class="pair heads"><Side label="Before" version={a} /><Side label="After" version={b} /></div>
      {b.live && b.live.version === b.version && b.live.note && (
        <p class="banner note">Public note of publication #{b.live.publicationNumber} ({b.live.changeKind}):
          {' '}{b.live.note}</p>
      )}
      <TextRow title="Headline" from={a.headline} to={b.headline} />
      <TextRow title="Standfirst" from={a.standfirst} to={b.standfirst} />
      <div class={`diff-row${body.changed ? ' changed' : ''}`} data-field="body">
        <h3>Body{body.changed ? '' : <span class="hint"> · unchanged</span>}</h3>
        <div class="pair">
          <div class="left prose" dangerouslySetInnerHTML={{ __html: body.left }} />
          <div class="right prose" dangerouslySetInnerHTML={{ __html: body.right }} />
        </div>
      </div>
      <div class={`diff-row${photos.some((p) => p.status !== 'same' || p.moved) ? ' changed' : ''}`} data-field="photos">
        <h3>Photos</h3>
        {photos.map((row) => (
          <div class={`pair photo-pair photo-${row.status}`} key={row.photoId}>
            <PhotoSide photo={row.from} fields={row.status === 'same' ? [] : row.fields} mark="del" />
            <PhotoSide photo={row.to} fields={row.status === 'same' ? [] : row.fields} mark="ins" />
            <p class="hint photo-status">{row.status}{row.moved ? ', moved' : ''}</p>
          </div>
        ))}
        {!photos.length && <p class="hint">No photos in either version.</p>}
      </div>
      <TextRow title="Bylines" from={bylinesText(a.bylines)} to={bylinesText(b.bylines)} />
      {changes && (
        <details class="server-changes">
          <summary>{changes.length} field changes recorded between these versions</summary>
          <ChangeSummary changes={changes} />
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

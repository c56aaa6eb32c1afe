import { useEffect, useState } from 'preact/hooks';

import { get } from '../api.js';
import { ago, formatTime } from '../format.js';
import { onLiveEvent } from '../live.js';
import { AttachPictureButton } from './AttachPicture.jsx';
import { Problem, useTitle } from './common.jsx';

const SIZE = 50;
const INGEST_STATES = [
  ['', 'All'],
  ['applied', 'Applied'],
  ['held', 'Update waiting'],
  ['withdrawn', 'Withdrawn'],
  ['picture', 'Pictures'],
];

function urgencyLabel(urgency) {
  if (urgency == null) return '–';
  return urgency <= 2 ? `${urgency} (flash)` : String(urgency);
}

/**
 * What the agencies sent, newest first: agency, urgency, when, version and what became of it; opens the article. A
 * picture sent on its own is attached to an article from here (Attach to article…).
 */
export function Incoming() {
  useTitle('Incoming');
  const [state, setState] = useState('');
  const [page, setPage] = useState(0);
  const [list, setList] = useState(null);
  const [error, setError] = useState(null);
  const [refresh, setRefresh] = useState(0);
  const [attached, setAttached] = useState(null);

  useEffect(() => {
    const controller = new AbortController();
    const params = new URLSearchParams({ page, size: SIZE });
    if (state) params.set('state', state);
    get(`/api/ingest?${params}`, { signal: controller.signal })
      .then((answer) => { setList(answer.data); setError(null); })
      .catch((failure) => failure.name !== 'AbortError' && setError(failure));
    return () => controller.abort();
  }, [state, page, refresh]);

  // every ingested version records events: refresh once per burst
  useEffect(() => {
    let pending = null;
    const stop = onLiveEvent(() => {
      clearTimeout(pending);
      pending = setTimeout(() => setRefresh((n) => n + 1), 300);
    });
    return () => { stop(); clearTimeout(pending); };
  }, []);

  const pages = list ? Math.max(1, Math.ceil(list.total / SIZE)) : 1;
  return (
    <section class="panel wide">
      <div class="title-row"><h1>Incoming</h1></div>
      <div class="filters" role="search">
        <label>State
          <select value={state} onChange={(e) => { setState(e.currentTarget.value); setPage(0); }}>
            {INGEST_STATES.map(([value, label]) => <option value={value}>{label}</option>)}
          </select>
        </label>
      </div>
      <Problem error={error} onRetry={() => setRefresh((n) => n + 1)} />
      {attached && (
        <p class="banner" role="status" data-testid="picture-attached">
          The picture is attached to <a href={`#/articles/${attached.id}`}>{attached.headline}</a>.</p>
      )}
      <div class="scroll-x">
        <table class="work-list incoming" data-ready={list ? 'true' : undefined} aria-busy={!list}>
          <thead>
            <tr><th>Headline</th><th>Agency</th><th class="num">Urgency</th><th>Sent</th><th class="num">Version</th><th>State</th></tr>
          </thead>
          <tbody>
            {list?.items.map((item) => (
              <tr key={`${item.source}|${item.itemUri}|${item.itemVersion}`} data-item-uri={item.itemUri}>
                <td>
                  {item.articleId
                    ? <a href={`#/articles/${item.articleId}`}>{item.headline ?? item.itemUri}</a>
                    : <span>{item.pictures?.[0]?.caption ?? item.itemUri}</span>}
                  {item.state === 'picture' && (
                    <div class="picture-actions"><AttachPictureButton item={item} onAttached={setAttached} /></div>
                  )}
                  {item.dropped?.length > 0 && <span class="tag warn" title={item.dropped.map((d) => `${d.markup} ×${d.count} ${d.treatment}`).join('\n')}>
                    markup dropped</span>}
                  {item.embargoedUntil && <span class="tag embargo" title={formatTime(item.embargoedUntil)}>embargoed</span>}
                </td>
                <td>{item.source}</td>
                <td class="num">{urgencyLabel(item.urgency)}</td>
                <td title={`received ${formatTime(item.receivedAt)}`}>{item.versionCreated ? formatTime(item.versionCreated) : ago(item.receivedAt)}</td>
                <td class="num">{item.itemVersion}</td>
                <td><span class={`state ingest-${item.state}`}>{item.state}</span></td>
              </tr>
            ))}
            {list && !list.items.length && <tr><td colSpan={6} class="empty">Nothing has come in{state ? ' in this state' : ''}.</td></tr>}
          </tbody>
        </table>
      </div>
      {list && list.total > SIZE && (
        <div class="pager">
          <button disabled={page === 0} onClick={() => setPage(page - 1)}>Newer</button>
          <span>Page {page + 1} of {pages} · {list.total} items</span>
          <button disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>Older</button>
        </div>
      )}
    </section>
  );
}

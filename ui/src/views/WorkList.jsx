import { useEffect, useRef, useState } from 'preact/hooks';

import { get } from '../api.js';
import { ago, formatTime, stateLabel, STATES } from '../format.js';
import { onLiveEvent } from '../live.js';

const SIZE = 20;

/** Articles by state, searchable by headline, most recently changed first; refreshed live. */
export function WorkList() {
  const [state, setState] = useState(() => sessionStorage.getItem('newsroom.work-list.state') ?? '');
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  const [list, setList] = useState(null);
  const [error, setError] = useState(null);
  const [refreshAt, setRefreshAt] = useState(0);
  const timer = useRef(null);

  useEffect(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setQuery(q.trim());
      setPage(0);
    }, 250);
    return () => clearTimeout(timer.current);
  }, [q]);

  useEffect(() => {
    sessionStorage.setItem('newsroom.work-list.state', state);
  }, [state]);

  useEffect(() => {
    const controller = new AbortController();
    const params = new URLSearchParams({ page, size: SIZE });
    if (state) params.set('state', state);
    if (query) params.set('q', query);
    get(`/api/articles?${params}`, { atLeast: refreshAt, signal: controller.signal })
      .then((answer) => {
        setList(answer.data);
        setError(null);
        // time to interactive, as docs/ui.md measures it: navigation start to the first work list on screen
        if (!performance.getEntriesByName('work-list-ready').length) {
          requestAnimationFrame(() => performance.mark('work-list-ready'));
        }
      })
      .catch((failure) => failure.name !== 'AbortError' && setError(failure.message));
    return () => controller.abort();
  }, [state, query, page, refreshAt]);

  // any change to any article may move it in, out of or within this list: one read per burst of events, which
  // waits (?atLeast=) until the read model holds the last of them
  useEffect(() => {
    let latest = 0;
    let pending = null;
    const stop = onLiveEvent((event) => {
      latest = Math.max(latest, event.position ?? 0);
      clearTimeout(pending);
      pending = setTimeout(() => setRefreshAt(latest), 150);
    });
    return () => {
      stop();
      clearTimeout(pending);
    };
  }, []);

  const pages = list ? Math.max(1, Math.ceil(list.total / SIZE)) : 1;
  return (
    <section class="panel wide">
      <div class="title-row">
        <h1>Work list</h1>
        <a class="button primary" href="#/new">New article</a>
      </div>
      <div class="filters">
        <label>State
          <select value={state} onChange={(e) => { setState(e.currentTarget.value); setPage(0); }}>
            <option value="">All states</option>
            {STATES.map((s) => <option value={s}>{stateLabel(s)}</option>)}
          </select>
        </label>
        <label class="grow">Search headlines
          <input type="search" placeholder="Words in the headline" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
        </label>
      </div>
      {error && <p class="error" role="alert">{error}</p>}
      <table class="work-list" data-ready={list ? 'true' : undefined} aria-busy={!list}>
        <thead>
          <tr><th>Headline</th><th>State</th><th class="num">Version</th><th>Last change</th></tr>
        </thead>
        <tbody>
          {list?.items.map((item) => (
            <tr key={item.id} data-article-id={item.id}>
              <td>
                <a href={`#/articles/${item.id}`}>{item.headline}</a>
                {item.pendingChanges && item.publicationNumber > 0 && <span class="tag">unpublished changes</span>}
              </td>
              <td><span class={`state state-${item.state}`}>{stateLabel(item.state)}</span></td>
              <td class="num">{item.version}</td>
              <td title={formatTime(item.updatedAt)}>{item.updatedBy ?? 'unknown'}, {ago(item.updatedAt)}</td>
            </tr>
          ))}
          {list && !list.items.length && (
            <tr><td colSpan={4} class="empty">No articles{state ? ` in state ${stateLabel(state)}` : ''}
              {query ? ` with “${query}” in the headline` : ''}.</td></tr>
          )}
        </tbody>
      </table>
      {list && list.total > SIZE && (
        <div class="pager">
          <button disabled={page === 0} onClick={() => setPage(page - 1)}>Newer</button>
          <span>Page {page + 1} of {pages} · {list.total} articles</span>
          <button disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>Older</button>
        </div>
      )}
    </section>
  );
}

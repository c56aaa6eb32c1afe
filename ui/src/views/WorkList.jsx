import { useEffect, useRef, useState } from 'preact/hooks';

import { currentSession, get } from '../api.js';
import { ago, formatTime, stateLabel, STATES } from '../format.js';
import { buildHash, readFilters } from '../lib/route.js';
import { whenLabel } from '../lib/time.js';
import { onLiveEvent } from '../live.js';
import { Problem, useTitle } from './common.jsx';

const SIZE = 20;
// every filter is in the URL (#/?state=…&q=…): a reload or a shared link shows the same list
const FILTERS = { state: 'text', q: 'text', author: 'text', mine: 'flag', changesRequested: 'flag', scheduled: 'flag', page: 'page' };
const REMEMBERED = 'newsroom.work-list';

/** The work list's address with the filters last used in this tab, for the navigation's link. */
export function lastWorkListHash() {
  return sessionStorage.getItem(REMEMBERED) ?? '#/';
}

function authorOf(item) {
  return item.bylines?.length ? item.bylines.map((b) => b.name).join(', ') : null;
}

/**
 * Articles, most recently changed first: by state, by words anywhere in them (headline, standfirst, body, byline),
 * by author, the user's own, those sent back with changes requested, those scheduled; refreshed live.
 */
export function WorkList({ query }) {
  useTitle('Work list');
  const [filters, setFilters] = useState(() => readFilters(query, FILTERS));
  // what the text boxes hold; the filters follow them a moment after the typing stops
  const [typed, setTyped] = useState(() => ({ q: filters.q, author: filters.author }));
  const [list, setList] = useState(null);
  const [error, setError] = useState(null);
  const [refreshAt, setRefreshAt] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const timer = useRef(null);

  const change = (next) => setFilters((current) => ({ ...current, page: 0, ...next }));

  useEffect(() => {
    clearTimeout(timer.current);
    if (typed.q.trim() === filters.q && typed.author.trim() === filters.author) return undefined;
    timer.current = setTimeout(() => change({ q: typed.q.trim(), author: typed.author.trim() }), 250);
    return () => clearTimeout(timer.current);
  }, [typed]);

  useEffect(() => {
    const hash = buildHash([], filters);
    if (hash !== location.hash && !(hash === '#/' && !location.hash)) history.replaceState(history.state, '', hash);
    sessionStorage.setItem(REMEMBERED, hash);
  }, [filters]);

  useEffect(() => {
    const controller = new AbortController();
    const params = new URLSearchParams({ page: filters.page, size: SIZE });
    for (const name of ['state', 'q', 'author']) if (filters[name]) params.set(name, filters[name]);
    for (const name of ['mine', 'changesRequested', 'scheduled']) if (filters[name]) params.set(name, 'true');
    get(`/api/articles?${params}`, { atLeast: refreshAt, signal: controller.signal })
      .then((answer) => {
        setList(answer.data);
        setError(null);
        // time to interactive, as docs/ui.md measures it: navigation start to the first work list on screen
        if (!performance.getEntriesByName('work-list-ready').length) {
          requestAnimationFrame(() => performance.mark('work-list-ready'));
        }
      })
      .catch((failure) => failure.name !== 'AbortError' && setError(failure));
    return () => controller.abort();
  }, [filters, refreshAt, attempt]);

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
  const flag = (name, label) => (
    <label class="check"><input type="checkbox" checked={filters[name]}
                                onChange={(e) => change({ [name]: e.currentTarget.checked })} />{label}</label>
  );
  const described = [
    filters.state && `in state ${stateLabel(filters.state)}`, filters.q && `with “${filters.q}”`,
    filters.author && `by “${filters.author}”`, filters.mine && 'of yours',
    filters.changesRequested && 'with changes requested', filters.scheduled && 'scheduled',
  ].filter(Boolean).join(', ');
  return (
    <section class="panel wide">
      <div class="title-row">
        <h1>Work list</h1>
        <a class="button primary" href="#/new">New article</a>
      </div>
      <div class="filters" role="search">
        <label>State
          <select value={filters.state} onChange={(e) => change({ state: e.currentTarget.value })}>
            <option value="">All states</option>
            {STATES.map((s) => <option value={s}>{stateLabel(s)}</option>)}
          </select>
        </label>
        <label class="grow">Search
          <input type="search" placeholder="Words in the headline, standfirst, body or byline" value={typed.q}
                 onInput={(e) => setTyped({ ...typed, q: e.currentTarget.value })} />
        </label>
        <label>Author
          <input type="search" placeholder="Byline or user" value={typed.author}
                 onInput={(e) => setTyped({ ...typed, author: e.currentTarget.value })} />
        </label>
        <div class="flags">
          {flag('mine', 'Mine')}
          {flag('changesRequested', 'Changes requested')}
          {flag('scheduled', 'Scheduled')}
        </div>
      </div>
      <Problem error={error} onRetry={() => setAttempt((n) => n + 1)} />
      <div class="scroll-x">
        <table class="work-list" data-ready={list ? 'true' : undefined} aria-busy={!list}>
          <thead>
            <tr><th>Headline</th><th>Author</th><th>State</th><th class="num">Version</th><th>Last change</th></tr>
          </thead>
          <tbody>
            {list?.items.map((item) => (
              <tr key={item.id} data-article-id={item.id}>
                <td>
                  <a href={`#/articles/${item.id}`}>{item.headline}</a>
                  {item.pendingChanges && item.publicationNumber > 0 && <span class="tag">unpublished changes</span>}
                  {item.changesRequested && <span class="tag warn">changes requested</span>}
                  {item.scheduledFor && <span class="tag scheduled" title={formatTime(item.scheduledFor)}>
                    scheduled for {whenLabel(item.scheduledFor)}</span>}
                  {item.embargoedUntil && <span class="tag embargo" title={formatTime(item.embargoedUntil)}>
                    embargoed until {whenLabel(item.embargoedUntil)}</span>}
                </td>
                <td class="author">
                  {authorOf(item) ?? <span class="hint">no byline</span>}
                  {item.createdBy && <span class="hint"> · created by {item.createdBy === currentSession()?.user ? 'you' : item.createdBy}</span>}
                </td>
                <td><span class={`state state-${item.state}`}>{stateLabel(item.state)}</span></td>
                <td class="num">{item.version}</td>
                <td title={formatTime(item.updatedAt)}>{item.updatedBy ?? 'unknown'}, {ago(item.updatedAt)}</td>
              </tr>
            ))}
            {list && !list.items.length && (
              <tr><td colSpan={5} class="empty">No articles{described ? ` ${described}` : ''}.</td></tr>
            )}
          </tbody>
        </table>
      </div>
      {list && list.total > SIZE && (
        <div class="pager">
          <button disabled={filters.page === 0} onClick={() => setFilters({ ...filters, page: filters.page - 1 })}>Newer</button>
          <span>Page {filters.page + 1} of {pages} · {list.total} articles</span>
          <button disabled={filters.page + 1 >= pages} onClick={() => setFilters({ ...filters, page: filters.page + 1 })}>Older</button>
        </div>
      )}
    </section>
  );
}

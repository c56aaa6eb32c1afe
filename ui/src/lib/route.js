// The hash route (#/path/parts?query): parsing and building, and the filters a screen keeps in its query so that a
// reload or a shared link shows the same list.

/** '#/articles/x?from=1' → {parts: ['articles', 'x'], query: URLSearchParams} */
export function parseHash(hash) {
  const path = (hash ?? '').replace(/^#/, '') || '/';
  const at = path.indexOf('?');
  const route = at < 0 ? path : path.slice(0, at);
  return {
    parts: route.split('/').filter(Boolean).map(decodeURIComponent),
    query: new URLSearchParams(at < 0 ? '' : path.slice(at + 1)),
  };
}

/** ['audit', 'x'], {from: 1, to: 2, q: ''} → '#/audit/x?from=1&to=2': empty, false and null values left out. */
export function buildHash(parts, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    query.set(key, String(value));
  }
  const path = '#/' + parts.map(encodeURIComponent).join('/');
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * The filters named in `spec` ({name: 'text' | 'flag' | 'page'}) read from a query: text as trimmed strings, flags as
 * booleans (only "true" is true), pages as non-negative integers.
 */
export function readFilters(query, spec) {
  const filters = {};
  for (const [name, kind] of Object.entries(spec)) {
    const value = query.get(name);
    if (kind === 'flag') filters[name] = value === 'true';
    else if (kind === 'page') filters[name] = Math.max(0, Number.parseInt(value ?? '0', 10) || 0);
    else filters[name] = (value ?? '').trim();
  }
  return filters;
}

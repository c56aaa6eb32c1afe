// The HTTP API of DESIGN.md, as the UI uses it: HTTP Basic credentials sent as an Authorization header, problem
// answers turned into ApiError, ETag versions and Newsroom-Position read from writes, and read-your-writes: every read
// asks (?atLeast=) for the highest log position this tab has written, so a screen never shows an older state than
// the one its own user just made.

const STORAGE_KEY = 'newsroom.session';

/** A refusal of the API: its status, its problem's code and detail, and the fields it names. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem?.code ?? null;
    this.problem = problem ?? {};
    this.errors = Array.isArray(problem?.errors) ? problem.errors : [];
    this.currentVersion = problem?.currentVersion ?? null;
  }

  /** {field: message} for the input errors; the request's own field names (headline, caption, bylines[0].name…). */
  fieldErrors() {
    const fields = {};
    for (const error of this.errors) {
      if (error.field && !fields[error.field]) fields[error.field] = error.message || error.code;
    }
    return fields;
  }
}

let session = loadSession();
let highestPosition = 0;
const sessionListeners = new Set();

function loadSession() {
  try {
    return JSON.parse(sessionStorage.getItem(STORAGE_KEY)) ?? null;
  } catch {
    return null;
  }
}

export function currentSession() {
  return session;
}

export function onSessionChange(listener) {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

function setSession(next) {
  session = next;
  if (next) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  else sessionStorage.removeItem(STORAGE_KEY);
  sessionListeners.forEach((listener) => listener(next));
}

export function authorization(credentials = session) {
  if (!credentials) return null;
  const bytes = new TextEncoder().encode(`${credentials.user}:${credentials.password}`);
  return 'Basic ' + btoa(String.fromCharCode(...bytes));
}

/** Checks the credentials with GET /api/me and keeps them, with the user's roles, for this tab only. */
export async function signIn(user, password) {
  const me = await request('GET', '/api/me', { credentials: { user, password } });
  setSession({ user, password, name: me.data.name, roles: me.data.roles });
  return session;
}

export function signOut(reason) {
  setSession(null);
  if (reason) sessionStorage.setItem('newsroom.signed-out', reason);
}

export function hasRole(...roles) {
  return !!session && roles.some((role) => session.roles.includes(role));
}

/** Remembers a log position this tab wrote: later reads wait until their read model has projected it. */
export function notePosition(position) {
  if (position > highestPosition) highestPosition = position;
}

export function knownPosition() {
  return highestPosition;
}

const READ_ROUTES = /^\/(api\/articles|audit|site)(\/|\?|$)/;

/**
 * One request. Options: body (sent as JSON), ifMatch (a version), atLeast (a log position: reads only), headers,
 * signal, credentials (other than the session's). Answers {status, data, version, position}; throws ApiError.
 */
export async function request(method, path, options = {}) {
  const headers = { Accept: 'application/json', ...options.headers };
  const auth = authorization(options.credentials ?? session);
  if (auth) headers.Authorization = auth;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.ifMatch != null) headers['If-Match'] = `"${options.ifMatch}"`;
  let url = path;
  if (method === 'GET' && READ_ROUTES.test(path)) {
    const atLeast = Math.max(options.atLeast ?? 0, highestPosition);
    if (atLeast > 0) url += (url.includes('?') ? '&' : '?') + 'atLeast=' + atLeast;
  }
  for (let attempt = 0; ; attempt++) {
    // credentials: 'omit' keeps the browser from answering a 401 with its own sign-in dialog
    const response = await fetch(url, {
      method, headers, credentials: 'omit', cache: 'no-store', signal: options.signal,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const type = response.headers.get('Content-Type') ?? '';
    const data = type.includes('json') ? await response.json().catch(() => null) : await response.text();
    if (response.ok || response.status === 304) {
      const position = Number(response.headers.get('Newsroom-Position')) || null;
      if (position) notePosition(position);
      const etag = /"(\d+)"/.exec(response.headers.get('ETag') ?? '');
      return { status: response.status, data, version: etag ? Number(etag[1]) : null, position };
    }
    const retryAfter = Number(response.headers.get('Retry-After'));
    if (response.status === 503 && data?.code === 'projection-behind' && attempt < 3 && retryAfter > 0) {
      // the engine asks us to come back: the read model has not caught up with our write yet
      await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
      continue;
    }
    const error = new ApiError(response.status, typeof data === 'object' ? data : { detail: data });
    if (response.status === 401 && !options.credentials && session) {
      signOut('Your session ended: please sign in again.');
    }
    throw error;
  }
}

export const get = (path, options) => request('GET', path, options);
export const post = (path, body, options) => request('POST', path, { ...options, body });
export const patch = (path, body, options) => request('PATCH', path, { ...options, body });
export const put = (path, body, options) => request('PUT', path, { ...options, body });
export const del = (path, options) => request('DELETE', path, options);

// The HTTP API of DESIGN.md, as the UI uses it: signed in to a session (POST /api/session sets an HttpOnly cookie that
// the browser sends with every request; no script, this one included, ever holds the password after the form is
// sent), problem answers turned into ApiError, ETag versions and Newsroom-Position read from writes, and
// read-your-writes: every read asks (?atLeast=) for the highest log position this tab has written, so a screen never
// shows an older state than the one its own user just made.

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

// who is signed in ({user, name, roles}: never the password), so that a reload shows the same screen at once
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

/** Signs in to a session: the server sets its cookie and answers who is signed in. */
export async function signIn(user, password) {
  const me = await request('POST', '/api/session', { body: { user, password }, signingIn: true });
  setSession({ user, name: me.data.name, roles: me.data.roles });
  return session;
}

/** Ends the session, on the server too. */
export function signOut(reason) {
  const wasSignedIn = !!session;
  setSession(null);
  if (reason) sessionStorage.setItem('newsroom.signed-out', reason);
  if (wasSignedIn && !reason) request('DELETE', '/api/session', { signingIn: true }).catch(() => {});
}

/** A tab opened while a session is open (the cookie is there, this tab does not know it yet) starts signed in. */
export async function resumeSession() {
  if (session) return session;
  try {
    const me = await request('GET', '/api/me', { signingIn: true });
    setSession({ user: me.data.name, name: me.data.name, roles: me.data.roles });
  } catch {
    // not signed in: the sign-in form it is
  }
  return session;
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
 * One request, with the session's cookie. Options: body (sent as JSON), ifMatch (a version), atLeast (a log position:
 * reads only), headers, signal, signingIn (a 401 is an answer, not the end of the session). Answers
 * {status, data, version, position}; throws ApiError.
 */
export async function request(method, path, options = {}) {
  // X-Requested-With: the server then answers 401 without a Basic challenge, so the browser shows no dialog of its own
  const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.file !== undefined) headers['Content-Type'] = options.file.type || 'application/octet-stream';
  if (options.ifMatch != null) headers['If-Match'] = `"${options.ifMatch}"`;
  let url = path;
  if (method === 'GET' && READ_ROUTES.test(path)) {
    const atLeast = Math.max(options.atLeast ?? 0, highestPosition);
    if (atLeast > 0) url += (url.includes('?') ? '&' : '?') + 'atLeast=' + atLeast;
  }
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(url, {
      method, headers, credentials: 'same-origin', cache: 'no-store', signal: options.signal,
      body: options.file !== undefined ? options.file
        : options.body === undefined ? undefined : JSON.stringify(options.body),
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
    if (response.status === 401 && !options.signingIn && session) {
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
/** Uploads an image file into the media library, its bytes as the body: {mediaId, renditions, metadata, …}. */
export const uploadImage = (file) => request('POST', '/api/media', { file });

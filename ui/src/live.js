// Live updates: one Server-Sent Events connection to GET /feed/stream per signed-in tab, an EventSource that the
// session's cookie signs in. For the UI's roles each event is a CloudEvent without its data (subject = article id,
// type, time, position, articleversion, actor): enough to know which screen to refresh, which then reads what its
// user may read. EventSource resumes after the last event itself (Last-Event-ID); if the server refuses or ends the
// stream, it is opened again after the server's retry delay, from the last position seen.

const listeners = new Set();
const statusListeners = new Set();
let source = null;
let restart = null;
let status = 'off';
let lastId = null;

/** Calls listener(event) for every event recorded from now on; returns the function that stops it. */
export function onLiveEvent(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function onLiveStatus(listener) {
  statusListeners.add(listener);
  listener(status);
  return () => statusListeners.delete(listener);
}

function setStatus(next) {
  status = next;
  statusListeners.forEach((listener) => listener(next));
}

export function startLive() {
  stopLive();
  lastId = null;
  open();
}

export function stopLive() {
  clearTimeout(restart);
  restart = null;
  source?.close();
  source = null;
  setStatus('off');
}

function open() {
  const url = lastId ? `/feed/stream?after=${encodeURIComponent(lastId)}` : '/feed/stream';
  const stream = new EventSource(url);
  source = stream;
  stream.onopen = () => setStatus('live');
  stream.onmessage = (message) => {
    if (message.lastEventId) lastId = message.lastEventId;
    dispatch(message.data);
  };
  stream.onerror = () => {
    if (source !== stream) return;
    if (stream.readyState === EventSource.CLOSED) {
      // refused or failed for good: EventSource gives up, so this opens a new one after a while
      setStatus('reconnecting');
      restart = setTimeout(() => source === stream && open(), 3000);
    } else {
      setStatus('reconnecting');
    }
  };
}

function dispatch(json) {
  let event;
  try {
    event = JSON.parse(json);
  } catch {
    return;
  }
  listeners.forEach((listener) => listener(event));
}

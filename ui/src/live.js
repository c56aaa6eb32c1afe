// Live updates: one Server-Sent Events connection to GET /feed/stream per signed-in tab, read with fetch() because
// EventSource cannot send an Authorization header. Every CloudEvent (subject = article id, position, articleversion)
// is handed to the screens that listen; a dropped connection resumes after the last position with Last-Event-ID.

import { authorization } from './api.js';

const listeners = new Set();
const statusListeners = new Set();
let connection = null;
let status = 'off';

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
  const controller = new AbortController();
  connection = controller;
  run(controller.signal);
}

export function stopLive() {
  connection?.abort();
  connection = null;
  setStatus('off');
}

async function run(signal) {
  let lastId = null;
  let retry = 3000;
  while (!signal.aborted) {
    try {
      const headers = { Accept: 'text/event-stream', Authorization: authorization() };
      if (lastId) headers['Last-Event-ID'] = lastId;
      const response = await fetch('/feed/stream', { headers, credentials: 'omit', cache: 'no-store', signal });
      if (response.status === 401 || response.status === 403) {
        setStatus('off');
        return;
      }
      if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
      setStatus('live');
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      let data = [];
      let id = null;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let newline;
        while ((newline = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, newline).replace(/\r$/, '');
          buffer = buffer.slice(newline + 1);
          if (line === '') {
            if (data.length) {
              if (id) lastId = id;
              dispatch(data.join('\n'));
            }
            data = [];
            continue;
          }
          if (line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'data') data.push(text);
          else if (field === 'id') id = text;
          else if (field === 'retry' && /^\d+$/.test(text)) retry = Number(text);
        }
      }
    } catch (error) {
      if (signal.aborted) return;
    }
    setStatus('reconnecting');
    // the server's own reconnection delay (its retry: field), as EventSource would wait
    await new Promise((resolve) => setTimeout(resolve, retry));
  }
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

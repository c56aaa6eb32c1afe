/**
 * Photos in the editor: where to load a photo from (a library photo from this server's renditions), which photos
 * failed to load (shown as a warning, and in the publish confirmation), and the order after a move.
 */

/** The address to show a photo at: a library photo's 800 px rendition (or the nearest), else its own URI. */
export function photoSrc(photo, atLeast) {
  if (!photo?.mediaId) return photo?.uri ?? '';
  const names = (photo.renditions ?? []).map((r) => r.name);
  const name = ['800', '320', '1600', 'original'].find((n) => names.includes(n)) ?? 'original';
  return `/media/${encodeURIComponent(photo.mediaId)}/${name}` + (atLeast ? `?atLeast=${atLeast}` : '');
}

const broken = new Map();
const listeners = new Set();

/** Notes whether the photo `key` loaded; listeners hear of every change. */
export function notePhotoLoad(key, failed) {
  if (!key || broken.has(key) === failed) return;
  if (failed) broken.set(key, true); else broken.delete(key);
  listeners.forEach((listener) => listener());
}

export function brokenPhotos(photos) {
  return (photos ?? []).map((photo, index) => ({ photo, index })).filter(({ photo }) => broken.has(photo.photoId));
}

export function onPhotoLoads(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The ids in their new order after moving the one at `from` to `to` (the first is the lead). */
export function moved(ids, from, to) {
  if (from === to || from < 0 || to < 0 || from >= ids.length || to >= ids.length) return ids;
  const next = [...ids];
  const [id] = next.splice(from, 1);
  next.splice(to, 0, id);
  return next;
}

// A local copy of the edits not yet saved, per user, article and version, in the browser's localStorage: a reload,
// a crash or a closed tab does not lose them, and the editor offers them back. Pure functions over a Storage-like
// object ({getItem, setItem, removeItem, key, length}), so that node's test runner can give them a Map.

const PREFIX = 'newsroom.unsaved.';

function keyOf(user, id, version) {
  return `${PREFIX}${encodeURIComponent(user ?? '')}.${id}.${version}`;
}

function keysFor(storage, user, id) {
  const start = `${PREFIX}${encodeURIComponent(user ?? '')}.${id}.`;
  const keys = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(start)) keys.push(key);
  }
  return keys;
}

/**
 * Keeps `fields` (the changed ones only) as the unsaved edits of this article at this version, in place of any copy
 * made on another version (one copy per article); no fields clears it.
 */
export function keepLocalCopy(storage, user, id, version, fields, now = Date.now()) {
  try {
    const key = keyOf(user, id, version);
    for (const other of keysFor(storage, user, id)) if (other !== key) storage.removeItem(other);
    if (!fields || !Object.keys(fields).length) {
      storage.removeItem(key);
      return;
    }
    storage.setItem(keyOf(user, id, version), JSON.stringify({ version, fields, at: new Date(now).toISOString() }));
  } catch {
    // a full or forbidden localStorage: the edits are still on screen, there is only no copy
  }
}

/**
 * The local copy to offer back for this article: the one made on `version`, else the newest one made on an earlier
 * version (its edits then need a look before saving); {version, fields, at, exact} or null.
 */
export function findLocalCopy(storage, user, id, version) {
  let best = null;
  for (const key of keysFor(storage, user, id)) {
    let copy;
    try {
      copy = JSON.parse(storage.getItem(key));
    } catch {
      continue;
    }
    if (!copy?.fields || typeof copy.version !== 'number' || copy.version > version) continue;
    if (!best || copy.version > best.version) best = copy;
  }
  return best ? { ...best, exact: best.version === version } : null;
}

/** Forgets every local copy of this article (after a save, or when the user discards them). */
export function dropLocalCopies(storage, user, id) {
  for (const key of keysFor(storage, user, id)) storage.removeItem(key);
}

/** Forgets every local copy this user has in this browser (when they sign out on purpose). */
export function dropUserCopies(storage, user) {
  const start = `${PREFIX}${encodeURIComponent(user ?? '')}.`;
  const keys = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(start)) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
}

// The guard against leaving with unsaved edits: screens report what they hold unsaved (setUnsaved), and leaving, by
// closing or reloading the tab (beforeunload) or by an in-app link, the back button or signing out (confirmLeave),
// asks first. The set lives in this tab only: it is about what this tab has on screen.

const unsaved = new Map();

/** Marks (or clears) one part of the screen as holding unsaved edits, under a key such as 'article' or 'comment'. */
export function setUnsaved(key, what) {
  if (what) unsaved.set(key, what);
  else unsaved.delete(key);
}

export function hasUnsaved() {
  return unsaved.size > 0;
}

/** True when nothing is unsaved or the user agrees to leave it; then forgets it (the screen is going away). */
export function confirmLeave() {
  if (!unsaved.size) return true;
  const what = [...new Set(unsaved.values())].join(', ');
  if (!confirm(`You have unsaved edits (${what}). Leave this page without saving them?`)) return false;
  unsaved.clear();
  return true;
}

addEventListener('beforeunload', (event) => {
  if (!unsaved.size) return;
  event.preventDefault();
  // older browsers show the dialog only when returnValue is set
  event.returnValue = '';
});

import { useEffect, useRef } from 'preact/hooks';

import { describeProblem } from '../lib/problems.js';

/** Sets the page title ("Work list — Newsroom") while the screen is shown. */
export function useTitle(title) {
  useEffect(() => {
    document.title = title ? `${title} — Newsroom` : 'Newsroom';
  }, [title]);
}

export function FieldError({ errors, field }) {
  return errors?.[field] ? <p class="field-error" role="alert">{errors[field]}</p> : null;
}

/** A failed request in words, its problem code in small print, and a Retry button when trying again may help. */
export function Problem({ error, onRetry }) {
  const problem = describeProblem(error);
  if (!problem) return null;
  return (
    <div class="error" role="alert">
      <p>{problem.message}</p>
      {problem.code && <p class="code">code: <code>{problem.code}</code></p>}
      {problem.retry && onRetry && <button type="button" onClick={onRetry}>Retry</button>}
    </div>
  );
}

/**
 * A modal confirmation (the native <dialog>: focus stays inside, Escape cancels): what will happen, then the one
 * button that does it, and Cancel. `onConfirm` may throw: the problem is shown in the dialog, which stays open.
 */
export function ConfirmDialog({ title, children, confirm, danger, busy, error, onConfirm, onCancel, disabled }) {
  const dialog = useRef(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element.open) element.showModal();
    return () => element.open && element.close();
  }, []);
  return (
    <dialog ref={dialog} class="confirm" aria-labelledby="confirm-title"
            onCancel={(event) => { event.preventDefault(); if (!busy) onCancel(); }}>
      <form method="dialog" onSubmit={(event) => { event.preventDefault(); onConfirm(); }}>
        <h2 id="confirm-title">{title}</h2>
        {children}
        <Problem error={error} />
        <div class="actions-row">
          <button class={danger ? 'danger solid' : 'primary'} disabled={busy || disabled}>{busy ? 'Working…' : confirm}</button>
          {/* an irreversible action does not take the focus: Enter alone must not do it */}
          <button type="button" onClick={onCancel} disabled={busy} autofocus={danger}>Cancel</button>
        </div>
      </form>
    </dialog>
  );
}

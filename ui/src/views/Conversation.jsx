import { useEffect, useState } from 'preact/hooks';

import { ago, formatTime } from '../format.js';
import { setUnsaved } from '../guard.js';
import { Problem } from './common.jsx';

const KINDS = {
  submitted: 'submitted it for review',
  'changes-requested': 'requested changes',
  comment: 'commented',
  'published-without-review': 'published it without review',
};

/**
 * The desk's one thread per article: the note sent with a submission, the changes an editor asked for, comments,
 * the reason for publishing without review; oldest first, with a box to add a comment. Live: the article reloads on
 * every event, so a comment appears for everyone who has the article open.
 */
export function Conversation({ article, comment, readOnly }) {
  const [text, setText] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const items = article.conversation ?? [];

  useEffect(() => {
    setUnsaved('comment', text.trim() ? 'a comment' : null);
  }, [text]);
  useEffect(() => () => setUnsaved('comment', null), []);

  const send = async (event) => {
    event?.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await comment(text.trim());
      setText('');
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel conversation" aria-label="Conversation">
      <h2>Conversation</h2>
      {items.length ? (
        <ol class="thread">
          {items.map((item, index) => (
            <li key={index} class={`message message-${item.kind}`} data-kind={item.kind}>
              <div class="meta">
                <strong class="actor">{item.actor ?? 'someone'}</strong> {KINDS[item.kind] ?? item.kind}
                {' '}<time dateTime={item.at} title={formatTime(item.at)}>{ago(item.at)}</time>
              </div>
              {item.text && <p class="text">{item.text}</p>}
            </li>
          ))}
        </ol>
      ) : <p class="hint">Nothing said yet. Notes sent with a submission or a request for changes appear here, with
        comments.</p>}
      {!readOnly && (
        <form onSubmit={send}>
          <label>Comment
            <textarea rows={2} value={text} maxLength={2000} onInput={(e) => setText(e.currentTarget.value)}
                      onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send(e); }} />
          </label>
          <Problem error={error} onRetry={send} />
          <div class="actions-row">
            <button class="primary" disabled={busy || !text.trim()}>{busy ? 'Sending…' : 'Add comment'}</button>
            <span class="hint">Ctrl+Enter sends</span>
          </div>
        </form>
      )}
    </section>
  );
}

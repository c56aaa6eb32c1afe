import { useState } from 'preact/hooks';

import { post } from '../api.js';
import { formatTime } from '../format.js';
import { Problem } from './common.jsx';

/**
 * Where an ingested article's copy came from: the agency item version, what the conversion dropped, the original's
 * SHA-256 with a link to the bytes the agency sent; an agency update waiting, which an editor applies or dismisses.
 * Nothing for an article written in the newsroom.
 */
export function Provenance({ article, editor, onChanged }) {
  const agency = article?.agency;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  if (!agency) return null;
  const answer = async (action) => {
    setBusy(true);
    try {
      await post(`/api/articles/${article.id}/agency-update/${action}`, { itemVersion: agency.heldVersion });
      setError(null);
      onChanged?.();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <aside class="panel provenance" aria-label="Agency provenance" data-testid="provenance">
      <h2>From {agency.source}</h2>
      <dl>
        <dt>Item</dt><dd><code>{agency.itemUri}</code>, version {agency.itemVersion}</dd>
        {agency.versionCreated && <><dt>Sent</dt><dd>{formatTime(agency.versionCreated)}</dd></>}
        {agency.urgency != null && <><dt>Urgency</dt><dd>{agency.urgency}</dd></>}
        <dt>Status</dt><dd>{agency.pubStatus}{agency.withdrawn && (agency.withdrawnWhileLive ? ' — withdrawn while live: take it down?' : ' — withdrawn')}</dd>
        <dt>Original</dt>
        <dd><a href={`/api/ingest/originals/${agency.sha256}`} download>{agency.format}</a>, SHA-256 <code class="hash">{agency.sha256}</code></dd>
      </dl>
      {agency.dropped.length > 0 && (
        <>
          <h3>Left out of the agency's body</h3>
          <ul class="dropped">
            {agency.dropped.map((d) => <li><code>{d.markup}</code> ×{d.count} ({d.treatment})</li>)}
          </ul>
        </>
      )}
      {agency.notes.length > 0 && <ul class="notes">{agency.notes.map((note) => <li>{note}</li>)}</ul>}
      {agency.heldVersion && (
        <div class="held" role="status">
          <p>Version {agency.heldVersion} from {agency.source} is waiting: the desk edited this copy, so it was not applied.</p>
          {agency.held && <p>Its headline: <q>{agency.held.headline}</q></p>}
          {editor && (
            <div class="actions-row">
              <button class="primary" disabled={busy} onClick={() => answer('apply')}>Apply the agency's version</button>
              <button disabled={busy} onClick={() => answer('dismiss')}>Keep ours</button>
            </div>
          )}
        </div>
      )}
      <Problem error={error} />
    </aside>
  );
}

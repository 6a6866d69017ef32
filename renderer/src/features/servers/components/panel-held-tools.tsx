// Tools the hub holds because the server changed their definition since the user trusted it (or
// added them, where new tools wait): each with the diff of the pinned and the new definition, and
// Accept (clients see it again) or Reject (it stays held). docs/pinned-tools.md.
import { useEffect, useState } from 'react';
import { control } from '../../../api/control-client.ts';
import type { HeldToolReview, ServerStatus } from '../../../api/contract-types.ts';
import { DiffBlock } from '../../../common/components/diff-block.tsx';
import { useAction } from '../../../common/hooks/use-action.ts';
import { heldReason } from '../lib/held-tools.ts';

export function PanelHeldTools({ server }: { readonly server: ServerStatus }) {
  const held = server.heldTools ?? [];
  const [reviews, setReviews] = useState<readonly HeldToolReview[]>([]);
  // Fetched again whenever what is held changes (a new definition, a decision).
  const key = held.map((h) => `${h.tool}:${h.digest}:${h.rejected}`).join(',');
  useEffect(() => {
    if (key === '') return setReviews([]);
    let current = true;
    control
      .call('servers.review', { id: server.id })
      .then((rows) => current && setReviews(rows))
      .catch(() => current && setReviews([]));
    return () => {
      current = false;
    };
  }, [server.id, key]);
  if (held.length === 0) return null;
  const waiting = held.filter((h) => !h.rejected).length;
  return (
    <section className="held-tools" aria-labelledby={`held-${server.id}`} data-testid="held-tools">
      <h3 id={`held-${server.id}`} className="held-tools-title">
        {waiting > 0 ? `${waiting} ${waiting === 1 ? 'tool' : 'tools'} held for your review` : 'Held tools'}
      </h3>
      <p className="muted">
        Clients do not see a held tool and cannot call it. Accept a definition only if you trust what it now says; rejecting keeps the tool held.
      </p>
      {reviews.map((review) => (
        <HeldToolCard key={`${review.tool}:${review.digest}`} serverId={server.id} review={review} />
      ))}
    </section>
  );
}

function HeldToolCard({ serverId, review }: { readonly serverId: string; readonly review: HeldToolReview }) {
  const decide = useAction(
    (decision: 'accept' | 'reject') => control.call('servers.tool', { id: serverId, tool: review.tool, decision, digest: review.digest }),
    (r) => (r.decision === 'accepted' ? `Accepted ${r.tool}: clients see it again` : `Rejected ${r.tool}: it stays held`),
  );
  return (
    <article className={`held-tool callout ${review.becomesReadOnly ? 'callout-danger' : 'callout-warn'}`} aria-label={`Held tool ${review.tool}`} data-testid={`held-tool-${review.tool}`}>
      <div className="held-tool-head">
        <strong>
          <code>{review.tool}</code>
        </strong>
        <span>{heldReason(review)}</span>
        <span className="spacer" />
        {!review.rejected && (
          <button type="button" className="btn btn-small" disabled={decide.busy} onClick={() => void decide.run('reject')}>
            Reject
          </button>
        )}
        <button type="button" className="btn btn-small btn-primary" disabled={decide.busy} onClick={() => void decide.run('accept')}>
          Accept new definition
        </button>
      </div>
      <DiffBlock diff={review.diff} label={`Definition of ${review.tool}: pinned (-) and now (+)`} />
    </article>
  );
}

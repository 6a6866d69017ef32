import { useNow } from '../../../common/hooks/use-now.ts';
import { formatSpan } from '../../../common/lib/format.ts';

/** "Denied automatically in 1 min 54 s", urgent in the last 15 s. */
export function DeadlineCountdown({ deadline }: { readonly deadline: string }) {
  const now = useNow(1000);
  const left = Date.parse(deadline) - now;
  return (
    <span className={`countdown${left < 15_000 ? ' countdown-urgent' : ''}`}>
      {left > 0 ? `Denied automatically in ${formatSpan(left)}` : 'Timing out…'}
    </span>
  );
}

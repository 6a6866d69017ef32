import type { ServerStatus } from '../../../api/contract-types.ts';
import { StatusPill } from '../../../common/components/status-pill.tsx';
import { useNow } from '../../../common/hooks/use-now.ts';
import { stateView } from '../lib/server-state.ts';

export function PillServerState({ server }: { readonly server: ServerStatus }) {
  const now = useNow(1000);
  const view = stateView(server, now);
  return <StatusPill tone={view.tone} label={view.label} title={view.detail} testId={`state-${server.id}`} />;
}

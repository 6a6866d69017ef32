// Deciding an approval from this UI. The request leaves the queue at once; if it was already
// decided elsewhere (CLI, tray, another window) or timed out, the user is told so.
import { useCallback, useState } from 'react';
import { control, ControlClientError } from '../../../api/control-client.ts';
import { hubStore } from '../../../common/state/hub-store.ts';
import { toastStore } from '../../../common/state/toast-store.ts';

export type Decision = 'approve-once' | 'approve-session' | 'approve-always' | 'deny';

export function useDecide() {
  const [busy, setBusy] = useState(false);
  const decide = useCallback(async (id: string, decision: Decision, reason?: string) => {
    setBusy(true);
    try {
      await control.call('approvals.decide', { id, decision, ...(reason ? { reason } : {}) });
      hubStore.removeApproval(id);
    } catch (error) {
      const failure = ControlClientError.from(error);
      if (failure.code === 'not-found') hubStore.removeApproval(id);
      toastStore.show('error', failure.message);
    } finally {
      setBusy(false);
    }
  }, []);
  return { decide, busy };
}

// Deciding an approval from this UI. The request leaves the queue at once; if it was already
// decided elsewhere (CLI, tray, another window) or timed out, the user is told so. Edited
// arguments the hub refuses (they do not fit the tool's schema) leave the request waiting, and the
// reason is returned for the dialog to show beside the editor.
import { useCallback, useState } from 'react';
import { control, ControlClientError } from '../../../api/control-client.ts';
import { hubStore } from '../../../common/state/hub-store.ts';
import { toastStore } from '../../../common/state/toast-store.ts';

export type Decision = 'approve-once' | 'approve-session' | 'approve-always' | 'deny';

export function useDecide() {
  const [busy, setBusy] = useState(false);
  const decide = useCallback(async (id: string, decision: Decision, reason?: string, args?: Record<string, unknown>): Promise<string | undefined> => {
    setBusy(true);
    try {
      await control.call('approvals.decide', { id, decision, ...(reason ? { reason } : {}), ...(args ? { arguments: args } : {}) });
      hubStore.removeApproval(id);
      return undefined;
    } catch (error) {
      const failure = ControlClientError.from(error);
      if (args && failure.code === 'invalid-params') return failure.message;
      if (failure.code === 'not-found') hubStore.removeApproval(id);
      toastStore.show('error', failure.message);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { decide, busy };
}

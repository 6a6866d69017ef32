import { useCallback, useState } from 'react';
import { toastStore } from '../state/toast-store.ts';

/**
 * Runs a control call for a button or form: tracks that it is busy, and shows its failure in the
 * toast region (the hub's messages say what to do), so no view handles errors on its own.
 */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>, success?: string | ((result: R) => string)) {
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      setBusy(true);
      try {
        const result = await action(...args);
        if (success) toastStore.show('success', typeof success === 'function' ? success(result) : success);
        return result;
      } catch (error) {
        toastStore.show('error', (error as Error).message);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [action],
  );
  return { run, busy };
}

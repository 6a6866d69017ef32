// The IDE table (clients.list): detection and install status per client. Reloaded after every
// change made here and when sessions come and go (a connected session shows on its row).
import { useCallback, useEffect, useState } from 'react';
import { control } from '../../../api/control-client.ts';
import type { ClientRow } from '../../../api/contract-types.ts';

export function useClientRows() {
  const [rows, setRows] = useState<readonly ClientRow[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const reload = useCallback(async () => {
    try {
      setRows(await control.call('clients.list', {}));
      setError(undefined);
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);
  useEffect(() => void reload(), [reload]);
  return { rows, error, reload };
}

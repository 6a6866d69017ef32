// The profiles (profiles.list): reloaded when settings change anywhere (the CLI included) and when
// sessions come and go (each profile counts the sessions that see it).
import { useCallback, useEffect, useState } from 'react';
import { control } from '../../../api/control-client.ts';
import type { ProfilesOverview } from '../../../api/contract-types.ts';
import { useHubEvent } from '../../../common/hooks/use-hub-event.ts';

export function useProfiles() {
  const [overview, setOverview] = useState<ProfilesOverview | undefined>();
  const reload = useCallback(async () => {
    try {
      setOverview(await control.call('profiles.list', {}));
    } catch {
      setOverview({ profiles: [], clients: {} });
    }
  }, []);
  useEffect(() => void reload(), [reload]);
  useHubEvent((event) => {
    if (event.type === 'settings-changed' || event.type === 'session-closed') void reload();
  });
  return { overview, reload };
}

// Type test (checked by tsc, never run): the tray's control calls are typed like every other caller's.
import type { TrayActionDeps } from './tray-actions.ts';

declare const deps: TrayActionDeps;

export async function wrongTrayCalls(): Promise<void> {
  // @ts-expect-error servers.restart takes { id }, not { serverId }
  await deps.call('servers.restart', { serverId: 'git' });
  // @ts-expect-error startAtLogin is a boolean
  await deps.call('settings.update', { startAtLogin: 'yes' });
  // @ts-expect-error sessions.disconnect takes { sessionId }
  await deps.call('sessions.disconnect', { id: 's1' });
}

export async function rightTrayCalls(): Promise<void> {
  await deps.call('servers.restart', { id: 'git' });
  await deps.call('settings.update', { startAtLogin: true });
}

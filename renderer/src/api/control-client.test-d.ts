// Type test (checked by tsc with the renderer, never run): a wrongly shaped control call does not
// compile in the UI. Params are the schemas' input types: fields with a default stay optional.
import type { ControlClient } from './control-client.ts';

declare const control: ControlClient;

export async function wrongCalls(): Promise<void> {
  // @ts-expect-error servers.restart takes { id }, not { serverId }
  await control.call('servers.restart', { serverId: 'git' });
  // @ts-expect-error clients.install needs the client id
  await control.call('clients.install', { http: true });
  // @ts-expect-error retentionDays is a number
  await control.call('settings.update', { callLog: { retentionDays: '30' } });
}

export async function rightCalls(): Promise<boolean> {
  await control.call('servers.restart', { id: 'git' });
  const result = await control.call('clients.install', { client: 'cursor', dryRun: true });
  return result.changed;
}

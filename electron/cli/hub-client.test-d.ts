// Type test (checked by tsc, never run): a wrongly shaped request does not compile in the CLI.
import type { HubClient } from './hub-client.ts';

declare const hub: HubClient;

export async function wrongRequests(): Promise<void> {
  // @ts-expect-error servers.restart takes { id }, not { serverId }
  await hub.request('servers.restart', { serverId: 'git' });
  // @ts-expect-error approvals.decide needs a decision
  await hub.request('approvals.decide', { id: 'a1' });
  // @ts-expect-error the old name of callLog.query
  await hub.request('log.query', {});
  // @ts-expect-error secrets.set takes server, name, value
  await hub.request('secrets.set', { id: 'git', name: 'TOKEN', value: 'x' });
}

export async function rightRequests(): Promise<number> {
  const status = await hub.request('status');
  await hub.request('approvals.decide', { id: 'a1', decision: 'approve-once' });
  return status.pid;
}

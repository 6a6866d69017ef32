// Type test (checked by tsc with the rest of the hub, never run): a control call of the wrong shape
// does not compile at the in-process caller. Each @ts-expect-error fails the type check when the
// line below it stops being an error.
import type { ControlDispatcher } from './dispatcher.ts';

declare const dispatcher: ControlDispatcher;

export async function wrongCalls(): Promise<void> {
  // @ts-expect-error servers.restart takes { id }, not { serverId }
  await dispatcher.call('servers.restart', { serverId: 'git' });
  // @ts-expect-error params are required when a field is
  await dispatcher.call('servers.restart');
  // @ts-expect-error an unknown field next to the right one
  await dispatcher.call('servers.restart', { id: 'git', force: true });
  // @ts-expect-error write mode is off | ask | allow
  await dispatcher.call('servers.writeMode', { id: 'git', mode: 'on' });
  // @ts-expect-error no such method
  await dispatcher.call('servers.reboot', { id: 'git' });
  // @ts-expect-error the result is typed: a server status has no `tools` count
  (await dispatcher.call('servers.restart', { id: 'git' })).tools.toFixed();
}

export async function rightCalls(): Promise<string> {
  await dispatcher.call('status');
  await dispatcher.call('callLog.query', {});
  return (await dispatcher.call('servers.restart', { id: 'git' })).state;
}

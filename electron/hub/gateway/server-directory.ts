// What the gateway needs to know about servers: the supervisors, and which of them clients see.
import type { ServerSupervisor } from '../supervisor/server-supervisor.ts';
import type { CatalogSource } from './catalog.ts';

/** What the gateway uses of one supervised server. */
export type DirectoryServer = Pick<
  ServerSupervisor,
  'id' | 'def' | 'state' | 'problem' | 'listsKnown' | 'lists' | 'connection' | 'connectionForCall' | 'currentRun' | 'exitOfRun' | 'callStarted' | 'callEnded'
>;

export interface ServerDirectory {
  supervisors(): readonly DirectoryServer[];
  get(id: string): DirectoryServer | undefined;
}

/**
 * Servers whose tools clients see: enabled, with known lists, and either up, on their way back
 * up (a restart keeps its tools listed so a model does not lose them mid-conversation), waiting
 * for a sign-in, or on-demand. A crashed or disabled server's tools disappear.
 */
export function visibleSources(directory: ServerDirectory): CatalogSource[] {
  return directory
    .supervisors()
    .filter((s) => s.def.enabled && s.listsKnown && isVisibleState(s))
    .map((s) => ({ serverId: s.id, ...s.lists }));
}

function isVisibleState(s: DirectoryServer): boolean {
  // Listed while it waits for a sign-in: a call then says how to sign in instead of "no such tool".
  switch (s.state) {
    case 'running':
    case 'restarting':
    case 'starting':
    case 'needs-sign-in':
      return true;
    case 'stopped':
      return s.def.startup === 'on-demand' && s.problem === undefined;
    default:
      return false;
  }
}

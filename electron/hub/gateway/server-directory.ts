// What the gateway needs to know about servers: the supervisors, which of them clients see, and
// where one client session's calls to a server go (the server, or that session's own lane of it).
import { startsOnUse } from '../server-registry/session-mode.ts';
import type { LaneOwner, ServerSupervisor } from '../supervisor/server-supervisor.ts';
import type { CatalogSource } from './catalog.ts';
import type { ServerDefinition } from '../settings/schema.ts';
import type { UpstreamTool } from '../upstream/passthrough-schemas.ts';

/** What the gateway uses of one supervised server, or of one client's lane of it. */
export type DirectoryServer = Pick<
  ServerSupervisor,
  'id' | 'def' | 'state' | 'problem' | 'listsKnown' | 'lists' | 'connection' | 'introduced' | 'connectionForCall' | 'currentRun' | 'exitOfRun' | 'callStarted' | 'callEnded'
> & {
  /** Where this client session's calls go: the server itself, or (per-client) the session's own lane. */
  upstreamFor(owner: LaneOwner): DirectoryServer;
};

export interface ServerDirectory {
  supervisors(): readonly DirectoryServer[];
  get(id: string): DirectoryServer | undefined;
  /** A client session's own lanes of per-client servers. */
  sessionUpstreams(sessionId: string): readonly DirectoryServer[];
  /** The session closed: its lanes stop. */
  closeSession(sessionId: string): void;
}

/**
 * Servers whose tools clients see: enabled, with known lists, and either up, on their way back
 * up (a restart keeps its tools listed so a model does not lose them mid-conversation), waiting
 * for a sign-in, or started on use (on-demand, or per-client). A crashed or disabled server's tools
 * disappear.
 */
export function visibleSources(directory: ServerDirectory, screen: ToolScreen = (_def, tools) => tools): CatalogSource[] {
  return directory
    .supervisors()
    .filter((s) => s.def.enabled && s.listsKnown && isVisibleState(s))
    .map((s) => ({ serverId: s.id, ...s.lists, tools: screen(s.def, s.lists.tools) }));
}

/** Which of a server's tools clients may see: all but the held ones (pinning/tool-pins.ts). */
export type ToolScreen = (def: ServerDefinition, tools: readonly UpstreamTool[]) => readonly UpstreamTool[];

function isVisibleState(s: DirectoryServer): boolean {
  // Listed while it waits for a sign-in: a call then says how to sign in instead of "no such tool".
  switch (s.state) {
    case 'running':
    case 'restarting':
    case 'starting':
    case 'needs-sign-in':
      return true;
    case 'stopped':
      return startsOnUse(s.def) && s.problem === undefined;
    default:
      return false;
  }
}

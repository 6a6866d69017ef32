// Control handlers: servers, write mode, tool overrides, secrets. The confirmation rules for write
// mode live here because every UI must obey them alike.
import type { ServerResults } from '../../contract/api/servers.ts';
import { ControlError, type Handlers } from '../../contract/contract.ts';
import type { ServerStatus } from '../../contract/shapes.ts';
import type { ApprovalQueue } from '../../approvals/approval-gate.ts';
import type { ServerManager } from '../../server-registry/server-manager.ts';

type ServerHandlers = Pick<Handlers, keyof ServerResults>;

export interface ServerHandlerDeps {
  readonly servers: Pick<
    ServerManager,
    'add' | 'remove' | 'setEnabled' | 'restart' | 'logOf' | 'setValues' | 'require' | 'setWriteMode' | 'setToolOverride' | 'setSecret' | 'deleteSecret'
  >;
  readonly approvals: Pick<ApprovalQueue, 'denyServer'>;
  serverStatus(id: string): Promise<ServerStatus>;
  allServers(): Promise<ServerStatus[]>;
}

export function serverHandlers(deps: ServerHandlerDeps): ServerHandlers {
  const serverStatus = (id: string) => deps.serverStatus(id);
  return {
    'servers.list': () => deps.allServers(),

    async 'servers.add'({ definition }) {
      const supervisor = await deps.servers.add(definition);
      return serverStatus(supervisor.id);
    },

    async 'servers.remove'({ id }) {
      const secretsDeleted = await deps.servers.remove(id);
      return { removed: id, secretsDeleted };
    },

    async 'servers.enable'({ id }) {
      await deps.servers.setEnabled(id, true);
      return serverStatus(id);
    },

    async 'servers.disable'({ id }) {
      await deps.servers.setEnabled(id, false);
      return serverStatus(id);
    },

    async 'servers.restart'({ id }) {
      await deps.servers.restart(id);
      return serverStatus(id);
    },

    async 'servers.log'({ id, lines }) {
      return deps.servers.logOf(id).tail(lines);
    },

    async 'servers.set'({ id, values }) {
      await deps.servers.setValues(id, values);
      return serverStatus(id);
    },

    async 'servers.writeMode'({ id, mode, confirm }) {
      deps.servers.require(id);
      // Turning write mode on is never a side effect: the UI must have asked the user, and `allow`
      // (no per-call approval) needs its own, more explicit confirmation.
      if (mode === 'ask' && confirm !== 'ask' && confirm !== 'allow') {
        throw new ControlError('needs-confirmation', `turning write mode to "ask" on "${id}" lets clients see and request its write tools; confirm it first`);
      }
      if (mode === 'allow' && confirm !== 'allow') {
        throw new ControlError('needs-confirmation', `write mode "allow" lets every client run "${id}"'s write tools without asking you; confirm "allow" explicitly`);
      }
      await deps.servers.setWriteMode(id, mode);
      if (mode === 'off') deps.approvals.denyServer(id);
      return serverStatus(id);
    },

    async 'servers.toolOverride'({ id, tool, class: toolClass, disabled, confirm }) {
      const supervisor = deps.servers.require(id);
      // A tool the server does not call read-only, treated as read, runs with write mode off and
      // without approval: as consequential as turning write mode on, so confirmed the same way.
      if (toolClass === 'read' && confirm !== 'read') {
        const listed = supervisor.lists.tools.find((t) => t.name === tool);
        if (listed?.annotations?.readOnlyHint !== true) {
          const why = !listed ? 'the server does not list it now' : listed.annotations?.destructiveHint === true ? 'the server marks it destructive' : 'the server does not mark it read-only';
          throw new ControlError(
            'needs-confirmation',
            `treating "${tool}" of "${id}" as read lets every client call it with write mode off and without approval (${why}); confirm it first`,
          );
        }
      }
      deps.servers.setToolOverride(id, tool, toolClass, disabled);
      return serverStatus(id);
    },

    async 'secrets.set'({ server, name, value }) {
      await deps.servers.setSecret(server, name, value);
      return { server, name, set: true as const };
    },

    async 'secrets.delete'({ server, name }) {
      return { server, name, deleted: await deps.servers.deleteSecret(server, name) };
    },

  };
}

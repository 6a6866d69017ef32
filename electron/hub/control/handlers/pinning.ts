// Control handlers: reviewing held tools, accepting or rejecting their new definitions.
import type { HeldToolReview, PinningResults } from '../../contract/api/pinning.ts';
import { ControlError, type Handlers } from '../../contract/contract.ts';
import { ToolNotHeldError, type HeldTool, type ToolPins } from '../../pinning/tool-pins.ts';
import { definitionDiff } from '../../pinning/tool-definition.ts';
import type { ServerManager } from '../../server-registry/server-manager.ts';

type PinningHandlers = Pick<Handlers, keyof PinningResults>;

export interface PinningHandlerDeps {
  readonly pins: Pick<ToolPins, 'held' | 'accept' | 'reject'>;
  readonly servers: Pick<ServerManager, 'require'>;
}

export function review(held: HeldTool): HeldToolReview {
  const { pinned, current, ...info } = held;
  return { ...info, ...(pinned ? { pinned } : {}), current, diff: definitionDiff(held.serverId, pinned, current) };
}

export function pinningHandlers(deps: PinningHandlerDeps): PinningHandlers {
  return {
    async 'servers.review'({ id }) {
      if (id !== undefined) deps.servers.require(id);
      return deps.pins.held(id).map(review);
    },
    async 'servers.tool'({ id, tool, decision, digest }) {
      deps.servers.require(id);
      try {
        if (decision === 'accept') deps.pins.accept(id, tool, digest);
        else deps.pins.reject(id, tool, digest);
      } catch (error) {
        if (error instanceof ToolNotHeldError) throw new ControlError('not-found', error.message);
        throw error;
      }
      return { server: id, tool, decision: decision === 'accept' ? ('accepted' as const) : ('rejected' as const) };
    },
  };
}

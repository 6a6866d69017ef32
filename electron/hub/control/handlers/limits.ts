// Control handlers: rate limits (list, set by scope, remove), kept in settings by the limit book.
import type { LimitInfo, LimitResults } from '../../contract/api/limits.ts';
import { ControlError, type Handlers } from '../../contract/contract.ts';
import { describeLimit } from '../../limits/call-limiter.ts';
import type { LimitBook } from '../../limits/limit-book.ts';
import type { CallLimit } from '../../settings/schema.ts';

type LimitHandlers = Pick<Handlers, keyof LimitResults>;

export interface LimitHandlerDeps {
  readonly limits: Pick<LimitBook, 'list' | 'set' | 'remove'>;
  /** Tells every UI that settings changed. */
  settingsChanged(): void;
}

const info = (limit: CallLimit): LimitInfo => ({ ...limit, description: describeLimit(limit) });

export function limitHandlers(deps: LimitHandlerDeps): LimitHandlers {
  return {
    async 'limits.list'() {
      return deps.limits.list().map(info);
    },
    async 'limits.set'({ client, server, tool, perMinute, concurrent }) {
      const { limit, created } = deps.limits.set({ client, server, tool }, { perMinute, concurrent });
      deps.settingsChanged();
      return { limit: info(limit), created };
    },
    async 'limits.remove'({ id }) {
      if (!deps.limits.remove(id)) throw new ControlError('not-found', `no limit "${id}"; see: mcp-tray limits list`);
      deps.settingsChanged();
      return { id, removed: true as const };
    },
  };
}

// Control handlers: call log queries.
import type { CallLogResults } from '../../contract/api/call-log.ts';
import type { Handlers } from '../../contract/contract.ts';
import type { CallLog } from '../../call-log/call-log.ts';

type CallLogHandlers = Pick<Handlers, keyof CallLogResults>;

export interface CallLogHandlerDeps {
  readonly callLog: Pick<CallLog, 'query' | 'count'>;
}

export function callLogHandlers(deps: CallLogHandlerDeps): CallLogHandlers {
  return {
    async 'callLog.query'(query) {
      return deps.callLog.query(query);
    },
    async 'callLog.count'(query) {
      return { count: await deps.callLog.count(query) };
    },
  };
}

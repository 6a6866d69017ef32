// Control handlers: call log queries.
import type { CallLogResults } from '../../contract/api/call-log.ts';
import type { Handlers } from '../../contract/contract.ts';
import type { Hub } from '../../hub.ts';

type CallLogHandlers = Pick<Handlers, keyof CallLogResults>;

export function callLogHandlers(hub: Hub): CallLogHandlers {
  return {
    async 'callLog.query'(query) {
      return hub.callLog.query(query);
    },
    async 'callLog.count'(query) {
      return { count: await hub.callLog.count(query) };
    },
  };
}

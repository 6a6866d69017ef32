// Control handlers: call log queries.
import type { CallLogResults } from '../api/calllog.ts';
import type { Handlers } from '../contract.ts';
import type { Hub } from '../../hub.ts';

type CallLogHandlers = Pick<Handlers, keyof CallLogResults>;

export function callLogHandlers(hub: Hub): CallLogHandlers {
  return {
    async 'log.query'(query) {
      return hub.callLog.query(query);
    },
    async 'log.count'(query) {
      return { count: await hub.callLog.count(query) };
    },
  };
}

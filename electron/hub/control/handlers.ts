// The hub's implementation of the control API contract: one handler file per domain, each a few
// lines over the part of the hub that owns the behavior.
import type { Hub } from '../hub.ts';
import type { Handlers } from '../contract/contract.ts';
import { hubHandlers } from './handlers/hub.ts';
import { serverHandlers } from './handlers/servers.ts';
import { approvalHandlers } from './handlers/approvals.ts';
import { callLogHandlers } from './handlers/call-log.ts';
import { settingsHandlers } from './handlers/settings.ts';
import { clientHandlers } from './handlers/clients.ts';
import { uiHandlers } from './handlers/ui.ts';

export function createHandlers(hub: Hub): Handlers {
  return {
    ...hubHandlers(hub),
    ...serverHandlers(hub),
    ...approvalHandlers(hub),
    ...callLogHandlers(hub),
    ...settingsHandlers(hub),
    ...clientHandlers(hub),
    ...uiHandlers(hub),
  };
}

// The hub's implementation of the control API contract: one handler file per domain, each a few
// lines over the part of the hub that owns the behavior, and each given only what it uses.
import type { Handlers } from '../contract/contract.ts';
import { hubHandlers, type HubHandlerDeps } from './handlers/hub.ts';
import { serverHandlers, type ServerHandlerDeps } from './handlers/servers.ts';
import { approvalHandlers, type ApprovalHandlerDeps } from './handlers/approvals.ts';
import { callLogHandlers, type CallLogHandlerDeps } from './handlers/call-log.ts';
import { settingsHandlers, type SettingsHandlerDeps } from './handlers/settings.ts';
import { clientHandlers, type ClientHandlerDeps } from './handlers/clients.ts';
import { uiHandlers, type UiHandlerDeps } from './handlers/ui.ts';
import { signInHandlers, type SignInHandlerDeps } from './handlers/sign-in.ts';
import { cliToolHandlers, type CliToolHandlerDeps } from './handlers/cli-tool.ts';
import { updateHandlers, type UpdateHandlerDeps } from './handlers/updates.ts';
import { catalogHandlers, type CatalogHandlerDeps } from './handlers/catalog.ts';
import { limitHandlers, type LimitHandlerDeps } from './handlers/limits.ts';
import { profileHandlers, type ProfileHandlerDeps } from './handlers/profiles.ts';
import { telemetryHandlers, type TelemetryHandlerDeps } from './handlers/telemetry.ts';
import { pinningHandlers, type PinningHandlerDeps } from './handlers/pinning.ts';

export type HandlerDeps = HubHandlerDeps & ServerHandlerDeps & ApprovalHandlerDeps & CallLogHandlerDeps & SettingsHandlerDeps & ClientHandlerDeps & UiHandlerDeps & SignInHandlerDeps & CliToolHandlerDeps & UpdateHandlerDeps & CatalogHandlerDeps & LimitHandlerDeps & ProfileHandlerDeps & TelemetryHandlerDeps & PinningHandlerDeps;

export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...hubHandlers(deps),
    ...serverHandlers(deps),
    ...approvalHandlers(deps),
    ...callLogHandlers(deps),
    ...settingsHandlers(deps),
    ...clientHandlers(deps),
    ...uiHandlers(deps),
    ...signInHandlers(deps),
    ...cliToolHandlers(deps),
    ...updateHandlers(deps),
    ...catalogHandlers(deps),
    ...limitHandlers(deps),
    ...profileHandlers(deps),
    ...telemetryHandlers(deps),
    ...pinningHandlers(deps),
  };
}

// The control API (docs/control-api.md): every request a UI may make and every event it may be told, in one
// typed contract. Params are zod schemas because the caller (a renderer, a browser, a CLI) is
// untrusted input; results are plain types. The carriers (local socket, HTTP + SSE, Electron IPC)
// all carry exactly this, so no UI can do what another cannot. Each domain has its file in api/.
import { z } from 'zod';
import { ControlError } from './control-error.ts';
import { hubRequests, type HubResults } from './api/hub.ts';
import { serverRequests, type ServerResults } from './api/servers.ts';
import { approvalRequests, type ApprovalResults } from './api/approvals.ts';
import { callLogRequests, type CallLogResults } from './api/call-log.ts';
import { settingsRequests, type SettingsResults } from './api/settings.ts';
import { clientRequests, type ClientResults } from './api/clients.ts';
import { uiRequests, type UiResults } from './api/ui.ts';
import { signInRequests, type SignInResults } from './api/sign-in.ts';
import { cliToolRequests, type CliToolResults } from './api/cli-tool.ts';
import { updateRequests, type UpdateResults } from './api/updates.ts';
import { catalogRequests, type CatalogResults } from './api/catalog.ts';
import { limitRequests, type LimitResults } from './api/limits.ts';
import { telemetryRequests, type TelemetryResults } from './api/telemetry.ts';
import { pinningRequests, type PinningResults } from './api/pinning.ts';
import { profileRequests, type ProfileResults } from './api/profiles.ts';

export type * from './shapes.ts';
export { ControlError, type ControlErrorCode } from './control-error.ts';

export const requestSchemas = {
  ...hubRequests,
  ...serverRequests,
  ...approvalRequests,
  ...callLogRequests,
  ...settingsRequests,
  ...clientRequests,
  ...uiRequests,
  ...signInRequests,
  ...cliToolRequests,
  ...updateRequests,
  ...catalogRequests,
  ...limitRequests,
  ...telemetryRequests,
  ...pinningRequests,
  ...profileRequests,
} as const;

export type Method = keyof typeof requestSchemas;

/** What a caller sends: the schema's input, so fields that have a default stay optional. */
export type CallParams<M extends Method> = z.input<(typeof requestSchemas)[M]>;
/** What a handler receives: the params after validation, defaults filled in. */
export type HandlerParams<M extends Method> = z.output<(typeof requestSchemas)[M]>;

export interface Results extends HubResults, ServerResults, ApprovalResults, CallLogResults, SettingsResults, ClientResults, UiResults, SignInResults, CliToolResults, UpdateResults, CatalogResults, LimitResults, TelemetryResults, PinningResults, ProfileResults {}
export type Result<M extends Method> = Results[M];

/** A call's arguments after the method: params may be left out when every field is optional. */
export type CallArgs<M extends Method> = Record<never, never> extends CallParams<M> ? [params?: CallParams<M>] : [params: CallParams<M>];

/** A typed control call, the one signature of every caller (dispatcher, CLI, tray, renderer). */
export type ControlCall = <M extends Method>(method: M, ...args: CallArgs<M>) => Promise<Result<M>>;

export type Handlers = { [M in Method]: (params: HandlerParams<M>) => Promise<Result<M>> };

/** Validates raw params for a method; throws a ControlError naming what is wrong. */
export function parseParams<M extends Method>(method: M, raw: unknown): HandlerParams<M> {
  const schema = requestSchemas[method];
  const result = schema.safeParse(raw ?? {});
  if (!result.success) throw new ControlError('invalid-params', `${method}: ${z.prettifyError(result.error).replace(/\n/g, '; ')}`);
  return result.data as HandlerParams<M>;
}

export function isMethod(value: unknown): value is Method {
  return typeof value === 'string' && Object.hasOwn(requestSchemas, value);
}

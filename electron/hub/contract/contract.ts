// The control API (SPEC §4.8): every request a UI may make and every event it may be told, in one
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
} as const;

export type Method = keyof typeof requestSchemas;
export type Params<M extends Method> = z.infer<(typeof requestSchemas)[M]>;

export interface Results extends HubResults, ServerResults, ApprovalResults, CallLogResults, SettingsResults, ClientResults, UiResults {}

export type Handlers = { [M in Method]: (params: Params<M>) => Promise<Results[M]> };

/** Validates raw params for a method; throws a ControlError naming what is wrong. */
export function parseParams<M extends Method>(method: M, raw: unknown): Params<M> {
  const schema = requestSchemas[method];
  const result = schema.safeParse(raw ?? {});
  if (!result.success) throw new ControlError('invalid-params', `${method}: ${z.prettifyError(result.error).replace(/\n/g, '; ')}`);
  return result.data as Params<M>;
}

export function isMethod(value: unknown): value is Method {
  return typeof value === 'string' && Object.hasOwn(requestSchemas, value);
}

// The control API's types as the renderer sees them: type-only imports of the hub's one contract
// (electron/hub/contract/), never its code. Callers send `CallParams` (the schemas' input types, so
// optional-with-default fields stay optional) and get `Result`.
export type { CallArgs, CallParams, ControlCall, ControlErrorCode, Method, Result, Results } from '../../../electron/hub/contract/contract.ts';

export type {
  AlwaysRule,
  ApprovalPreview,
  ApprovalInfo,
  ClientInfoSummary,
  ClientProcessInfo,
  ExitSummary,
  HeldToolInfo,
  HubEvent,
  HubStatus,
  LogLineInfo,
  SecretInfo,
  ServerDefinition,
  ServerState,
  ServerStatus,
  SessionInfo,
  SignInAttempt,
  SignInInfo,
  ToolAnnotationsInfo,
  ToolInfo,
  WriteMode,
} from '../../../electron/hub/contract/contract.ts';
export type { ClientInstallStatus, ClientRow, ImportableResult, ImportableServer, ImportResult, InstallResult, ProjectInstallRow, ProjectInstallStatus, TokenResult, UninstallResult } from '../../../electron/hub/contract/api/clients.ts';
export type { ProfileInfo, ProfilesOverview } from '../../../electron/hub/contract/api/profiles.ts';
export type { PublicSettings } from '../../../electron/hub/contract/api/settings.ts';
export type { CliToolChange, CliToolInfo } from '../../../electron/hub/contract/api/cli-tool.ts';
export type { UpdateStatus } from '../../../electron/hub/contract/api/updates.ts';
export type { LimitInfo } from '../../../electron/hub/contract/api/limits.ts';
export type { HeldToolReview } from '../../../electron/hub/contract/api/pinning.ts';
export type { TelemetryInfo } from '../../../electron/hub/contract/api/telemetry.ts';
export type { CallDecision, CallOutcome, LogEntry, LogPage, LogQuery } from '../../../electron/hub/contract/call-log-shapes.ts';
export type { CatalogChoiceInfo, CatalogEntryInfo, CatalogInputInfo, CatalogOrigin, CatalogPlan, CatalogSecretInfo, CatalogUpdateInfo, SkippedEntry } from '../../../electron/hub/contract/api/catalog.ts';

// What the tray shows, gathered from the control API: the same calls any UI makes. The tray
// menu (tray-menu.ts) and icon are pure functions of this state.
import type { ClientInstallStatus } from '../hub/contract/api/clients.ts';
import type { UpdateStatus } from '../hub/contract/api/updates.ts';
import type { ApprovalInfo, ServerStatus, SessionInfo } from '../hub/contract/shapes.ts';
import type { ControlCall, Result } from '../hub/contract/contract.ts';

export interface InstallTarget {
  readonly id: string;
  readonly label: string;
  readonly status: Exclude<ClientInstallStatus, 'not-detected'>;
  /** Why the client's config cannot be used (status "unreadable"), or what is outdated. */
  readonly problem?: string;
}

export interface TrayState {
  readonly servers: readonly ServerStatus[];
  readonly approvals: readonly ApprovalInfo[];
  readonly sessions: readonly SessionInfo[];
  /** Detected clients; undefined while they could not be listed. */
  readonly installTargets: readonly InstallTarget[] | undefined;
  readonly startAtLogin: boolean;
  readonly problems: readonly string[];
  /** The app's updates (absent: not known yet). */
  readonly update?: UpdateStatus;
}

export type TrayIconState = 'normal' | 'attention' | 'error';

export function crashedServers(state: TrayState): ServerStatus[] {
  return state.servers.filter((s) => s.state === 'crashed');
}

/** Remote servers waiting for the user to sign in, or to sign in again for more permission. */
export function signInNeeded(state: TrayState): ServerStatus[] {
  return state.servers.filter((s) => s.enabled && (s.state === 'needs-sign-in' || s.auth?.pendingScope !== undefined));
}

/** Tools held for the user's review (pinned definitions that changed, or new tools): not the rejected ones. */
export function toolsToReview(state: TrayState): number {
  return state.servers.filter((s) => s.enabled).reduce((n, s) => n + (s.heldTools ?? []).filter((h) => !h.rejected).length, 0);
}

/**
 * Attention (pending approvals) wins over error (a crashed server): an approval has a deadline
 * and a client waiting on it, while a crashed server stays crashed until the user acts. A server
 * waiting for a sign-in asks for attention too, below a crash.
 */
export function trayIconState(state: TrayState): TrayIconState {
  if (state.approvals.length > 0) return 'attention';
  if (crashedServers(state).length > 0) return 'error';
  if (signInNeeded(state).length > 0) return 'attention';
  if (toolsToReview(state) > 0) return 'attention';
  return 'normal';
}

/** The first, informative line of the menu (and the tooltip). */
export function statusLine(state: TrayState): string {
  if (state.servers.length === 0) return 'No servers yet: open MCP Tray to add one';
  const enabled = state.servers.filter((s) => s.enabled);
  const running = enabled.filter((s) => s.state === 'running').length;
  const parts = [`${running} of ${enabled.length} ${enabled.length === 1 ? 'server' : 'servers'} running`];
  const crashed = crashedServers(state).length;
  if (crashed > 0) parts.push(`${crashed} crashed`);
  const signIn = signInNeeded(state).length;
  if (signIn > 0) parts.push(`${signIn} ${signIn === 1 ? 'needs' : 'need'} sign-in`);
  const clients = state.sessions.length;
  parts.push(clients === 0 ? 'no clients connected' : `${clients} ${clients === 1 ? 'client' : 'clients'} connected`);
  return parts.join(' · ');
}

/** The tooltip: the status line, plus what needs the user. */
export function trayTooltip(state: TrayState): string {
  const lines = ['MCP Tray', statusLine(state)];
  if (state.approvals.length > 0) lines.push(`${state.approvals.length} waiting for your approval`);
  for (const server of signInNeeded(state)) lines.push(`Sign in to ${server.name}`);
  const review = toolsToReview(state);
  if (review > 0) lines.push(`${review} changed ${review === 1 ? 'tool' : 'tools'} to review`);
  for (const problem of state.problems) lines.push(problem);
  return lines.join('\n');
}

export function installTargetsFrom(rows: Result<'clients.list'>): InstallTarget[] {
  return rows.flatMap((row) =>
    row.status === 'not-detected' ? [] : [{ id: row.id, label: row.label, status: row.status, ...(row.problem ? { problem: row.problem } : {}) }],
  );
}

/** Reads the hub's status and settings; the install targets are passed in (they are slower to list). */
export async function loadTrayState(call: ControlCall, installTargets: readonly InstallTarget[] | undefined): Promise<TrayState> {
  const [status, settings, update] = await Promise.all([call('status', {}), call('settings.get', {}), call('updates.status', {})]);
  return {
    servers: status.servers,
    approvals: status.approvals,
    sessions: status.clients,
    installTargets,
    startAtLogin: settings.startAtLogin,
    problems: status.problems,
    update,
  };
}

// Hub shapes for the shell's unit tests: what the control API returns, with only the fields a
// test cares about spelled out.
import type { ApprovalInfo, ServerStatus, SessionInfo } from '../../hub/contract/shapes.ts';
import type { TrayState } from '../tray-state.ts';

export function server(overrides: Partial<ServerStatus> & Pick<ServerStatus, 'id'>): ServerStatus {
  return {
    name: overrides.id[0]!.toUpperCase() + overrides.id.slice(1),
    kind: 'bundled',
    enabled: true,
    writeMode: 'off',
    startup: 'eager',
    state: 'running',
    failures: 0,
    tools: [],
    toolCounts: { read: 3, write: 2 },
    resourceCount: 0,
    promptCount: 0,
    secrets: [],
    launch: 'node servers/x/main.js',
    options: {},
    sessions: 'shared',
    sessionsSettable: false,
    clientProcesses: [],
    roots: [],
    sandbox: { level: 'standard', sandboxed: true, mechanism: 'bubblewrap', reach: [], gaps: [], allowedHosts: [], settable: true },
    ...overrides,
  };
}

export function approval(id: string, overrides: Partial<ApprovalInfo> = {}): ApprovalInfo {
  return {
    id,
    server: 'git',
    tool: 'git_commit',
    exposedName: 'git_commit',
    client: 'cursor',
    clientLabel: 'Cursor',
    sessionId: 's1',
    arguments: { repo: '/home/me/app', message: 'fix: things' },
    requestedAt: '2026-11-22T10:00:00.000Z',
    deadline: '2026-11-22T10:02:00.000Z',
    ...overrides,
  };
}

export function session(sessionId: string, overrides: Partial<SessionInfo> = {}): SessionInfo {
  return {
    id: 'cursor',
    sessionId,
    label: 'Cursor',
    transport: 'socket',
    profile: 'default',
    profileSource: 'default',
    clientInfo: { name: 'cursor-vscode', version: '1.2.3' },
    era: 'legacy',
    protocolVersion: '2025-11-25',
    since: '2026-11-22T09:30:00.000Z',
    calls: 4,
    pendingApprovals: 0,
    ...overrides,
  };
}

export function trayState(overrides: Partial<TrayState> = {}): TrayState {
  return {
    servers: [],
    approvals: [],
    sessions: [],
    installTargets: [
      { id: 'cursor', label: 'Cursor', status: 'installed' },
      { id: 'claude-code', label: 'Claude Code', status: 'detected' },
    ],
    startAtLogin: false,
    problems: [],
    ...overrides,
  };
}

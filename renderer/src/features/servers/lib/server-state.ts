// How a server's state reads in the UI: a pill (tone + short label) and a sentence with the detail
// (next restart attempt, last exit, the problem that keeps it stopped).
import type { ClientProcessInfo, ServerStatus } from '../../../api/contract-types.ts';
import type { Tone } from '../../../common/components/status-pill.tsx';
import { formatSpan } from '../../../common/lib/format.ts';

export interface StateView {
  readonly tone: Tone;
  readonly label: string;
  readonly detail?: string;
}

export function describeExit(server: ServerStatus): string | undefined {
  const exit = server.lastExit;
  if (!exit) return undefined;
  // No code and no signal: it never ran (could not start), and the reason says why.
  if (exit.code === null && !exit.signal) return exit.reason ? `last start failed: ${exit.reason}` : undefined;
  const how = exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
  return `last exit ${how}${exit.reason ? ` (${exit.reason})` : ''}`;
}

export function stateView(server: ServerStatus, now: number): StateView {
  switch (server.state) {
    case 'running':
      return { tone: 'ok', label: 'Running', detail: server.startedAt ? `up ${formatSpan(now - Date.parse(server.startedAt))}` : undefined };
    case 'starting':
      return { tone: 'busy', label: 'Starting', detail: 'initializing and listing its tools' };
    case 'restarting': {
      const wait = server.nextAttemptAt ? Date.parse(server.nextAttemptAt) - now : 0;
      const attempt = wait > 0 ? `next attempt in ${formatSpan(wait)}` : 'restarting now';
      return { tone: 'warn', label: 'Restarting', detail: [attempt, `failure ${server.failures}`, describeExit(server)].filter(Boolean).join(' · ') };
    }
    case 'crashed':
      return { tone: 'error', label: 'Crashed', detail: [`gave up after ${server.failures} failures`, describeExit(server), 'restart it when fixed'].filter(Boolean).join(' · ') };
    case 'disabled':
      return { tone: 'off', label: 'Disabled', detail: 'clients do not see its tools' };
    case 'keychain-unavailable':
      return { tone: 'error', label: 'Keychain unavailable', detail: server.problem };
    case 'not-installed':
      return { tone: 'error', label: 'Not installed', detail: server.problem };
    case 'needs-sign-in': {
      // Why: a failed sign-in, a refusal while still signed in (the server changed), or simply none yet.
      const failed = server.auth?.attempt?.error;
      const detail = failed ? `sign-in failed: ${failed}` : server.auth?.signedIn && server.problem ? server.problem : 'sign in to use its tools';
      return { tone: 'warn', label: 'Needs sign-in', detail };
    }
    case 'stopped': {
      if (server.problem) return { tone: 'warn', label: 'Stopped', detail: server.problem };
      if (server.sessions === 'per-client') {
        const running = server.clientProcesses.filter((p) => p.state === 'running').length;
        return { tone: running > 0 ? 'ok' : 'off', label: running > 0 ? `${running} per client` : 'Per client', detail: 'each client session gets its own process at its first call' };
      }
      return { tone: 'off', label: 'Stopped', detail: server.startup === 'on-demand' ? 'starts at its first call' : undefined };
    }
  }
}

/** One client's own process or remote session of a per-client server. */
export function processView(process: ClientProcessInfo, now: number, remote: boolean): StateView {
  const exit = process.lastExit ? `last exit ${process.lastExit.signal ? `signal ${process.lastExit.signal}` : `code ${process.lastExit.code ?? '?'}`}` : undefined;
  switch (process.state) {
    case 'running':
      return { tone: 'ok', label: 'Running' };
    case 'starting':
      return { tone: 'busy', label: 'Starting' };
    case 'restarting': {
      const wait = process.nextAttemptAt ? Date.parse(process.nextAttemptAt) - now : 0;
      return { tone: 'warn', label: 'Restarting', detail: [wait > 0 ? `next attempt in ${formatSpan(wait)}` : 'restarting now', exit].filter(Boolean).join(' · ') };
    }
    case 'crashed':
      return { tone: 'error', label: 'Crashed', detail: [`gave up after ${process.failures} failures`, exit, 'restart the server when fixed'].filter(Boolean).join(' · ') };
    case 'stopped':
      return process.problem
        ? { tone: 'warn', label: 'Stopped', detail: process.problem }
        : { tone: 'off', label: remote ? 'Closed' : 'Idle, stopped', detail: remote ? undefined : 'starts again at its client\'s next call' };
    default:
      return { tone: 'off', label: process.state };
  }
}

export const WRITE_MODE_LABEL = { off: 'Read-only', ask: 'Writes ask', allow: 'Writes allowed' } as const;

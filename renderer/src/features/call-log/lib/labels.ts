// How decisions and outcomes of calls read in the Activity view (docs/call-log.md), and their tones.
import type { CallDecision, CallOutcome } from '../../../api/contract-types.ts';
import type { Tone } from '../../../common/components/status-pill.tsx';

export const DECISIONS: Readonly<Record<CallDecision, { label: string; tone: Tone }>> = {
  'auto-read': { label: 'Read', tone: 'off' },
  'approved-once': { label: 'Approved once', tone: 'ok' },
  'approved-session': { label: 'Approved: session', tone: 'ok' },
  'approved-rule': { label: 'Approved: always', tone: 'ok' },
  'allow-mode': { label: 'Allowed (allow mode)', tone: 'warn' },
  'denied-user': { label: 'Denied', tone: 'error' },
  'denied-timeout': { label: 'Timed out', tone: 'error' },
  'cancelled-client': { label: 'Client cancelled', tone: 'off' },
  'blocked-write-off': { label: 'Blocked: write off', tone: 'warn' },
  'blocked-disabled': { label: 'Blocked: disabled', tone: 'warn' },
  'rate-limited': { label: 'Rate limited', tone: 'warn' },
  'blocked-profile': { label: 'Blocked: not in profile', tone: 'warn' },
};

export const OUTCOMES: Readonly<Record<CallOutcome, { label: string; tone: Tone }>> = {
  ok: { label: 'OK', tone: 'ok' },
  'tool-error': { label: 'Tool error', tone: 'error' },
  'protocol-error': { label: 'Protocol error', tone: 'error' },
  'server-exited': { label: 'Server exited', tone: 'error' },
  cancelled: { label: 'Cancelled', tone: 'off' },
  refused: { label: 'Refused', tone: 'warn' },
};

export function decisionView(decision: string): { label: string; tone: Tone } {
  return DECISIONS[decision as CallDecision] ?? { label: decision, tone: 'info' };
}

export function outcomeView(outcome: string): { label: string; tone: Tone } {
  return OUTCOMES[outcome as CallOutcome] ?? { label: outcome, tone: 'info' };
}

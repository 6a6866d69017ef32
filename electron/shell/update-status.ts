// What the app tells the user about updates (docs/updates.md), from electron-updater's events: a
// pure reducer, unit-tested; the status goes to the tray, the Settings view and the CLI through the
// hub's control API (`updates.*`, the `update-changed` event).
import type { UpdateStatus } from '../hub/contract/api/updates.ts';

export type UpdaterEvent =
  | { readonly type: 'checking' }
  | { readonly type: 'available'; readonly version: string }
  | { readonly type: 'not-available' }
  | { readonly type: 'progress'; readonly percent: number }
  | { readonly type: 'downloaded'; readonly version: string }
  | { readonly type: 'error'; readonly message: string };

export function initialStatus(current: string, channel: UpdateStatus['channel']): UpdateStatus {
  return { phase: 'idle', current, channel };
}

/** The first line of an updater error, without electron-updater's stack or response dump. */
export function oneLine(message: string): string {
  return (message.split('\n')[0] ?? message).trim();
}

export function nextStatus(status: UpdateStatus, event: UpdaterEvent, now: string): UpdateStatus {
  const base = { current: status.current, channel: status.channel, checkedAt: status.checkedAt };
  switch (event.type) {
    case 'checking':
      return { ...base, phase: 'checking', message: `looking for a newer ${status.channel} version` };
    case 'not-available':
      return { ...base, phase: 'up-to-date', checkedAt: now, message: `MCP Tray ${status.current} is the newest ${status.channel} version` };
    case 'available':
      return { ...base, phase: 'downloading', checkedAt: now, version: event.version, percent: 0, message: `downloading MCP Tray ${event.version} in the background` };
    case 'progress':
      // A late progress event never takes a finished download back.
      if (status.phase !== 'downloading') return status;
      return { ...status, percent: Math.max(0, Math.min(100, Math.round(event.percent))) };
    case 'downloaded':
      return { ...base, phase: 'ready', version: event.version, percent: 100, message: `MCP Tray ${event.version} is downloaded and verified: it installs when you quit, or now with "Restart now"` };
    case 'error':
      return { ...base, phase: 'error', checkedAt: now, message: `the update failed: ${oneLine(event.message)}` };
  }
}

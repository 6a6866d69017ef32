import { describe, expect, it } from 'vitest';
import { initialStatus, nextStatus, type UpdaterEvent } from './update-status.ts';

const NOW = '2026-01-02T03:04:05.000Z';
const run = (...events: UpdaterEvent[]) => events.reduce((status, event) => nextStatus(status, event, NOW), initialStatus('1.0.0', 'stable'));

describe('update status', () => {
  it('goes from checking to up to date', () => {
    expect(run({ type: 'checking' }, { type: 'not-available' })).toEqual({ phase: 'up-to-date', current: '1.0.0', channel: 'stable', checkedAt: NOW, message: 'MCP Tray 1.0.0 is the newest stable version' });
  });

  it('downloads a found version in the background, with progress, until it is ready to install', () => {
    const downloading = run({ type: 'checking' }, { type: 'available', version: '1.1.0' }, { type: 'progress', percent: 41.6 });
    expect(downloading).toMatchObject({ phase: 'downloading', version: '1.1.0', percent: 42 });
    const ready = nextStatus(downloading, { type: 'downloaded', version: '1.1.0' }, NOW);
    expect(ready).toMatchObject({ phase: 'ready', version: '1.1.0', percent: 100, checkedAt: NOW });
    expect(ready.message).toContain('installs when you quit');
    expect(nextStatus(ready, { type: 'progress', percent: 99 }, NOW)).toBe(ready);
  });

  it('says what failed in one line (a download that does not match its sha512)', () => {
    const failed = run({ type: 'available', version: '1.1.0' }, { type: 'error', message: 'sha512 checksum mismatch, expected abc, got def\n    at stack' });
    expect(failed).toMatchObject({ phase: 'error', message: 'the update failed: sha512 checksum mismatch, expected abc, got def' });
  });
});

// The UI token must not reach other users of the machine. `serve` opens the browser with the
// desktop's opener, whose command line (and the browser's) every local user can read in
// /proc/*/cmdline, and 127.0.0.1 is reachable by every user. Here the opener is a stand-in on PATH
// that records its arguments and stays running (as a browser would, holding its URL in argv); then
// the nobody user reads every /proc/*/cmdline and /proc/*/environ it can and tries every
// token-looking string against the hub: as a bearer token, a session cookie, a page key and a
// one-time sign-in code. Nothing may get in. The link the opener got still works for the user
// (another user's attempt did not use it up), once.
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubStatus } from '../../electron/hub/contract/contract.ts';
import { cliJson, startHub, tempDir, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';
import { redeem } from '../helpers/ui-session.ts';

const SCAN = fileURLToPath(new URL('./fixtures/other-user-scan.ts', import.meta.url));

interface ScanReport {
  readonly uid: number;
  readonly cmdlines: number;
  readonly environs: number;
  readonly candidates: number;
  readonly sawUiUrl: boolean;
  readonly accepted: string[];
  readonly loginStatuses: Record<string, number>;
}

function asNobody(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('setpriv', ['--reuid', 'nobody', '--regid', 'nogroup', '--clear-groups', '--', process.execPath, ...args], { cwd: '/', timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

// Becoming another user needs root (setpriv); elsewhere this file is skipped and says why.
const asRoot = process.getuid?.() === 0;
if (!asRoot) console.warn('\n!!! ui-token-process-list SKIPPED: acting as another OS user (nobody) needs root for setpriv\n');

describe.runIf(asRoot)('the UI token through the process list', () => {
  let hub: HubProcess;
  let dataDir: string;
  let record: string;
  let port: number;

  beforeAll(async () => {
    // The stand-in opener: a world-readable folder on PATH with an `xdg-open` that records its
    // arguments and its pid, then waits like a browser window would.
    const bin = tempDir('mcp-tray-opener-');
    chmodSync(bin, 0o755);
    record = path.join(bin, 'opened.txt');
    writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\necho "$$" > "${record}.pid"\nprintf '%s\\n' "$@" > "${record}"\nsleep 120\n`, { mode: 0o755 });
    dataDir = tempDir('mcp-tray-ui-token-');
    writeSettings(dataDir, { servers: [] });
    hub = await startHub(dataDir, { open: true, env: { PATH: `${bin}:${process.env.PATH}`, DISPLAY: ':99', WAYLAND_DISPLAY: '' } });
    port = Number(new URL((await cliJson<HubStatus>(dataDir, ['status'])).endpoints.mcp!).port);
    await waitFor('the opener to be started by serve', () => existsSync(record) && readFileSync(record, 'utf8').includes('http'), 10_000);
  });

  afterAll(async () => {
    const pid = existsSync(`${record}.pid`) ? Number(readFileSync(`${record}.pid`, 'utf8')) : undefined;
    // serve starts the opener detached, in a process group of its own: end it and its sleep.
    if (pid) process.kill(-pid, 'SIGTERM');
    await hub?.stop();
  });

  it('serve opened the browser, and the opener got no long-lived token', () => {
    const opened = readFileSync(record, 'utf8').trim();
    expect(opened).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/login\\?code=[A-Za-z0-9_-]+$`));
    expect(opened).not.toContain('token');
    // serve printed a link of its own too (stdout is the user's terminal, not the process list).
    expect(hub.output()).toMatch(/Sign in:\s+http:\/\/127\.0\.0\.1:\d+\/login\?code=/);
  });

  it('another user who reads every command line and environment it can gets nothing accepted', async () => {
    const scan = await asNobody([SCAN, String(port)]);
    expect(scan.code, scan.stderr).toBe(0);
    const report = JSON.parse(scan.stdout.trim().split('\n').at(-1)!) as ScanReport;
    console.log(`as uid ${report.uid}: ${report.cmdlines} command lines, ${report.environs} environments, ${report.candidates} candidates; /login answers ${JSON.stringify(report.loginStatuses)}`);
    expect(report.uid).not.toBe(process.getuid?.());
    // The scan saw what an attacker would: the opener's command line with the hub's address.
    expect(report.sawUiUrl).toBe(true);
    expect(report.candidates).toBeGreaterThan(0);
    expect(report.accepted).toEqual([]);
    // The one-time code in the opener's argv was refused to this user (403), not used up.
    expect(report.loginStatuses['403']).toBeGreaterThanOrEqual(1);
  });

  it('the link the opener got still signs the user in, once', async () => {
    const link = readFileSync(record, 'utf8').trim();
    const first = await redeem(link);
    expect(first.status).toBe(303);
    const call = await fetch(`${first.session!.origin}/api/call`, { method: 'POST', headers: { 'content-type': 'application/json', ...first.session!.headers }, body: '{"method":"status","params":{}}' });
    expect(call.status).toBe(200);
    const again = await redeem(link);
    expect(again.status).toBe(410);
    expect(again.body).toContain('already been used');
  });
});

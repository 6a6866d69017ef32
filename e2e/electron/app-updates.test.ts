// The desktop app's updates through electron-updater's own code, against a loopback update feed
// this test serves: a latest-linux.yml and an AppImage artifact the test builds. The app's updater
// (electron/shell/app-updater.ts) and the shell's quitter run in a child process where only the
// `electron` module is a double (fixtures/updater/electron-net-double.ts: Node's http in place of
// Electron's net, since there is no Electron binary here).
// - A new version is found, downloaded, its sha512 checked; "Restart now" stops the hub first, then
//   replaces the AppImage and starts the new one.
// - On quit, a downloaded update is installed after the hub stopped, without starting the new one.
// - A tampered artifact (sha512 mismatch with latest-linux.yml) is refused: nothing is installed.
// Not here: macOS (Squirrel.Mac checks the code signature) and Windows (electron-updater checks the
// installer's Authenticode signature against the publisher) cannot run on Linux; deb installs are
// told to update through the package manager (unit-tested in app-updater.test.ts).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE, REPO, tempDir, waitFor } from '../helpers/hub-process.ts';

const DRIVER = path.join(REPO, 'e2e', 'electron', 'fixtures', 'updater', 'update-driver.ts');
const REGISTER = path.join(REPO, 'e2e', 'electron', 'fixtures', 'updater', 'register.ts');

let feed: http.Server;
let feedUrl: string;
/** What the feed serves now, by path. */
const served = new Map<string, Buffer | string>();
const requested: string[] = [];

beforeAll(async () => {
  feed = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requested.push(url.pathname);
    const body = served.get(url.pathname);
    if (body === undefined) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-length': Buffer.byteLength(body) }).end(body);
  });
  await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(feed.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => feed.close(() => resolve())));

/** An "AppImage" of version 1.1.0: a script that, when the updater starts it, notes that in the log. */
function newAppImage(log: string): Buffer {
  return Buffer.from(`#!/bin/sh\necho "new version started (APPIMAGE_SILENT_INSTALL=$APPIMAGE_SILENT_INSTALL)" >> '${log}'\n# ${'x'.repeat(4096)}\n`);
}

const sha512 = (data: Buffer) => createHash('sha512').update(data).digest('base64');

function publish(version: string, artifact: Buffer, claimedSha512 = sha512(artifact)): void {
  const name = `MCP-Tray-${version}.AppImage`;
  served.clear();
  served.set(`/${name}`, artifact);
  served.set(
    '/latest-linux.yml',
    [`version: ${version}`, 'files:', `  - url: ${name}`, `    sha512: ${claimedSha512}`, `    size: ${artifact.length}`, `path: ${name}`, `sha512: ${claimedSha512}`, "releaseDate: '2026-01-01T00:00:00.000Z'", ''].join('\n'),
  );
}

interface Installed {
  appImage: string;
  log: string;
  cache: string;
  env: NodeJS.ProcessEnv;
}

/** An installed 1.0.0 AppImage, its resources/app-update.yml naming the loopback feed. */
function installed(): Installed {
  const root = tempDir('mcp-tray-update-');
  const resources = path.join(root, 'resources');
  mkdirSync(resources);
  writeFileSync(path.join(resources, 'app-update.yml'), `provider: generic\nurl: ${feedUrl}\nupdaterCacheDirName: mcp-tray-updater\n`);
  const appImage = path.join(root, 'Applications', 'MCP-Tray.AppImage');
  mkdirSync(path.dirname(appImage));
  writeFileSync(appImage, '#!/bin/sh\necho old version\n');
  chmodSync(appImage, 0o755);
  const log = path.join(root, 'steps.log');
  writeFileSync(log, '');
  const cache = path.join(root, 'cache');
  const env = { ...process.env, APPIMAGE: appImage, DRIVER_RESOURCES: resources, DRIVER_USER_DATA: path.join(root, 'data'), DRIVER_LOG: log, XDG_CACHE_HOME: cache };
  return { appImage, log, cache, env };
}

function drive(app: Installed, mode: 'check' | 'restart' | 'quit'): Promise<{ code: number; status: { phase: string; version?: string; message?: string }; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(NODE, ['--import', REGISTER, DRIVER, mode], { env: app.env, timeout: 60_000 }, (error, stdout, stderr) => {
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      if (!line) return reject(new Error(`the driver printed no status (${error?.message}); stderr:\n${stderr}`));
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, status: JSON.parse(line), stderr });
    });
  });
}

const steps = (app: Installed) => readFileSync(app.log, 'utf8').trim().split('\n');

describe('updates through electron-updater, from a loopback feed', () => {
  it('finds 1.1.0, downloads it, checks its sha512; "Restart now" stops the hub, then installs and starts it', async () => {
    const app = installed();
    const artifact = newAppImage(app.log);
    publish('1.1.0', artifact);
    const run = await drive(app, 'restart');
    expect(run.status).toMatchObject({ phase: 'ready', version: '1.1.0' });
    expect(requested).toEqual(expect.arrayContaining(['/latest-linux.yml', '/MCP-Tray-1.1.0.AppImage']));
    await waitFor('the new version to start', () => steps(app).some((line) => line.startsWith('new version started')), 15_000);
    expect(readFileSync(app.appImage)).toEqual(artifact);
    const order = steps(app);
    // Servers stopped before the new version was installed and started.
    expect(order.indexOf('hub stopped')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('hub stopped')).toBeLessThan(order.findIndex((line) => line.startsWith('new version started')));
    expect(order).toContain('app quit');
  });

  it('installs a downloaded update on quit, after the hub stopped, without starting it', async () => {
    const app = installed();
    const artifact = newAppImage(app.log);
    publish('1.1.0', artifact);
    const run = await drive(app, 'quit');
    expect(run.status).toMatchObject({ phase: 'ready', version: '1.1.0' });
    expect(readFileSync(app.appImage)).toEqual(artifact);
    const order = steps(app);
    expect(order.slice(0, 2)).toEqual(['quitting', 'hub stopped']);
    // electron-updater runs the new AppImage once with APPIMAGE_EXIT_AFTER_INSTALL (its install step), not as the app.
    expect(order.at(-1)).toBe('exit 0');
  });

  it('refuses a tampered artifact (sha512 mismatch with latest-linux.yml) and installs nothing', async () => {
    const app = installed();
    const before = readFileSync(app.appImage);
    publish('1.1.0', newAppImage(app.log), sha512(Buffer.from('the artifact that was released')));
    const run = await drive(app, 'restart');
    expect(run.status.phase).toBe('error');
    expect(run.status.message).toMatch(/^the update failed: sha512 checksum mismatch/);
    expect(readFileSync(app.appImage)).toEqual(before);
    const pending = path.join(app.cache, 'mcp-tray-updater', 'pending');
    expect(existsSync(pending) ? readdirSync(pending).filter((f) => f.endsWith('.AppImage')) : []).toEqual([]);
    expect(steps(app)).not.toContain('hub stopped');
  });

  it('says the running version is the newest when the feed has nothing newer', async () => {
    const app = installed();
    publish('1.0.0', newAppImage(app.log));
    const run = await drive(app, 'check');
    expect(run.status).toMatchObject({ phase: 'up-to-date', message: 'MCP Tray 1.0.0 is the newest stable version' });
  });
});

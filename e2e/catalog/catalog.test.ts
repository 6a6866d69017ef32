// The catalog against a registry on loopback that serves real server.json documents
// (e2e/fixtures/registry/): search with pagination, an npm entry added and called through the
// bridge by an SDK client, a remote entry's secret header in the keychain, updates found at start
// and after a release, an update that keeps secrets and write mode, a malformed entry refused with
// nothing added, a missing runtime named; and, with the registry unreachable, the offline snapshot.
// Run inside e2e/setup/with-keyring.sh (the real keychain).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CatalogResults } from '../../electron/hub/contract/api/catalog.ts';
import type { ServerStatus } from '../../electron/hub/contract/contract.ts';
import { REPO, cli, cliJson, connectBridge, startHub, tempDir, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';
import { testSecret } from '../helpers/test-secrets.ts';
import { atVersion, loadFixture, startRegistry, unreachableRegistryUrl, type TestRegistry } from '../fixtures/registry/registry-server.ts';

const SERVICE = process.env.MCP_TRAY_KEYCHAIN_SERVICE ?? 'mcp-tray';
const EVERYTHING_VERSION = (JSON.parse(readFileSync(path.join(REPO, 'node_modules/@modelcontextprotocol/server-everything/package.json'), 'utf8')) as { version: string }).version;
const AIRTABLE = 'io.github.domdomegg/airtable-mcp-server';

function keychain(account: string): Promise<string | null> {
  return new Promise((resolve) => execFile('secret-tool', ['lookup', 'service', SERVICE, 'username', account], (error, stdout) => resolve(error ? null : stdout)));
}

function which(command: string): Promise<boolean> {
  return new Promise((resolve) => execFile('sh', ['-c', `command -v ${command}`], (error) => resolve(!error)));
}

async function servers(dataDir: string): Promise<ServerStatus[]> {
  return cliJson<ServerStatus[]>(dataDir, ['servers', 'list']);
}

function settingsFile(dataDir: string): { servers: Array<{ id: string }> } {
  return JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8')) as { servers: Array<{ id: string }> };
}

describe('the catalog with a registry', () => {
  let registry: TestRegistry;
  let dataDir: string;
  let hub: HubProcess;
  let client: Client | undefined;

  beforeAll(async () => {
    registry = await startRegistry({ pageSize: 3 });
    for (const doc of loadFixture('valid/seed.json')) registry.publish(doc);
    for (const file of ['valid/with-remote.json', 'valid/with-package.json', 'invalid/package-version-latest.json', 'invalid/description-too-long.json']) {
      for (const doc of loadFixture(file)) registry.publish(doc);
    }
    // The real document names 2.0.0, which npm does not have: published at the version installed here.
    registry.publish(atVersion(loadFixture('valid/server-everything.json')[0]!, EVERYTHING_VERSION));
    dataDir = tempDir('mcp-tray-catalog-');
    // A server added from the catalog at 1.7.2 earlier (disabled: nothing runs); the registry has 1.7.3.
    writeSettings(dataDir, {
      registryUrl: registry.url,
      servers: [
        {
          id: 'early',
          name: 'Airtable (earlier)',
          kind: 'stdio',
          enabled: false,
          command: 'npx',
          args: ['-y', 'airtable-mcp-server@1.7.2'],
          secretEnv: ['AIRTABLE_API_KEY'],
          source: { registry: registry.url, name: AIRTABLE, version: '1.7.2', pick: 'package:npm:airtable-mcp-server' },
        },
      ],
    });
    hub = await startHub(dataDir);
  });

  afterAll(async () => {
    await client?.close();
    await hub?.stop();
    await registry?.stop();
  });

  it('checks for updates at start: the newer version shows on the server', async () => {
    const early = await waitFor('the check at start', async () => (await servers(dataDir)).find((s) => s.id === 'early' && s.update), 20_000);
    expect(early.update).toEqual({ version: '1.7.3' });
    expect(early.source).toEqual({ registry: registry.url, name: AIRTABLE, version: '1.7.2' });
  });

  it('searches page by page; malformed entries are skipped and reported', async () => {
    const names: string[] = [];
    const skipped: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await cliJson<CatalogResults['catalog.search']>(dataDir, ['catalog', 'search', ...(cursor ? ['--cursor', cursor] : [])]);
      expect(page.source).toBe('registry');
      expect(page.entries.length).toBeLessThanOrEqual(3);
      names.push(...page.entries.map((e) => e.name));
      skipped.push(...page.skipped.map((s) => `${s.name}: ${s.problem}`));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(names).toEqual([
      'io.github.domdomegg/airtable-mcp-server',
      'io.github.domdomegg/time-mcp-nuget',
      'io.github.domdomegg/time-mcp-pypi',
      'io.github.getcyphrex/cyphrex-mcp',
      'io.github.modelcontextprotocol/server-everything',
      'io.github.user/local-weather',
      'io.github.user/remote-weather',
    ]);
    expect(skipped).toEqual([
      'io.github.user/bad-version: does not fit the server.json schema: /packages/0/version must NOT be valid',
      'io.github.user/verbose: does not fit the server.json schema: /description must NOT have more than 100 characters',
    ]);
    // Only the latest version of each, and the text form says what was skipped.
    const airtable = await cliJson<CatalogResults['catalog.search']>(dataDir, ['catalog', 'search', 'airtable']);
    expect(airtable.entries.map((e) => [e.name, e.version, e.added])).toEqual([[AIRTABLE, '1.7.3', ['early']]]);
    const text = await cli(dataDir, ['catalog', 'search', 'user']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('io.github.user/remote-weather');
    expect(text.stderr).toContain('mcp-tray: skipped io.github.user/bad-version 1.0.0: does not fit the server.json schema');
    expect(registry.requests.some((r) => r.startsWith('/v0.1/servers?') && r.includes('search=airtable') && r.includes('version=latest'))).toBe(true);
  });

  it('adds server-everything, pinned, and an SDK client calls it through the bridge', async () => {
    const shown = await cli(dataDir, ['catalog', 'show', 'io.github.modelcontextprotocol/server-everything']);
    expect(shown.stdout).toContain(`runs:       npx -y @modelcontextprotocol/server-everything@${EVERYTHING_VERSION} stdio`);
    const added = await cli(dataDir, ['catalog', 'add', 'io.github.modelcontextprotocol/server-everything']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain(`added everything (io.github.modelcontextprotocol/server-everything ${EVERYTHING_VERSION})`);
    const everything = await waitFor('everything to run', async () => (await servers(dataDir)).find((s) => s.id === 'everything' && s.state === 'running'), 60_000);
    expect(everything.writeMode).toBe('off');
    expect(everything.source).toEqual({ registry: registry.url, name: 'io.github.modelcontextprotocol/server-everything', version: EVERYTHING_VERSION });
    client = await connectBridge(dataDir, 'cursor');
    const result = await client.callTool({ name: 'echo', arguments: { message: 'from the catalog' } });
    expect(JSON.stringify(result.content)).toContain('from the catalog');
    // The "Added" badge: the entry now names the server added from it.
    const page = await cliJson<CatalogResults['catalog.search']>(dataDir, ['catalog', 'search', 'everything']);
    expect(page.entries[0]!.added).toEqual(['everything']);
  });

  it('a remote entry with a secret header: the add asks for it, and the value lands in the keychain', async () => {
    const added = await cli(dataDir, ['catalog', 'add', 'io.github.user/remote-weather', '--id', 'weather']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('mcp-tray secrets set weather Authorization');
    const waiting = (await servers(dataDir)).find((s) => s.id === 'weather')!;
    expect(waiting).toMatchObject({ kind: 'http', launch: 'https://api.example.com/mcp', secrets: [{ kind: 'header', name: 'Authorization', set: false }] });
    const token = testSecret('weather-token', (random) => `Bearer ${random}`);
    const set = await cli(dataDir, ['secrets', 'set', 'weather', 'Authorization'], { input: token });
    expect(set.code, set.stderr).toBe(0);
    expect(await keychain('weather:header:Authorization')).toBe(token);

    // Through the control API (what the UI's add dialog does), the value is given with the add itself.
    const { HubClient } = await import('../../electron/cli/hub-client.ts');
    const control = await HubClient.connect(dataDir);
    try {
      const value = testSecret('weather-2');
      const result = await control.request('catalog.add', { name: 'io.github.user/remote-weather', id: 'weather-2', inputs: { host: 'eu.example.com' }, secrets: { Authorization: value } });
      expect(result.secretsToSet).toEqual([]);
      expect(result.server).toMatchObject({ launch: 'https://eu.example.com/mcp', secrets: [{ kind: 'header', name: 'Authorization', set: true }] });
      expect(await keychain('weather-2:header:Authorization')).toBe(value);
      expect(readFileSync(path.join(dataDir, 'settings.json'), 'utf8')).not.toContain(value);
      // A secret the entry does not declare is refused, and nothing is added.
      await expect(control.request('catalog.add', { name: 'io.github.user/remote-weather', id: 'weather-3', secrets: { 'X-Other': 'x' } })).rejects.toThrow(/no secret named X-Other/);
      expect(settingsFile(dataDir).servers.map((s) => s.id)).not.toContain('weather-3');
    } finally {
      control.close();
    }
  });

  it('a newer version shows as an update; updating keeps the id, secrets and write mode', async () => {
    const added = await cli(dataDir, ['catalog', 'add', AIRTABLE, '--version', '1.7.2']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('mcp-tray secrets set airtable AIRTABLE_API_KEY');
    // Disabled before its secret is set, so nothing runs (the package would come from the npm registry).
    expect((await cli(dataDir, ['servers', 'disable', 'airtable'])).code).toBe(0);
    const secret = testSecret('airtable', (random) => `pat${random}.x`);
    expect((await cli(dataDir, ['secrets', 'set', 'airtable', 'AIRTABLE_API_KEY'], { input: secret })).code).toBe(0);
    expect((await cli(dataDir, ['servers', 'write', 'airtable', 'ask', '--yes'])).code).toBe(0);

    const updates = await cli(dataDir, ['catalog', 'updates']);
    expect(updates.code, updates.stderr).toBe(0);
    expect(updates.stdout).toMatch(/airtable\s+io\.github\.domdomegg\/airtable-mcp-server\s+1\.7\.2\s+1\.7\.3/);
    expect(updates.stdout).toMatch(/early\s+io\.github\.domdomegg\/airtable-mcp-server\s+1\.7\.2\s+1\.7\.3/);

    const updated = await cli(dataDir, ['catalog', 'update', 'airtable']);
    expect(updated.code, updated.stderr).toBe(0);
    expect(updated.stdout).toContain('updated airtable from 1.7.2 to 1.7.3');
    const after = (await servers(dataDir)).find((s) => s.id === 'airtable')!;
    expect(after).toMatchObject({ writeMode: 'ask', enabled: false, launch: 'npx -y airtable-mcp-server@1.7.3', secrets: [{ kind: 'env', name: 'AIRTABLE_API_KEY', set: true }] });
    expect(after.source?.version).toBe('1.7.3');
    expect(after.update).toBeUndefined();
    expect(await keychain('airtable:env:AIRTABLE_API_KEY')).toBe(secret);
    expect((await cli(dataDir, ['catalog', 'update', 'airtable'])).stderr).toContain('already at the latest version');

    // A release published while the hub runs: the remote added at 2.1.0 gets 2.2.0, its secret header kept.
    registry.publish(atVersion(loadFixture('valid/with-remote.json')[0]!, '2.2.0'));
    const listed = await cliJson<CatalogResults['catalog.updates']>(dataDir, ['catalog', 'updates']);
    expect(listed.updates.map((u) => [u.id, u.installed, u.latest])).toEqual(
      expect.arrayContaining([
        ['weather', '2.1.0', '2.2.0'],
        ['weather-2', '2.1.0', '2.2.0'],
      ]),
    );
    expect((await servers(dataDir)).find((s) => s.id === 'weather')?.update).toEqual({ version: '2.2.0' });
    const before = await keychain('weather:header:Authorization');
    expect((await cli(dataDir, ['catalog', 'update', 'weather'])).code).toBe(0);
    expect(await keychain('weather:header:Authorization')).toBe(before);
    expect((await servers(dataDir)).find((s) => s.id === 'weather')).toMatchObject({ source: { version: '2.2.0' }, launch: 'https://api.example.com/mcp' });
  });

  it('a malformed entry is reported and nothing is added', async () => {
    const before = settingsFile(dataDir).servers.map((s) => s.id);
    const refused = await cli(dataDir, ['catalog', 'add', 'io.github.user/bad-version']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toBe(
      'mcp-tray: io.github.user/bad-version cannot be added: does not fit the server.json schema: /packages/0/version must NOT be valid; nothing was added\n',
    );
    expect(settingsFile(dataDir).servers.map((s) => s.id)).toEqual(before);
    expect((await servers(dataDir)).map((s) => s.id)).toEqual(before);
  });

  it('a missing runtime is named before anything is added', async () => {
    if (await which('uvx')) {
      // This machine has uv: the refusal cannot be seen here (the unit test checks the message).
      return;
    }
    const before = settingsFile(dataDir).servers.map((s) => s.id);
    const refused = await cli(dataDir, ['catalog', 'add', 'io.github.domdomegg/time-mcp-pypi']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('io.github.domdomegg/time-mcp-pypi runs with uvx, which is not installed (not on your login PATH); install uv');
    expect(refused.stderr).toContain('Nothing was added');
    expect(settingsFile(dataDir).servers.map((s) => s.id)).toEqual(before);
  });
});

describe('the catalog without a registry', () => {
  let dataDir: string;
  let hub: HubProcess;

  beforeAll(async () => {
    const url = await unreachableRegistryUrl();
    dataDir = tempDir('mcp-tray-catalog-offline-');
    writeSettings(dataDir, { registryUrl: url, servers: [] });
    hub = await startHub(dataDir);
  });

  afterAll(async () => {
    await hub?.stop();
  });

  it('shows the bundled offline snapshot, labeled, and adds from it', async () => {
    const page = await cliJson<CatalogResults['catalog.search']>(dataDir, ['catalog', 'search']);
    expect(page).toMatchObject({ source: 'offline', offlineReason: expect.stringContaining('cannot be reached (ECONNREFUSED)'), snapshotTakenAt: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) });
    expect(page.entries.length).toBeGreaterThanOrEqual(15);
    expect(page.entries.map((e) => e.name)).toContain('io.github.modelcontextprotocol/server-everything');
    const text = await cli(dataDir, ['catalog', 'search', 'postgres']);
    expect(text.stdout).toContain('com.neon/mcp');
    expect(text.stderr).toContain('mcp-tray: showing the offline snapshot (taken ');
    const added = await cli(dataDir, ['catalog', 'add', 'io.github.getcyphrex/cyphrex-mcp']);
    expect(added.code, added.stderr).toBe(0);
    expect((await servers(dataDir)).find((s) => s.id === 'cyphrex')?.source).toEqual({ registry: 'offline-snapshot', name: 'io.github.getcyphrex/cyphrex-mcp', version: '0.1.0' });
  });
});

// The MCP conformance suite (@modelcontextprotocol/conformance, its 2026-07-28 server scenarios)
// run twice against the same server: once direct, once through a real hub (docs/protocol-eras.md).
// The server is the SDK's own dual-era conformance server (e2e/fixtures/conformance-server-2026.ts),
// behind the hub as a remote (HTTP) server, which the hub speaks both eras with: each client's calls
// in that client's era. The suite's runner cannot send a bearer token, so it
// reaches the hub through a small loopback proxy that adds one (a double for the option the runner
// lacks; Host and Origin pass unchanged, so the hub's guards are what the DNS-rebinding scenario meets).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { NODE, REPO, clientToken, startHubServing, tempDir, type HubProcess } from '../helpers/hub-process.ts';

const FIXTURE = path.join(REPO, 'e2e', 'fixtures', 'conformance-server-2026.ts');
const CONFORMANCE = path.join(REPO, 'node_modules', '@modelcontextprotocol', 'conformance', 'dist', 'index.js');
/** The stable 0.1.x line of the same suite (2025 only), installed beside it under an alias. */
const CONFORMANCE_STABLE = path.join(REPO, 'node_modules', 'conformance-stable', 'dist', 'index.js');

interface Summary {
  readonly passed: string[];
  readonly failed: string[];
}

/** Runs the suite against a URL and reads its summary: which scenarios passed, which failed. */
function runConformance(url: string, args: string[], runner = CONFORMANCE): Promise<Summary & { output: string; results: string }> {
  const results = tempDir('mcp-tray-conformance-');
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [runner, 'server', '--url', url, ...args, '-o', results], { cwd: tempDir(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', () => {
      const summary = output.slice(output.indexOf('=== SUMMARY ==='));
      const lines = summary.split('\n');
      const passed = lines.flatMap((line) => /^✓ ([\w-]+):/.exec(line)?.[1] ?? []);
      const failed = lines.flatMap((line) => /^✗ ([\w-]+):/.exec(line)?.[1] ?? []);
      resolve({ passed, failed, output, results });
    });
  });
}

/** The ids of the checks a scenario failed, from the suite's results folder. */
function failedChecks(results: string, scenario: string): string[] {
  const folder = readdirSync(results).find((name) => name.startsWith(`server-${scenario}-`));
  if (!folder) return ['(no results)'];
  const checks = JSON.parse(readFileSync(path.join(results, folder, 'checks.json'), 'utf8')) as Array<{ id: string; status: string }>;
  return checks.filter((check) => check.status === 'FAILURE').map((check) => check.id);
}

/**
 * Forwards every request to `target` with a bearer token added. A Host or Origin naming the proxy
 * itself is rewritten to name the hub, as if the suite had been given the hub's address; any other
 * (the DNS-rebinding scenario's) passes unchanged.
 */
async function tokenProxy(target: string, token: string): Promise<{ url: string; close(): Promise<void> }> {
  const to = new URL(target);
  let self = '';
  const rewrite = (value: string | undefined) => (value === undefined ? undefined : value.replace(self, `localhost:${to.port}`));
  const server = http.createServer((req, res) => {
    const headers = { ...req.headers, authorization: `Bearer ${token}`, host: rewrite(req.headers.host), ...(req.headers.origin && { origin: rewrite(req.headers.origin) }) };
    const upstream = http.request({ host: to.hostname, port: to.port, path: to.pathname, method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.once('error', () => res.destroy());
    res.once('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  self = `localhost:${port}`;
  return { url: `http://localhost:${port}/mcp`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('conformance suite, direct and through the hub', () => {
  let fixture: FixtureServer;
  let dataDir: string;
  let hub: HubProcess;
  let proxy: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    fixture = await startFixtureServer(FIXTURE, ['0']);
    // Write mode "allow": the suite's tools carry no annotations, so MCP Tray counts them as writes,
    // which write mode "off" (the default) would neither list nor run.
    let mcp: string;
    ({ dataDir, hub, url: mcp } = await startHubServing([{ id: 'conformance', name: 'conformance', kind: 'http', url: fixture.url, writeMode: 'allow' }]));
    proxy = await tokenProxy(mcp, await clientToken(dataDir, 'conformance'));
  }, 60_000);

  afterAll(async () => {
    await proxy?.close();
    await hub?.stop();
    await fixture?.stop();
  });

  it('passes at least as many 2026-07-28 server scenarios through the hub as direct (the hub speaks 2026-07-28 with the server)', async () => {
    const args = ['--requirements', '2026-07-28'];
    const direct = await runConformance(fixture.url.replace('127.0.0.1', 'localhost'), args);
    const viaHub = await runConformance(proxy.url, args);
    console.info(`conformance 2026-07-28: direct ${direct.passed.length} passed / ${direct.failed.length} failed; through the hub ${viaHub.passed.length} passed / ${viaHub.failed.length} failed`);
    console.info(
      `failing through the hub only: ${direct.passed
        .filter((s) => !viaHub.passed.includes(s))
        .map((s) => `${s} (${failedChecks(viaHub.results, s).join(', ')})`)
        .join('; ')}`,
    );
    expect(direct.passed.length, direct.output.slice(-2000)).toBeGreaterThan(30);
    // Every scenario that passes direct passes through the hub, check by check.
    const unexplained = direct.passed
      .filter((scenario) => !viaHub.passed.includes(scenario))
      .flatMap((scenario) => failedChecks(viaHub.results, scenario).map((check) => `${scenario}: ${check}`));
    expect(unexplained).toEqual([]);
    expect(viaHub.passed.length).toBeGreaterThanOrEqual(direct.passed.length);
  }, 115_000);

  it('passes every 2025-11-25 server scenario through the hub that it passes direct', async () => {
    const args = ['--requirements', '2025-11-25'];
    const direct = await runConformance(fixture.url.replace('127.0.0.1', 'localhost'), args);
    const viaHub = await runConformance(proxy.url, args);
    console.info(`conformance 2025-11-25: direct ${direct.passed.length} passed / ${direct.failed.length} failed; through the hub ${viaHub.passed.length} passed / ${viaHub.failed.length} failed`);
    expect(direct.passed.length, direct.output.slice(-2000)).toBeGreaterThan(20);
    const unexplained = direct.passed
      .filter((scenario) => !viaHub.passed.includes(scenario))
      .flatMap((scenario) => failedChecks(viaHub.results, scenario).map((check) => `${scenario}: ${check}`));
    expect(unexplained).toEqual([]);
  }, 115_000);

  it('passes every scenario of the stable suite (0.1.x) through the hub that it passes direct', async () => {
    const direct = await runConformance(fixture.url.replace('127.0.0.1', 'localhost'), [], CONFORMANCE_STABLE);
    const viaHub = await runConformance(proxy.url, [], CONFORMANCE_STABLE);
    console.info(`conformance stable 0.1.x: direct ${direct.passed.length} passed / ${direct.failed.length} failed; through the hub ${viaHub.passed.length} passed / ${viaHub.failed.length} failed`);
    expect(direct.passed.length, direct.output.slice(-2000)).toBeGreaterThan(20);
    const unexplained = direct.passed
      .filter((scenario) => !viaHub.passed.includes(scenario))
      .flatMap((scenario) => failedChecks(viaHub.results, scenario).map((check) => `${scenario}: ${check}`));
    expect(unexplained).toEqual([]);
    expect(viaHub.passed.length).toBe(direct.passed.length);
  }, 115_000);
});

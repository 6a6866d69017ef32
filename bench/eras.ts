// `npm run bench:eras`: what serving 2026-07-28 clients costs (docs/protocol-eras.md). One hub with
// the test server; per-call latency of a read tool (`peek`) for a 2025 client (1.x SDK) and a
// 2026-07-28 client (v2 SDK, pinned), by HTTP and by the bridge; the hub's RSS before any modern
// request (the v2 SDK not loaded) and after the first; and what importing the v2 packages costs
// in a fresh Node. Prints JSON; numbers go into docs/protocol-eras.md by hand.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Client as ModernClient, StreamableHTTPClientTransport as ModernHttp } from '@modelcontextprotocol/client';
import { StdioClientTransport as ModernStdio } from '@modelcontextprotocol/client/stdio';
import { BIN, NODE, cliJson, clientToken, connectBridge, connectHttp, startHub, tempDir, testServerDefinition, waitFor, writeSettings } from '../e2e/helpers/hub-process.ts';
import type { HubStatus } from '../electron/hub/contract/contract.ts';
import { round, summarize } from './lib/stats.ts';

const CALLS = Number(process.env.BENCH_CALLS ?? 1000);
const WARMUP = 200;
const log = (message: string) => process.stderr.write(`bench:eras: ${message}\n`);
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function perCall(call: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < WARMUP; i++) await call();
  const samples: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const start = performance.now();
    await call();
    samples.push(performance.now() - start);
  }
  const { p50, p99 } = summarize(samples);
  return { p50: round(p50), p99: round(p99) };
}

/** Import time and RSS growth of the v2 packages the hub loads, in a fresh Node (median of 5). */
function importCost(): { importMs: number; rssMb: number } {
  const script = `const r0 = process.memoryUsage().rss; const t0 = performance.now();
await import('@modelcontextprotocol/server'); await import('@modelcontextprotocol/server/stdio'); await import('@modelcontextprotocol/node');
const ms = performance.now() - t0; globalThis.gc?.(); console.log(JSON.stringify({ ms, mb: (process.memoryUsage().rss - r0) / 1048576 }));`;
  const runs = Array.from({ length: 5 }, () => JSON.parse(execFileSync(NODE, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' })) as { ms: number; mb: number });
  const median = (values: number[]) => values.sort((a, b) => a - b)[2]!;
  return { importMs: round(median(runs.map((r) => r.ms)), 0), rssMb: round(median(runs.map((r) => r.mb)), 1) };
}

const dataDir = tempDir();
writeSettings(dataDir, { servers: [testServerDefinition('counter')] });
const hub = await startHub(dataDir);
try {
  await waitFor('the test server', async () => (await cliJson<HubStatus>(dataDir, ['status'])).servers.every((s) => s.state === 'running'));
  const url = (await cliJson<HubStatus>(dataDir, ['status'])).endpoints.mcp!;
  const pid = hub.process.pid!;
  const peek = { name: 'peek', arguments: {} };

  log('legacy clients');
  const legacyHttp = await connectHttp(url, await clientToken(dataDir, 'bench-legacy-http'));
  const legacyBridge = await connectBridge(dataDir, 'bench-legacy-bridge');
  const legacy = { http: await perCall(() => legacyHttp.callTool(peek)), bridge: await perCall(() => legacyBridge.callTool(peek)) };
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const rssBeforeModern = round(rssMb(pid), 1);

  log('modern clients');
  const token = await clientToken(dataDir, 'bench-modern-http');
  const modernHttp = new ModernClient({ name: 'bench-modern-http', version: '1' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
  const firstStart = performance.now();
  await modernHttp.connect(new ModernHttp(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
  await modernHttp.callTool(peek);
  const firstModernMs = round(performance.now() - firstStart, 0);
  const rssAfterFirstModern = round(rssMb(pid), 1);
  const modernBridge = new ModernClient({ name: 'bench-modern-bridge', version: '1' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
  await modernBridge.connect(new ModernStdio({ command: NODE, args: [BIN, 'bridge', '--client', 'bench-modern-bridge', '--data-dir', dataDir], stderr: 'pipe' }));
  const modern = { http: await perCall(() => modernHttp.callTool(peek)), bridge: await perCall(() => modernBridge.callTool(peek)) };
  const rssAfterModernCalls = round(rssMb(pid), 1);

  for (const client of [legacyHttp, legacyBridge, modernHttp, modernBridge]) await client.close();
  console.log(JSON.stringify({ calls: CALLS, perCallMs: { legacy, modern }, hubRssMb: { beforeModern: rssBeforeModern, afterFirstModern: rssAfterFirstModern, afterModernCalls: rssAfterModernCalls }, firstModernRequestMs: firstModernMs, v2Import: importCost() }, null, 2));
} finally {
  await hub.stop();
}

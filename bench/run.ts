// `npm run bench`: one run that measures, side by side on the same upstream, a direct stdio
// client (the baseline), the bridge, the hub's HTTP endpoint and supergateway, and the same HTTP client
// against a do-nothing HTTP server (the floor of the client's HTTP stack), and the bridge path's hops
// through do-nothing relays (the floor of three process hops); then throughput of
// 16 clients, an 8 MB result, hub start-up and idle memory (the hub's RSS, the PSS of the hub with
// its bundled servers), the memory of the hub and its servers with 4 clients on a shared and on a
// per-client server, what one more HTTP session costs, what a sandbox adds to a server's start, and
// call-log queries at 1,000,000 entries. Also the packaged app's bridge (its Node runtime): start-up
// and size. Prints a table with ratios to direct, writes bench/results.json and docs/benchmarks.md.
// Also the size of tools/list in tool search mode against the full list (200 tools).
// BENCH_ONLY=clients-memory, bridge-runtime, sandbox or tool-search runs only that, prints its rows, and writes nothing.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { REPO, cliJson, clientToken, connectBridge, startHub, tempDir, writeSettings } from '../e2e/helpers/hub-process.ts';
import type { HubStatus } from '../electron/hub/contract/contract.ts';
import { clientsMemory, httpSessionMemory } from './lib/clients-memory.ts';
import { bigResult, latencies, logQueries, startupAndIdle, throughput } from './lib/measure.ts';
import { EVERYTHING, TEST_SERVER, direct, httpClient, startHttpFloor, startRelayFloor, startSupergateway } from './lib/paths.ts';
import { sandboxStartup } from './lib/sandbox-startup.ts';
import { round } from './lib/stats.ts';
import { bridgeRuntime } from './lib/bridge-runtime.ts';
import { bridgeRuntimeRows, memoryRows, renderMarkdown, renderTable, sandboxRows, toolSearchRows, type BenchResults } from './lib/report.ts';
import { toolSearchSize } from './lib/tool-search-size.ts';

const CALLS = Number(process.env.BENCH_CALLS ?? 3000);
const LOG_ROWS = Number(process.env.BENCH_LOG_ROWS ?? 1_000_000);
const EIGHT_MB = 8 * 1024 * 1024;
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

async function measureClientsMemory(): Promise<NonNullable<BenchResults['clientsMemory']>> {
  log('memory: hub and servers with 4 clients on server-everything, shared, then per-client');
  return { shared: await clientsMemory('shared', 4), perClient: await clientsMemory('per-client', 4) };
}

async function main(): Promise<void> {
  if (process.env.BENCH_ONLY === 'clients-memory') {
    const memory = await measureClientsMemory();
    process.stdout.write(renderTable({} as BenchResults, memoryRows({ clientsMemory: memory })));
    return;
  }
  if (process.env.BENCH_ONLY === 'bridge-runtime') {
    process.stdout.write(renderTable({} as BenchResults, bridgeRuntimeRows({ bridgeRuntime: await bridgeRuntime() })));
    return;
  }
  if (process.env.BENCH_ONLY === 'tool-search') {
    process.stdout.write(renderTable({} as BenchResults, toolSearchRows({ toolSearchSize: await toolSearchSize() })));
    return;
  }
  if (process.env.BENCH_ONLY === 'sandbox') {
    process.stdout.write(renderTable({} as BenchResults, sandboxRows({ sandboxStartup: await sandboxStartup(5) })));
    return;
  }
  const started = Date.now();
  const results: BenchResults = { machine: machine(), date: new Date().toISOString(), latency: {}, throughput: {}, bigResult: {}, startup: { readyMs: 0, idleRssMb: 0, idleFootprintPssMb: 0 }, log: { rows: LOG_ROWS, buildSeconds: 0, queries: [] } };

  const dataDir = tempDir('mcp-tray-bench-');
  writeSettings(dataDir, {
    servers: [
      { id: 'everything', name: 'everything', kind: 'stdio', command: process.execPath, args: [EVERYTHING, 'stdio'] },
      { id: 'blobs', name: 'blobs', kind: 'stdio', command: process.execPath, args: [TEST_SERVER] },
    ],
  });
  const hub = await startHub(dataDir);
  const supergateway = await startSupergateway([EVERYTHING, 'stdio']);
  const opened: Client[] = [];
  const keep = <T extends Client>(client: T) => (opened.push(client), client);
  try {
    const mcpUrl = (await cliJson<HubStatus>(dataDir, ['status'])).endpoints.mcp!;
    const token = await clientToken(dataDir, 'bench');
    const auth = { Authorization: `Bearer ${token}` };

    log(`latency: ${CALLS} sequential echo calls per path, the paths taking turns`);
    // The floors: the same HTTP client against a server that does nothing (what the client's HTTP
    // stack costs alone), and the bridge path's three hops through processes that only pass bytes.
    const floor = await startHttpFloor();
    const relays = await startRelayFloor(dataDir, [EVERYTHING, 'stdio']);
    const floorClients: Client[] = [];
    const floorClient = (client: Client) => (floorClients.push(client), client);
    try {
      results.latency = await latencies(
        {
          direct: keep(await direct([EVERYTHING, 'stdio'])),
          bridge: keep(await connectBridge(dataDir, 'bench')),
          http: keep(await httpClient(mcpUrl, auth)),
          supergateway: keep(await httpClient(supergateway.url)),
          httpFloor: floorClient(await httpClient(floor.url)),
          bridgeFloor: floorClient(await relays.connect()),
        },
        CALLS,
      );
    } finally {
      await Promise.all(floorClients.map((client) => client.close().catch(() => undefined)));
      floor.stop();
      relays.stop();
    }

    log('8 MB result: median of 7 calls per path');
    results.bigResult.direct = await bigResult(keep(await direct([TEST_SERVER])), EIGHT_MB, 7);
    results.bigResult.bridge = await bigResult(keep(await connectBridge(dataDir, 'bench-big')), EIGHT_MB, 7);
    results.bigResult.http = await bigResult(keep(await httpClient(mcpUrl, auth)), EIGHT_MB, 7);

    log('throughput: 16 clients for 5 s per path');
    const bridges = await Promise.all(Array.from({ length: 16 }, (_, i) => connectBridge(dataDir, `bench-${i}`)));
    bridges.forEach(keep);
    results.throughput.bridge = await throughput(bridges, 5);
    const https = await Promise.all(Array.from({ length: 16 }, () => httpClient(mcpUrl, auth)));
    https.forEach(keep);
    results.throughput.http = await throughput(https, 5);
  } finally {
    await Promise.all(opened.map((client) => client.close().catch(() => undefined)));
    await hub.stop();
    await supergateway.stop();
  }

  log('start-up: hub with the bundled servers until ready, then idle memory');
  const repo = tempDir('mcp-tray-bench-repo-');
  execFileSync('git', ['init', '-q', repo]);
  const bundledHome = tempDir('mcp-tray-bench-home-');
  const bundled = {
    servers: [
      { id: 'filesystem', name: 'Filesystem', kind: 'bundled', bundled: 'filesystem', options: { roots: [bundledHome] } },
      { id: 'memory', name: 'Memory', kind: 'bundled', bundled: 'memory', options: { memoryFile: path.join(bundledHome, 'memory.jsonl') } },
      { id: 'git', name: 'Git', kind: 'bundled', bundled: 'git', options: { repos: [repo] } },
    ],
  };
  // One data folder, started four times: its first start, then three later ones, as a user's hub
  // starts every day (the first also waits for the login shell's PATH; later ones remember it).
  const startupDir = tempDir('mcp-tray-bench-');
  const first = await startupAndIdle(startupDir, bundled, 0);
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await startupAndIdle(startupDir, bundled, i === 2 ? 30 : 0));
  rmSync(startupDir, { recursive: true, force: true });
  results.startup = {
    readyMs: runs.map((r) => r.readyMs).sort((a, b) => a - b)[1]!,
    firstStartMs: first.readyMs,
    idleRssMb: runs[2]!.idleRssMb,
    idleFootprintPssMb: runs[2]!.idleFootprintPssMb,
  };
  results.clientsMemory = await measureClientsMemory();
  log('memory: 32 more HTTP sessions on one hub');
  results.httpSessionMemory = await httpSessionMemory(32);
  log('bridge of the packaged app: its runtime against node + the bundled CLI, start-up to initialize and size');
  results.bridgeRuntime = await bridgeRuntime();

  log('sandbox: the filesystem server from spawn to initialize, off, standard and strict, median of 5 each');
  results.sandboxStartup = await sandboxStartup(5);

  log('tool search: tools/list of 200 tools, every tool against search mode');
  results.toolSearchSize = await toolSearchSize();

  log(`call log: ${LOG_ROWS.toLocaleString('en')} entries, filtered pages of 100`);
  results.log = { rows: LOG_ROWS, ...(await logQueries(LOG_ROWS)) };
  results.seconds = round((Date.now() - started) / 1000, 1);

  process.stdout.write(renderTable(results));
  mkdirSync(path.join(REPO, 'bench'), { recursive: true });
  writeFileSync(path.join(REPO, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(path.join(REPO, 'docs', 'benchmarks.md'), renderMarkdown(results));
  log(`done in ${results.seconds} s; wrote bench/results.json and docs/benchmarks.md`);
}

function machine(): BenchResults['machine'] {
  return { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGb: round(os.totalmem() / 2 ** 30, 1), os: `${os.type()} ${os.release()}`, node: process.version };
}

await main();

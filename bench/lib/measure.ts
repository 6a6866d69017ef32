// The measurements: sequential call latency (the paths taking turns), throughput of concurrent clients, time of one large
// call, hub start-up to ready, idle memory, and call-log queries at a million entries.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { CallLogStore } from '../../electron/hub/call-log/call-log-store.ts';
import type { CallRecord } from '../../electron/hub/contract/call-log-shapes.ts';
import { BIN, NODE, tempDir } from '../../e2e/helpers/hub-process.ts';
import { treeMemory } from './clients-memory.ts';
import { summarize } from './stats.ts';

export type Latency = ReturnType<typeof summarize>;

/**
 * p50/p99/mean of `calls` sequential echo calls on each path, the paths taking turns in `rounds`
 * rounds. A shared 2-vCPU machine drifts (neighbours, CPU frequency, the hub's own background work):
 * measured one after another, each path would get its own stretch of that drift and the ratios
 * between them would move from run to run. Taking turns spreads the same drift over every path.
 */
export async function latencies<K extends string>(paths: Record<K, Client>, calls: number, rounds = 10, warmup = 300): Promise<Record<K, Latency>> {
  const entries = Object.entries(paths) as Array<[K, Client]>;
  const echo = (client: Client) => client.callTool({ name: 'echo', arguments: { message: 'benchmark' } });
  for (const [, client] of entries) for (let i = 0; i < warmup; i++) await echo(client);
  const samples = new Map<K, number[]>(entries.map(([key]) => [key, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [key, client] of entries) {
      const own = samples.get(key)!;
      const n = Math.ceil(calls / rounds);
      for (let i = 0; i < n; i++) {
        const start = performance.now();
        await echo(client);
        own.push(performance.now() - start);
      }
    }
  }
  return Object.fromEntries(entries.map(([key]) => [key, summarize(samples.get(key)!)])) as Record<K, Latency>;
}

/** Calls per second of `clients.length` clients each calling in a loop for `seconds`. */
export async function throughput(clients: Client[], seconds: number): Promise<{ callsPerSecond: number; calls: number; errors: number }> {
  let calls = 0;
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() < end) {
        try {
          const result = await client.callTool({ name: 'echo', arguments: { message: 'throughput' } });
          if (result.isError) errors++;
          calls++;
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { callsPerSecond: calls / elapsed, calls, errors };
}

/** Median milliseconds of a call returning `bytes` of text (the test server's `blob` tool). */
export async function bigResult(client: Client, bytes: number, runs: number, tool = 'blob'): Promise<number> {
  const samples: number[] = [];
  await client.callTool({ name: tool, arguments: { bytes } });
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = await client.callTool({ name: tool, arguments: { bytes } });
    samples.push(performance.now() - start);
    const text = (result.content as Array<{ text: string }>)[0]!.text;
    if (text.length !== bytes) throw new Error(`expected ${bytes} bytes, got ${text.length}`);
  }
  return summarize(samples).p50;
}

/**
 * `mcp-tray serve` from spawn until it reports the bundled servers running; once idle, its RSS and
 * the PSS of the hub with every process below it (the whole footprint).
 */
/** One start of a hub on `dataDir` (settings written there) until ready, then idle memory; the hub is stopped after. */
export async function startupAndIdle(dataDir: string, settings: Record<string, unknown>, idleSeconds: number): Promise<{ readyMs: number; idleRssMb: number; idleFootprintPssMb: number }> {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify(settings));
  const started = performance.now();
  const child = spawn(NODE, [BIN, 'serve', '--data-dir', dataDir, '--port', '0', '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Connect an IDE with')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`hub exited ${code}: ${output}`)));
  });
  const readyMs = performance.now() - started;
  const ids = (settings.servers as Array<{ id: string; enabled?: boolean }>).filter((s) => s.enabled !== false).map((s) => s.id);
  const notRunning = ids.filter((id) => !output.includes(`  ${id}: running`));
  if (notRunning.length > 0) throw new Error(`not running at ready: ${notRunning.join(', ')}\n${output}`);
  await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
  const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
  const footprint = treeMemory(child.pid!);
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  return { readyMs, idleRssMb: Number(rss?.[1] ?? 0) / 1024, idleFootprintPssMb: footprint.pssMb };
}

const SERVERS = ['filesystem', 'memory', 'git', 'postgres', 'github'];
const DECISIONS = ['auto-read', 'approved-once', 'denied-user', 'blocked-write-off', 'allow-mode'] as const;

/** Builds a log of `rows` synthetic calls and times filtered page queries on it. */
export async function logQueries(rows: number): Promise<{ buildSeconds: number; queries: Array<{ filter: string; ms: number; rows: number }> }> {
  const dir = tempDir('mcp-tray-bench-log-');
  const store = new CallLogStore(path.join(dir, 'calls.sqlite'));
  const started = performance.now();
  const now = Date.now();
  const batch = 20_000;
  for (let offset = 0; offset < rows; offset += batch) {
    const entries: CallRecord[] = [];
    for (let k = offset; k < Math.min(rows, offset + batch); k++) {
      entries.push({
        id: `bench-${k}`,
        startedAt: new Date(now - (rows - k) * 500).toISOString(),
        durationMs: k % 700,
        clientId: `client-${k % 7}`,
        clientLabel: `Client ${k % 7}`,
        clientName: 'bench',
        clientVersion: '1',
        transport: k % 2 ? 'socket' : 'http',
        sessionId: `session-${k % 50}`,
        serverId: SERVERS[k % SERVERS.length]!,
        method: 'tools/call',
        target: `tool_${k % 40}`,
        arguments: { path: `/home/user/project/src/file-${k}.ts`, query: `term${k % 1000}` },
        class: k % 3 ? 'read' : 'write',
        decision: DECISIONS[k % DECISIONS.length]!,
        outcome: k % 13 === 0 ? 'tool-error' : 'ok',
        resultBytes: 100 + (k % 1000),
        preview: `result of call ${k}`,
      });
    }
    store.bulkLoad(entries);
  }
  store.rebuildSearchIndex();
  const buildSeconds = (performance.now() - started) / 1000;
  const filters: Array<Record<string, string>> = [
    {},
    { server: 'git' },
    { server: 'git', decision: 'denied-user' },
    { client: 'client-3', outcome: 'tool-error' },
    { decision: 'approved-once', since: new Date(now - 86_400_000).toISOString() },
    { search: `file-${Math.floor(rows / 2)}.ts` },
    { search: 'tool_17', server: 'memory' },
  ];
  const queries = filters.map((filter) => {
    store.query({ ...filter, limit: 100 }); // warm the cache as a UI that already showed the log would have
    const samples: number[] = [];
    let count = 0;
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      count = store.query({ ...filter, limit: 100 }).entries.length;
      samples.push(performance.now() - start);
    }
    return { filter: JSON.stringify(filter), ms: summarize(samples).p50, rows: count };
  });
  store.close();
  rmSync(dir, { recursive: true, force: true });
  return { buildSeconds, queries };
}

// The benchmark's table (terminal) and docs/benchmarks.md, with the targets of docs/testing.md beside each figure.
import { readFileSync } from 'node:fs';
import type { TreeMemory } from './clients-memory.ts';
import type { BridgeRuntimeResult } from './bridge-runtime.ts';
import type { SandboxStartup } from './sandbox-startup.ts';
import type { ToolSearchSize } from './tool-search-size.ts';
import { round } from './stats.ts';

/** The page's "Reading the figures" section, kept by hand. */
const READING = new URL('../reading-the-figures.md', import.meta.url);

type Latency = { p50: number; p99: number; mean: number; n: number };

export interface BenchResults {
  machine: { cpus: number; cpuModel: string; memoryGb: number; os: string; node: string };
  date: string;
  seconds?: number;
  /**
   * httpFloor: the SDK's HTTP client against a do-nothing server (bench/lib/http-floor-server.ts);
   * bridgeFloor: the bridge path's hops through relays that only pass bytes (bench/lib/relay-floor.ts).
   */
  latency: Partial<Record<'direct' | 'bridge' | 'http' | 'supergateway' | 'httpFloor' | 'bridgeFloor', Latency>>;
  throughput: Partial<Record<'bridge' | 'http', { callsPerSecond: number; calls: number; errors: number }>>;
  bigResult: Partial<Record<'direct' | 'bridge' | 'http', number>>;
  /** idleFootprintPssMb: the hub and its bundled servers, PSS (absent in runs before it was measured). */
  /** `readyMs`: a later start of a data folder (median); `firstStartMs`: its very first, which also waits for the login shell. */
  startup: { readyMs: number; firstStartMs?: number; idleRssMb: number; idleFootprintPssMb?: number };
  /** The hub and its servers with 4 clients on one server-everything, shared and per-client. */
  clientsMemory?: Partial<Record<'shared' | 'perClient', TreeMemory>>;
  /** The hub's PSS per extra open HTTP session. */
  httpSessionMemory?: { sessions: number; kbPerSession: number };
  log: { rows: number; buildSeconds: number; queries: Array<{ filter: string; ms: number; rows: number }> };
  /** The packaged app's bridge: its runtime against the bundled CLI under Node (bench/lib/bridge-runtime.ts). */
  bridgeRuntime?: BridgeRuntimeResult;
  /** The bundled filesystem server from spawn to its `initialize` answer, per sandbox level. */
  sandboxStartup?: SandboxStartup;
  /** tools/list over the 200-tool fixture, every tool against tool search mode (bench/lib/tool-search-size.ts). */
  toolSearchSize?: ToolSearchSize;
}

interface Row {
  readonly what: string;
  readonly value: string;
  readonly ratio: string;
  readonly target: string;
  readonly met: boolean | undefined;
}

export function rows(r: BenchResults): Row[] {
  const d = r.latency.direct?.p50 ?? Number.NaN;
  const sg = r.latency.supergateway?.p50 ?? Number.NaN;
  const ms = (v: number | undefined) => (v === undefined ? '-' : `${round(v, 3)} ms`);
  const x = (v: number | undefined, base: number) => (v === undefined ? '-' : `${round(v / base, 2)}×`);
  const out: Row[] = [];
  for (const path of ['direct', 'bridge', 'http', 'supergateway'] as const) {
    const l = r.latency[path];
    if (!l) continue;
    // Through the hub: at most this many times a direct call, and 1.5× faster than supergateway.
    const limit = path === 'bridge' ? 2 : path === 'http' ? 3 : undefined;
    const target = limit ? `≤ ${limit}× direct, ≥ 1.5× faster than supergateway` : '';
    const met = limit ? l.p50 <= limit * d && 1.5 * l.p50 <= sg : undefined;
    const vsGateway = limit ? ` (supergateway ${round(sg / l.p50, 2)}× slower)` : '';
    out.push({ what: `echo p50 (p99) — ${path}`, value: `${ms(l.p50)} (${ms(l.p99)})`, ratio: `${x(l.p50, d)}${vsGateway}`, target, met });
  }
  const relays = r.latency.bridgeFloor;
  if (relays) {
    out.push({ what: 'echo p50 (p99) — bridge floor: the same hops, relays that only pass bytes', value: `${ms(relays.p50)} (${ms(relays.p99)})`, ratio: x(relays.p50, d), target: '', met: undefined });
  }
  const floor = r.latency.httpFloor;
  if (floor) {
    out.push({ what: 'echo p50 (p99) — HTTP floor: the same client, a do-nothing server', value: `${ms(floor.p50)} (${ms(floor.p99)})`, ratio: x(floor.p50, d), target: '', met: undefined });
  }
  for (const path of ['bridge', 'http'] as const) {
    const t = r.throughput[path];
    if (t) out.push({ what: `16 clients — ${path}`, value: `${Math.round(t.callsPerSecond)} calls/s (${t.errors} errors)`, ratio: '', target: '≥ 2,000 calls/s', met: t.callsPerSecond >= 2000 && t.errors === 0 });
  }
  const bd = r.bigResult.direct ?? Number.NaN;
  for (const path of ['direct', 'bridge', 'http'] as const) {
    const v = r.bigResult[path];
    if (v !== undefined) out.push({ what: `8 MB result — ${path}`, value: ms(v), ratio: x(v, bd), target: path === 'direct' ? '' : '≤ 1.5× direct', met: path === 'direct' ? undefined : v <= 1.5 * bd });
  }
  out.push({ what: 'hub ready with bundled servers (a later start, median)', value: ms(r.startup.readyMs), ratio: '', target: '≤ 1,500 ms', met: r.startup.readyMs <= 1500 });
  if (r.startup.firstStartMs !== undefined) {
    out.push({ what: "hub ready — a data folder's first start (asks the login shell first)", value: ms(r.startup.firstStartMs), ratio: '', target: '', met: undefined });
  }
  out.push(...memoryRows(r));
  out.push(...bridgeRuntimeRows(r));
  out.push(...sandboxRows(r));
  out.push(...toolSearchRows(r));
  out.push({ what: 'idle hub RSS', value: `${round(r.startup.idleRssMb, 1)} MB`, ratio: '', target: '≤ 120 MB', met: r.startup.idleRssMb <= 120 });
  const footprint = r.startup.idleFootprintPssMb;
  if (footprint !== undefined) {
    out.push({ what: 'idle footprint: hub + bundled servers, PSS', value: `${round(footprint, 1)} MB`, ratio: '', target: '≤ 200 MB', met: footprint <= 200 });
  }
  for (const q of r.log.queries) {
    out.push({ what: `log page at ${r.log.rows.toLocaleString('en')}: ${q.filter}`, value: `${ms(q.ms)} (${q.rows} rows)`, ratio: '', target: '≤ 50 ms', met: q.ms <= 50 });
  }
  return out;
}

/** What a sandbox adds to a server's start. */
export function toolSearchRows(r: Pick<BenchResults, 'toolSearchSize'>): Row[] {
  const s = r.toolSearchSize;
  if (!s) return [];
  const kb = (bytes: number) => `${round(bytes / 1024, 1)} KB (~${Math.round(bytes / 4).toLocaleString('en')} tokens)`;
  return [
    { what: `tools/list, ${s.tools} tools listed`, value: kb(s.fullBytes), ratio: '', target: '', met: undefined },
    { what: 'tools/list in tool search mode (search_tools, call_tool)', value: kb(s.searchBytes), ratio: `${round((100 * s.searchBytes) / s.fullBytes, 1)}% of the full list`, target: '', met: undefined },
  ];
}

export function sandboxRows(r: Pick<BenchResults, 'sandboxStartup'>): Row[] {
  const s = r.sandboxStartup;
  if (!s) return [];
  if (s.unavailable) return [{ what: 'server start-up in a sandbox', value: `not measured: ${s.unavailable}`, ratio: '', target: '', met: undefined }];
  const off = s.off ?? Number.NaN;
  return (['off', 'standard', 'strict'] as const)
    .filter((level) => s[level] !== undefined)
    .map((level) => ({
      what: `filesystem server start-up — sandbox ${level}${level === 'off' ? '' : ` (${s.mechanism})`}`,
      value: `${round(s[level]!, 1)} ms`,
      ratio: level === 'off' ? '' : `${s[level]! >= off ? '+' : ''}${round(s[level]! - off, 1)} ms`,
      target: '',
      met: undefined,
    }));
}

/** Memory of the hub and its servers with clients on a shared and on a per-client server. */
export function memoryRows(r: Pick<BenchResults, 'clientsMemory' | 'httpSessionMemory'>): Row[] {
  const out: Row[] = [];
  const shared = r.clientsMemory?.shared;
  for (const [key, label] of [['shared', 'shared'], ['perClient', 'per-client']] as const) {
    const m = r.clientsMemory?.[key];
    if (!m) continue;
    out.push({
      what: `hub + servers, ${m.clients} clients on a ${label} server: PSS (RSS)`,
      value: `${round(m.pssMb, 1)} MB (${round(m.rssMb, 1)} MB), ${m.processes} processes`,
      ratio: key === 'perClient' && shared ? `+${round((m.pssMb - shared.pssMb) / Math.max(1, m.processes - shared.processes), 1)} MB per extra process` : '',
      target: '',
      met: undefined,
    });
  }
  if (r.httpSessionMemory) {
    const { sessions, kbPerSession } = r.httpSessionMemory;
    out.push({ what: `hub memory per open HTTP session (PSS, ${sessions} more sessions)`, value: `${round(kbPerSession, 0)} kB`, ratio: '', target: '', met: undefined });
  }
  return out;
}

/** The packaged app's bridge: start-up to `initialize`, and size. */
export function bridgeRuntimeRows(r: Pick<BenchResults, 'bridgeRuntime'>): Row[] {
  const b = r.bridgeRuntime;
  if (!b) return [];
  return [
    { what: `bridge start-up to initialize — app runtime (median of ${b.runs})`, value: `${b.startupMs.runtime} ms`, ratio: `${round(b.startupMs.runtime / b.startupMs.nodeScript, 2)}× node + script`, target: '', met: undefined },
    { what: `bridge start-up to initialize — node + bundled CLI (median of ${b.runs})`, value: `${b.startupMs.nodeScript} ms`, ratio: '', target: '', met: undefined },
    { what: 'bridge size — app runtime (gzip)', value: `${b.runtimeMb} MB (${b.runtimeGzipMb} MB)`, ratio: '', target: '', met: undefined },
    { what: 'bridge size — bundled CLI without a runtime', value: `${b.scriptKb} kB`, ratio: '', target: '', met: undefined },
  ];
}

const mark = (met: boolean | undefined) => (met === undefined ? '' : met ? 'met' : 'MISSED');

export function renderTable(r: BenchResults, only?: Row[]): string {
  const table = (only ?? rows(r)).map((row) => [row.what, row.value, row.ratio, row.target, mark(row.met)]);
  const all = [['measurement', 'value', 'vs direct', 'target', ''], ...table];
  const widths = all[0]!.map((_, i) => Math.max(...all.map((row) => row[i]!.length)));
  return `\n${all.map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n')}\n\n`;
}

export function renderMarkdown(r: BenchResults): string {
  const lines = [
    '# Benchmarks',
    '',
    'Produced by `npm run bench` (bench/run.ts); every figure of one run comes from the same process run, and the',
    'latency paths take turns (10 rounds of 300 calls each), so the ratios compare paths measured over the same',
    'minutes on the same machine. Re-run it to refresh this page.',
    '',
    `Latest run: ${r.date}, ${r.seconds ?? '?'} s. Machine: ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGb} GiB, ${r.machine.os}, Node ${r.machine.node}.`,
    '',
    'Upstream for latency and throughput: the official `@modelcontextprotocol/server-everything` (`echo`), over stdio.',
    'The 8 MB result comes from the test server\'s `blob` tool (e2e/fixtures/test-server.ts). supergateway runs in',
    'stateful Streamable HTTP mode in front of the same server.',
    '',
    '| measurement | value | vs direct | target | |',
    '|---|---|---|---|---|',
    ...rows(r).map((row) => `| ${row.what} | ${row.value} | ${row.ratio} | ${row.target} | ${mark(row.met)} |`),
    '',
    `Call-log fixture: ${r.log.rows.toLocaleString('en')} synthetic entries built in ${round(r.log.buildSeconds, 1)} s.`,
    '',
    // The prose is written by hand beside the bench, so a run refreshes the figures and keeps it.
    readFileSync(READING, 'utf8'),
  ];
  return lines.join('\n');
}

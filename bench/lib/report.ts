// The benchmark's table (terminal) and docs/benchmarks.md, with the targets of docs/testing.md beside each figure.
import type { TreeMemory } from './clients-memory.ts';
import type { BridgeRuntimeResult } from './bridge-runtime.ts';
import type { SandboxStartup } from './sandbox-startup.ts';
import type { ToolSearchSize } from './tool-search-size.ts';
import { round } from './stats.ts';

type Latency = { p50: number; p99: number; mean: number; n: number };

export interface BenchResults {
  machine: { cpus: number; cpuModel: string; memoryGb: number; os: string; node: string };
  date: string;
  seconds?: number;
  /** httpFloor: the SDK's HTTP client against a do-nothing server (bench/lib/http-floor-server.ts). */
  latency: Partial<Record<'direct' | 'bridge' | 'http' | 'supergateway' | 'httpFloor', Latency>>;
  throughput: Partial<Record<'bridge' | 'http', { callsPerSecond: number; calls: number; errors: number }>>;
  bigResult: Partial<Record<'direct' | 'bridge' | 'http', number>>;
  /** idleFootprintPssMb: the hub and its bundled servers, PSS (absent in runs before it was measured). */
  startup: { readyMs: number; idleRssMb: number; idleFootprintPssMb?: number };
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
  out.push({ what: 'hub ready with bundled servers', value: ms(r.startup.readyMs), ratio: '', target: '≤ 1,500 ms', met: r.startup.readyMs <= 1500 });
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
    'Produced by `npm run bench` (bench/run.ts); every figure of one run comes from the same process run, so',
    'ratios compare paths measured minutes apart on the same machine. Re-run it to refresh this page.',
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
    '## Reading the figures',
    '',
    '- The bridge adds two process hops (IDE → bridge → hub socket) and the hub adds one more pipe to the',
    '  server, each a write and a wake-up of another process. On this 2-vCPU VM such a hop costs about',
    '  0.1 ms of write system call alone (seen in a CPU profile of the hub), against 0.2–0.4 ms for a whole direct call, so the ratio for',
    '  small calls is high; the 8 MB case, where the work is the bytes, stays near the direct time.',
    '- Why the bridge misses 2× (a V8 profile of the hub over 5,000 bridge calls, `bench/profile.ts`):',
    '  of the hub\'s busy time, 30% is the two socket writes per call (the kernel waking the reader on',
    '  the other core), 14% is the call log\'s secret scan of arguments and result preview, 6% the',
    '  journal write that keeps an answered call through a crash, 5% parsing the frames; by strace the',
    '  bridge makes exactly 2 reads and 2 writes per call. The direct path has one process hop each way,',
    '  the bridge path three: with a hop near 0.05–0.1 ms here, three hops alone exceed 2× a direct call',
    '  of 0.09 ms before the hub does any work.',
    '- Throughput is measured with the 16 clients, the 16 bridge processes, the hub and the server all on',
    '  the same cores: it is the whole machine\'s figure, not the hub\'s alone.',
    '- Idle means 30 s after the hub reported ready with no client connected: long enough for the call',
    '  log\'s worker thread (about 20 MB) to be let go; it starts again at the next call or log read.',
    '  RSS counts the Node binary\'s code pages (about 58 MB, shared with every other Node process).',
    '- Memory with clients on one server: the hub and every process under it, after each of 4 bridge',
    '  clients made one call to server-everything, once shared (one process) and once per-client (one',
    '  process per client session). PSS divides pages shared between processes among them, so it is the',
    '  figure that adds up; RSS counts shared pages in every process. The per-client row says what each',
    '  extra process costs.',
    '- The HTTP endpoint answers a call that sends nothing before its result with one `application/json`',
    '  body, headers and body in one write; a call with progress, a request to the client or a slow answer',
    '  gets an event stream. The SDK client keeps its connections alive: a session\'s calls go over the',
    '  connections it already has open (two in the bench, beside its GET stream), so no call pays a connect. The hub takes',
    '  tools/call beside the SDK\'s Protocol and forwards it to the server with an id of its own (no schema',
    '  parse or re-validation of a result it passes on unchanged), and writes the call log from a worker',
    '  thread in batches.',
    '- The HTTP floor row is the same SDK client against a server in another process that does nothing',
    '  but answer canned JSON (bench/lib/http-floor-server.ts): what the client\'s own HTTP stack (fetch)',
    '  and one loopback round trip cost before any server work. On this VM that alone is 4–6× a direct',
    '  call: the client spends about 0.3–0.6 ms of CPU per HTTP call against about 0.05 ms per stdio call.',
    '  So "HTTP ≤ 3× direct" is below what any HTTP server reaches with this client here; the distance',
    '  from the floor row to the HTTP row is what the hub and the upstream server add.',
    '- The hub\'s own share of an HTTP call (`bench/profile.ts bridge http floor`, least CPU per call, on',
    '  this VM with neighbours): 0.42–0.48 ms of hub CPU per HTTP call against 0.20–0.27 ms per bridge',
    '  call. Two things make the difference. Node\'s HTTP server itself (request parsing, request and',
    '  response objects, a write to a TCP socket, dearer in the kernel than a Unix-socket write): the',
    '  do-nothing floor server takes 0.06–0.13 ms per request for exactly that. And every process on the',
    '  slower HTTP round trip runs colder: server-everything does the same `echo` on both paths but takes',
    '  0.11–0.13 ms of CPU per HTTP call against 0.07–0.08 ms per bridge call. The hub\'s own handling',
    '  around Node\'s server (host and origin checks, the token check, reading the body, the answer) is',
    '  under a tenth of its time in a V8 profile: /mcp builds no URL, the token is compared against',
    '  stored bytes without a wait, a one-chunk body is not copied, the SDK\'s Content-Type is taken',
    '  without parsing, and the answer leaves with its headers in one write.',
    '- Where a path\'s time goes: `node bench/profile.ts [direct|bridge|http|supergateway|floor]` (under the same',
    '  keychain wrapper as `npm run bench`) prints the least CPU time per call of every process on the path',
    '  over several rounds, which moves much less with the neighbours\' load than wall-clock time;',
    '  `PROFILE_CPU_PROF=DIR` adds a V8 profile of the hub, `PROFILE_PERF=DIR` a perf profile of each process.',
    '- Wall-clock ratios need a quiet machine: with other work on the same 2 vCPUs, each hop waits for a',
    '  core, and the paths with more processes (bridge, HTTP, supergateway) lose most.',
    '',
  ];
  return lines.join('\n');
}

// `node bench/profile.ts [direct|bridge|http|supergateway|floor ...]`: where the time of one echo call
// goes, per process. Wall-clock figures on a shared 2-vCPU machine move with the neighbours' load;
// CPU time per call (user + system, read from /proc for every process on the path) moves much
// less, so a change to the hot path shows here first. PROFILE_CALLS sets the number of calls;
// PROFILE_CPU_PROF=DIR also writes a V8 CPU profile of the hub into DIR; PROFILE_DISTINCT=1 makes
// every call's text new, so the call log's secret scan runs on each (a repeated text skips it).
// Run it under the bench's keychain like `npm run bench` does (see docs/benchmarks.md).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { cliJson, clientToken, connectBridge, startHub, tempDir, writeSettings } from '../e2e/helpers/hub-process.ts';
import type { HubStatus } from '../electron/hub/contract/contract.ts';
import { descendants } from './lib/clients-memory.ts';
import { EVERYTHING, direct, httpClient, startHttpFloor, startSupergateway } from './lib/paths.ts';
import { summarize } from './lib/stats.ts';

const CALLS = Number(process.env.PROFILE_CALLS ?? 5000);
const TICK_US = 1e6 / 100; // USER_HZ: /proc/PID/stat counts CPU time in ticks of 10 ms

/** CPU time of a process so far: nanoseconds on CPU summed over its threads (schedstat), else stat's ticks. */
function cpuUs(pid: number): number {
  try {
    let ns = 0;
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      try {
        ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // the thread ended between the listing and the read
      }
    }
    if (ns > 0) return ns / 1000;
  } catch {
    // no schedstat here: fall back to stat
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_US;
  } catch {
    return 0;
  }
}

async function measure(label: string, client: Client, pids: Record<string, number>): Promise<void> {
  // PROFILE_DISTINCT=1: every call sends a text never sent before (no call-log scan is skipped).
  let n = 0;
  const call = () => client.callTool({ name: 'echo', arguments: { message: process.env.PROFILE_DISTINCT ? `benchmark ${n++}` : 'benchmark' } });
  for (let i = 0; i < 300; i++) await call();
  // PROFILE_STRACE=DIR: count each process's system calls over the measured calls (strace -c).
  const traceDir = process.env.PROFILE_STRACE;
  // PROFILE_PERF=DIR: sample on-CPU time (perf record -e task-clock) of each process; with
  // PROFILE_PERF_MAP=1 the hub writes /tmp/perf-PID.map so JavaScript frames have names.
  const perfDir = process.env.PROFILE_PERF;
  const tracers = [
    ...(traceDir ? Object.entries(pids).map(([k, pid]) => spawn('strace', ['-c', '-f', '-p', String(pid), '-o', `${traceDir}/${label}-${k}.txt`], { stdio: 'ignore' })) : []),
    ...(perfDir ? Object.entries(pids).map(([k, pid]) => spawn('perf', ['record', '-q', '-e', 'task-clock', '-F', '4000', '-g', '-p', String(pid), '-o', `${perfDir}/${label}-${k}.data`], { stdio: 'ignore' })) : []),
  ];
  if (tracers.length > 0) await new Promise((resolve) => setTimeout(resolve, 1000));
  // Rounds: the least CPU a process took per call in any round is the figure least disturbed by
  // the neighbours' load (PROFILE_ROUNDS, default 5).
  const rounds = Number(process.env.PROFILE_ROUNDS ?? 5);
  const perRound: Array<Record<string, number>> = [];
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const n = Math.ceil(CALLS / rounds);
    const before = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuUs(pid)]));
    const own = process.cpuUsage();
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await call();
      samples.push(performance.now() - t);
    }
    const ownUsage = process.cpuUsage(own);
    const perCall: Record<string, number> = { client: (ownUsage.user + ownUsage.system) / n };
    for (const [k, pid] of Object.entries(pids)) perCall[k] = (cpuUs(pid) - before[k]!) / n;
    perRound.push(perCall);
  }
  for (const tracer of tracers) tracer.kill('SIGINT');
  await Promise.all(tracers.map((tracer) => new Promise((resolve) => tracer.once('exit', resolve))));
  const least = Object.fromEntries(Object.keys(perRound[0]!).map((k) => [k, Math.min(...perRound.map((r) => r[k]!))]));
  const total = Object.values(least).reduce((a, b) => a + b, 0);
  const s = summarize(samples);
  const parts = Object.entries(least).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
  process.stdout.write(`${label.padEnd(13)} p50 ${s.p50.toFixed(3)} ms; least CPU µs/call: ${total.toFixed(0)} (${parts})\n`);
}

const modes = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['direct', 'bridge', 'http', 'supergateway'];
const dataDir = tempDir('mcp-tray-profile-');
writeSettings(dataDir, { servers: [{ id: 'everything', name: 'everything', kind: 'stdio', command: process.execPath, args: [EVERYTHING, 'stdio'] }] });
const profDir = process.env.PROFILE_CPU_PROF;
const nodeOptions = [profDir ? `--cpu-prof --cpu-prof-dir=${profDir}` : '', process.env.PROFILE_PERF_MAP ? '--perf-basic-prof' : ''].filter(Boolean).join(' ');
const hub = await startHub(dataDir, nodeOptions ? { env: { NODE_OPTIONS: nodeOptions } } : {});
const opened: Client[] = [];
try {
  const hubPid = hub.process.pid!;
  const server = () => descendants(hubPid).find((pid) => pid !== hubPid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('server-everything'))!;
  for (const mode of modes) {
    if (mode === 'direct') {
      const client = await direct([EVERYTHING, 'stdio']);
      opened.push(client);
      await measure('direct', client, { server: (client.transport as StdioClientTransport).pid! });
    } else if (mode === 'bridge') {
      const client = await connectBridge(dataDir, 'profile');
      opened.push(client);
      await measure('bridge', client, { bridge: (client.transport as StdioClientTransport).pid!, hub: hubPid, server: server() });
    } else if (mode === 'http') {
      const url = (await cliJson<HubStatus>(dataDir, ['status'])).endpoints.mcp!;
      const client = await httpClient(url, { Authorization: `Bearer ${await clientToken(dataDir, 'profile-http')}` });
      opened.push(client);
      await measure('http', client, { hub: hubPid, server: server() });
    } else if (mode === 'floor') {
      // The SDK's HTTP client against a do-nothing server: the client's own HTTP cost.
      const floor = await startHttpFloor();
      try {
        const client = await httpClient(floor.url);
        await measure('http floor', client, { server: floor.pid });
        await client.close();
      } finally {
        floor.stop();
      }
    } else if (mode === 'supergateway') {
      const gateway = await startSupergateway([EVERYTHING, 'stdio']);
      try {
        const client = await httpClient(gateway.url);
        const pids = descendants(gateway.pid);
        await measure('supergateway', client, { gateway: gateway.pid, server: pids.find((pid) => pid !== gateway.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('server-everything'))! });
        await client.close();
      } finally {
        await gateway.stop();
      }
    }
  }
} finally {
  await Promise.all(opened.map((client) => client.close().catch(() => undefined)));
  await hub.stop();
}

// Memory of the hub and every process under it (the servers it runs), with a number of clients
// connected to one server-everything, shared or per-client: what giving each client its own
// process costs. PSS splits shared pages (the Node binary, say) between the processes that map
// them, so it adds up to what the tree really uses; RSS counts them in each process.
import { readdirSync, readFileSync } from 'node:fs';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { HubStatus } from '../../electron/hub/contract/contract.ts';
import { cliJson, clientToken, connectBridge, startHub, tempDir, writeSettings } from '../../e2e/helpers/hub-process.ts';
import { EVERYTHING, httpClient } from './paths.ts';

export interface TreeMemory {
  readonly clients: number;
  /** The hub and its descendants. */
  readonly processes: number;
  readonly rssMb: number;
  readonly pssMb: number;
}

export async function clientsMemory(sessions: 'shared' | 'per-client', clients: number, settleMs = 2000): Promise<TreeMemory> {
  const dataDir = tempDir('mcp-tray-bench-memory-');
  writeSettings(dataDir, { servers: [{ id: 'everything', name: 'everything', kind: 'stdio', command: process.execPath, args: [EVERYTHING, 'stdio'], sessions }] });
  const hub = await startHub(dataDir);
  const opened: Client[] = [];
  try {
    for (let i = 0; i < clients; i++) opened.push(await connectBridge(dataDir, `bench-memory-${i}`));
    // Every client calls once: a per-client server starts each one's process.
    await Promise.all(opened.map((client) => client.callTool({ name: 'echo', arguments: { message: 'memory' } })));
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    return { clients, ...treeMemory(hub.process.pid!) };
  } finally {
    await Promise.all(opened.map((client) => client.close().catch(() => undefined)));
    await hub.stop();
  }
}

/**
 * What one more open HTTP session costs the hub: its memory (PSS of the hub process alone; the
 * sessions share one server) with one session open, then with `sessions` more, each having made a
 * call, divided by their number.
 */
export async function httpSessionMemory(sessions: number, settleMs = 2000): Promise<{ sessions: number; kbPerSession: number }> {
  const dataDir = tempDir('mcp-tray-bench-http-memory-');
  writeSettings(dataDir, { servers: [{ id: 'everything', name: 'everything', kind: 'stdio', command: process.execPath, args: [EVERYTHING, 'stdio'] }] });
  const hub = await startHub(dataDir);
  const opened: Client[] = [];
  try {
    const url = (await cliJson<HubStatus>(dataDir, ['status'])).endpoints.mcp!;
    // The hub caps sessions per client token: a token for every 8 sessions stays clear of the cap.
    const tokens = await Promise.all(Array.from({ length: Math.ceil(sessions / 8) + 1 }, (_, i) => clientToken(dataDir, `bench-sessions-${i}`)));
    const open = async (i: number) => {
      const client = await httpClient(url, { Authorization: `Bearer ${tokens[Math.floor(i / 8)]}` });
      opened.push(client);
      await client.callTool({ name: 'echo', arguments: { message: 'memory' } });
    };
    // The first session warms every code path; what follows is the cost of sessions alone.
    for (let i = 0; i < 8; i++) await open(i);
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    const before = rollup(hub.process.pid!).pssKb;
    for (let i = 8; i < sessions + 8; i++) await open(i);
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    const after = rollup(hub.process.pid!).pssKb;
    return { sessions, kbPerSession: (after - before) / sessions };
  } finally {
    await Promise.all(opened.map((client) => client.close().catch(() => undefined)));
    await hub.stop();
  }
}

/** PSS and RSS of a process and everything below it. */
export function treeMemory(root: number): { processes: number; rssMb: number; pssMb: number } {
  const tree = descendants(root);
  let rssKb = 0;
  let pssKb = 0;
  for (const pid of tree) {
    const memory = rollup(pid);
    rssKb += memory.rssKb;
    pssKb += memory.pssKb;
  }
  return { processes: tree.length, rssMb: rssKb / 1024, pssMb: pssKb / 1024 };
}

/** The process and every process below it (Linux /proc). */
export function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

function rollup(pid: number): { rssKb: number; pssKb: number } {
  try {
    const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
    return { rssKb: field('Rss'), pssKb: field('Pss') };
  } catch {
    return { rssKb: 0, pssKb: 0 };
  }
}

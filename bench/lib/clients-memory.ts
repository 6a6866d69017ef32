// Memory of the hub and every process under it (the servers it runs), with a number of clients
// connected to one server-everything, shared or per-client: what giving each client its own
// process costs. PSS splits shared pages (the Node binary, say) between the processes that map
// them, so it adds up to what the tree really uses; RSS counts them in each process.
import { readdirSync, readFileSync } from 'node:fs';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { connectBridge, startHub, tempDir, writeSettings } from '../../e2e/helpers/hub-process.ts';
import { EVERYTHING } from './paths.ts';

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
    const tree = descendants(hub.process.pid!);
    let rssKb = 0;
    let pssKb = 0;
    for (const pid of tree) {
      const memory = rollup(pid);
      rssKb += memory.rssKb;
      pssKb += memory.pssKb;
    }
    return { clients, processes: tree.length, rssMb: rssKb / 1024, pssMb: pssKb / 1024 };
  } finally {
    await Promise.all(opened.map((client) => client.close().catch(() => undefined)));
    await hub.stop();
  }
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

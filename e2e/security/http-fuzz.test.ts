// No request ends the hub: thousands of malformed paths, percent-encodings, headers (huge,
// duplicated, invalid characters, lying Content-Length, chunked garbage), methods and bodies against
// /, /api/*, /login, /mcp and the HTTP+SSE paths (/sse, /messages), sent over raw TCP sockets
// (bytes that are not even HTTP) and with fetch (odd but well-formed, with and without credentials,
// event streams dropped mid-way), plus
// garbage on the local socket. After every batch a valid request of each kind must still succeed,
// and the hub's RSS at the end must be within 20 % of where it was after a warm-up. Seeded, so a
// failure can be replayed.
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubStatus } from '../../electron/hub/contract/contract.ts';
import { cliJson, clientToken, startHub, tempDir, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';
import { loginThroughOneTimeLink, type UiSession } from '../helpers/ui-session.ts';
import { fetchRequest, rawRequest, seeded, type Random } from './fuzz-inputs.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20_240_611);
const BATCHES = 12;
const RAW_PER_BATCH = 160;
const FETCH_PER_BATCH = 90;
const SOCKET_PER_BATCH = 20;
const CONCURRENCY = 24;

function rssKb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
}

/** Sends bytes on a fresh TCP connection; resolves with whatever came back (or nothing). */
function raw(port: number, bytes: Buffer, waitMs = 700): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    let timer = setTimeout(() => socket.destroy(), waitMs);
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('latin1');
      // Something came back: a little more, then done (keep-alive would hold the socket open).
      clearTimeout(timer);
      timer = setTimeout(() => socket.destroy(), 40);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(answer);
    });
    socket.write(bytes, () => undefined);
  });
}

/** Garbage on the hub's local socket: bad hellos, or a good hello followed by bad frames. */
function socketGarbage(socketPath: string, random: Random): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(socketPath);
    const timer = setTimeout(() => socket.destroy(), 300);
    socket.on('error', () => undefined);
    socket.on('data', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
    const hello = [
      '{"mcpTray":1,"role":"control"}\n',
      '{"mcpTray":1,"role":"bridge","client":"fuzz"}\n',
      '{"mcpTray":2,"role":"control"}\n',
      '{"mcpTray":1,"role":"bridge","client":"../../x"}\n',
      'x'.repeat(5000),
      '\n',
      '{"__proto__":{"role":"control"}}\n',
    ][Math.floor(random() * 7)]!;
    const frames = [
      '{"id":1,"method":"status"}\n',
      '{"id":{},"method":{}}\n',
      '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"\\u0000"}}\n',
      '[' .repeat(10_000) + '\n',
      '{"id":1,"method":"servers.add","params":{"id":"x","command":"/bin/false"}\n',
      Buffer.from([0xff, 0xfe, 0x00, 0x0a]).toString('latin1'),
      '{"id":1,"method":"events.subscribe"}\n',
    ];
    socket.write(hello);
    for (let i = 0; i < 3; i++) socket.write(frames[Math.floor(random() * frames.length)]!);
  });
}

async function inParallel(tasks: Array<() => Promise<unknown>>, width: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) await tasks[next++]!().catch(() => undefined);
    }),
  );
}

describe('the hub survives malformed input on every listener', () => {
  let hub: HubProcess;
  let port: number;
  let pid: number;
  let socketPath: string;
  let mcpToken: string;
  let ui: UiSession;

  beforeAll(async () => {
    const dataDir = tempDir('mcp-tray-fuzz-');
    writeSettings(dataDir, { servers: [] });
    hub = await startHub(dataDir);
    const status = await cliJson<HubStatus>(dataDir, ['status']);
    port = Number(new URL(status.endpoints.mcp!).port);
    pid = status.pid;
    socketPath = status.endpoints.socket;
    mcpToken = await clientToken(dataDir, 'fuzzer');
    ui = await loginThroughOneTimeLink(dataDir);
  });

  afterAll(async () => {
    await hub?.stop();
  });

  /** A valid request of each kind: the UI page, an authenticated control call, an MCP initialize. */
  async function stillAnswers(): Promise<void> {
    expect(hub.process.exitCode, `the hub exited:\n${hub.output().slice(-3000)}`).toBeNull();
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    await page.arrayBuffer();
    const call = await fetch(`http://127.0.0.1:${port}/api/call`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...ui.headers }, body: '{"method":"status","params":{}}' });
    expect(call.status).toBe(200);
    expect(((await call.json()) as { result: HubStatus }).result.pid).toBe(pid);
    const init = await fetch(`http://127.0.0.1:${port}/mcp`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${mcpToken}`, 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'fuzz-check', version: '1' } } }),
    });
    expect(init.status).toBe(200);
    await init.arrayBuffer();
    // End the session, as a client does, so the memory measured is not open sessions.
    const ended = await fetch(`http://127.0.0.1:${port}/mcp`, { method: 'DELETE', headers: { Authorization: `Bearer ${mcpToken}`, 'Mcp-Session-Id': init.headers.get('mcp-session-id')! } });
    expect(ended.status).toBe(200);
  }

  function batch(random: Random): Array<() => Promise<unknown>> {
    const tasks: Array<() => Promise<unknown>> = [];
    for (let i = 0; i < RAW_PER_BATCH; i++) {
      const bytes = rawRequest(random, port);
      tasks.push(() => raw(port, bytes));
    }
    for (let i = 0; i < FETCH_PER_BATCH; i++) {
      const request = fetchRequest(random);
      const credentials = random() < 0.5 ? (/^\/(mcp|sse|messages)/.test(request.path) ? { authorization: `Bearer ${mcpToken}` } : ui.headers) : {};
      tasks.push(async () => {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), request.abortAfterMs);
        try {
          const response = await fetch(`http://127.0.0.1:${port}${request.path}`, {
            method: request.method,
            headers: { ...request.headers, ...credentials },
            body: request.body,
            signal: controller.signal,
          });
          await response.arrayBuffer();
        } finally {
          clearTimeout(timer);
        }
      });
    }
    for (let i = 0; i < SOCKET_PER_BATCH; i++) tasks.push(() => socketGarbage(socketPath, random));
    // Interleave kinds, deterministically.
    return tasks.map((task) => ({ task, key: random() })).sort((a, b) => a.key - b.key).map((t) => t.task);
  }

  it(`keeps answering and keeps its memory (seed ${SEED})`, { timeout: 180_000 }, async () => {
    await stillAnswers();
    const random = seeded(SEED);
    // Warm-up: the same mix, so the allocator and caches have grown before the baseline.
    for (let i = 0; i < 2; i++) {
      await inParallel(batch(random), CONCURRENCY);
      await stillAnswers();
    }
    const before = rssKb(pid);
    for (let i = 0; i < BATCHES; i++) {
      await inParallel(batch(random), CONCURRENCY);
      await stillAnswers();
    }
    // What a burst leaves is garbage until V8 collects it; the hub collects once it is idle after a
    // burst (util/release-memory.ts). Wait for that (a bound, not a speed check), then compare.
    const peak = rssKb(pid);
    const after = await waitFor('the hub to settle after the storm', () => (rssKb(pid) <= before * 1.2 ? rssKb(pid) : undefined), 30_000, 500).catch(() => rssKb(pid));
    console.log(`hub RSS after warm-up ${(before / 1024).toFixed(1)} MB, at the end of ${BATCHES} batches ${(peak / 1024).toFixed(1)} MB, settled ${(after / 1024).toFixed(1)} MB`);
    expect(after, `RSS ${before} kB → ${after} kB`).toBeLessThanOrEqual(before * 1.2);
    // Every bad input was answered by the code meant for it: nothing reached the last resort.
    expect(hub.output()).not.toMatch(/unexpected error|URIError|Uncaught/);
  });
});

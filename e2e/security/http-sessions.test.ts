// HTTP sessions are bounded: at most 16 per client token and 128 in all (the least recently used
// idle one is closed to make room), idle ones close after 5 minutes, and 3,000 initialize requests
// leave the hub's memory where it was. Real hub, raw HTTP requests as a misbehaving client sends them.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubStatus } from '../../electron/hub/contract/contract.ts';
import { MAX_SESSIONS, MAX_SESSIONS_PER_CLIENT, SESSION_IDLE_MS } from '../../electron/hub/gateway/http-endpoint.ts';
import { cliJson, clientToken, startHub, tempDir, testServerDefinition, writeSettings, type HubProcess } from '../helpers/hub-process.ts';

const initialize = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'flood', version: '1' } } });
const initialized = JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' });
const ping = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'ping' });

/** Resident memory of a process, in MB (Linux). */
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

describe('HTTP session limits', () => {
  let dataDir: string;
  let hub: HubProcess;
  let url: string;

  const post = async (token: string, body: string, sessionId?: string) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', Authorization: `Bearer ${token}`, ...(sessionId ? { 'Mcp-Session-Id': sessionId } : {}) },
      body,
    });
    await res.text();
    return res;
  };
  const open = async (token: string) => {
    const res = await post(token, initialize);
    expect(res.status).toBe(200);
    const id = res.headers.get('mcp-session-id')!;
    await post(token, initialized, id);
    return id;
  };
  const httpSessions = async () => (await cliJson<HubStatus>(dataDir, ['status'])).clients.filter((c) => c.transport === 'http');

  beforeAll(async () => {
    dataDir = tempDir();
    writeSettings(dataDir, { servers: [testServerDefinition('counter')] });
    hub = await startHub(dataDir);
    url = (await cliJson<HubStatus>(dataDir, ['status'])).endpoints.mcp!;
  });

  afterAll(async () => {
    await hub?.stop();
  });

  it('closes idle sessions after 5 minutes', () => {
    expect(SESSION_IDLE_MS).toBe(5 * 60_000);
  });

  it(`keeps at most ${MAX_SESSIONS_PER_CLIENT} sessions per token, closing the least recently used first`, async () => {
    const token = await clientToken(dataDir, 'per-token');
    const ids: string[] = [];
    for (let i = 0; i < MAX_SESSIONS_PER_CLIENT; i++) ids.push(await open(token));
    // The first session was used just now: the second is the least recently used.
    expect((await post(token, ping, ids[0])).status).toBe(200);
    const newest = await open(token);
    expect((await post(token, ping, ids[1])).status).toBe(404);
    expect((await post(token, ping, ids[0])).status).toBe(200);
    expect((await post(token, ping, newest)).status).toBe(200);
    expect((await httpSessions()).filter((s) => s.id === 'per-token')).toHaveLength(MAX_SESSIONS_PER_CLIENT);
  });

  it('a session the client ended with DELETE no longer counts: opening and ending many leaves a live one alone', async () => {
    const token = await clientToken(dataDir, 'deleting');
    const live = await open(token);
    for (let i = 0; i < MAX_SESSIONS_PER_CLIENT + 4; i++) {
      const id = await open(token);
      const res = await fetch(url, { method: 'DELETE', headers: { Authorization: `Bearer ${token}`, 'Mcp-Session-Id': id } });
      expect(res.status).toBe(200);
    }
    // Ended sessions left behind would fill the cap, and the live one (least recently used) would be closed for room.
    expect((await post(token, ping, live)).status).toBe(200);
    expect((await httpSessions()).filter((s) => s.id === 'deleting')).toHaveLength(1);
  });

  it(`keeps at most ${MAX_SESSIONS} sessions in all`, async () => {
    const tokens = await Promise.all(Array.from({ length: Math.ceil(MAX_SESSIONS / MAX_SESSIONS_PER_CLIENT) + 1 }, (_, i) => clientToken(dataDir, `many-${i}`)));
    for (const token of tokens) for (let i = 0; i < MAX_SESSIONS_PER_CLIENT; i++) await open(token);
    const sessions = await httpSessions();
    expect(sessions.length).toBe(MAX_SESSIONS);
  });

  it('3,000 initialize requests with one token leave the hub\'s memory within 20 % of where it started', async () => {
    const token = await clientToken(dataDir, 'flood');
    const flood = async (count: number) => {
      let next = 0;
      const worker = async () => {
        while (next < count) {
          next++;
          const res = await post(token, initialize);
          expect(res.status).toBe(200);
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
    };
    // RSS at one moment depends on when V8 last collected the old generation (where sessions that
    // lived through a few requests end up): compare the peaks of two identical floods, sampled as
    // they run, and the level once idle. Sessions kept past the per-token cap would add up from one
    // flood to the next; garbage not yet collected does not.
    const peakDuring = async (count: number) => {
      let peak = rssMb(hub.process.pid!);
      const sampler = setInterval(() => (peak = Math.max(peak, rssMb(hub.process.pid!))), 50);
      try {
        await flood(count);
      } finally {
        clearInterval(sampler);
      }
      return Math.max(peak, rssMb(hub.process.pid!));
    };
    await flood(3000); // warm-up: code compiled, pools and heap at their working size
    const before = await peakDuring(3000);
    const peak = await peakDuring(3000);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const after = rssMb(hub.process.pid!);
    process.stdout.write(`hub RSS peak in 3,000 initialize after warm-up ${before.toFixed(1)} MB, in the next 3,000 ${peak.toFixed(1)} MB, idle after ${after.toFixed(1)} MB\n`);
    expect((await httpSessions()).filter((s) => s.id === 'flood').length).toBeLessThanOrEqual(MAX_SESSIONS_PER_CLIENT);
    expect(peak).toBeLessThanOrEqual(before * 1.2);
    expect(after).toBeLessThanOrEqual(before * 1.2);
  });
});

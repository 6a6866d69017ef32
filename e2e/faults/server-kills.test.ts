// Fault test: kill -9 of a server during calls, 50 times. Every call in flight fails
// fast (never hangs), the server comes back, every answered call is logged exactly once, and no
// process is left behind.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../electron/hub/contract/call-log-shapes.ts';
import type { HubStatus } from '../../electron/hub/contract/contract.ts';
import { alive, callsReceived, cli, cliJson, connectBridge, startHub, tempDir, testServerDefinition, waitFor, writeSettings } from '../helpers/hub-process.ts';

const ROUNDS = 50;

describe('server killed mid-call', () => {
  it(`fails in-flight calls at once and recovers, ${ROUNDS} times`, { timeout: 240_000 }, async () => {
    const dataDir = tempDir();
    const callsFile = path.join(dataDir, 'calls.jsonl');
    writeSettings(dataDir, { servers: [testServerDefinition('victim', ['--calls-file', callsFile])] });
    const hub = await startHub(dataDir);
    const client = await connectBridge(dataDir, 'faults');
    const pids: number[] = [];
    let answered = 0;
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const status = await cliJson<HubStatus>(dataDir, ['status']);
        const pid = status.servers[0]!.pid!;
        pids.push(pid);
        const before = callsReceived(callsFile).filter((c) => c.tool === 'slow').length;
        const calls = Array.from({ length: 3 }, () => client.callTool({ name: 'slow', arguments: { ms: 60_000 } }));
        await waitFor('calls to reach the server', () => callsReceived(callsFile).filter((c) => c.tool === 'slow').length >= before + 3);
        const killedAt = Date.now();
        process.kill(pid, 'SIGKILL');
        const results = await Promise.all(calls);
        expect(Date.now() - killedAt).toBeLessThan(1000);
        for (const result of results) expect(result.isError).toBe(true);
        answered += results.length;
        // A user restart resets the crash-loop count, so 50 kills never end as "crashed".
        const restarted = await cli(dataDir, ['servers', 'restart', 'victim']);
        expect(restarted.stdout).toContain('victim: running');
        expect((await client.callTool({ name: 'peek', arguments: {} })).isError).toBeFalsy();
        answered++;
      }
      const logged = (await cli(dataDir, ['log', '--export', 'jsonl'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as LogEntry);
      expect(logged).toHaveLength(answered);
      expect(new Set(logged.map((e) => e.id)).size).toBe(answered);
      expect(logged.filter((e) => e.outcome === 'server-exited')).toHaveLength(ROUNDS * 3);
      for (const pid of pids) expect(alive(pid)).toBe(false);
    } finally {
      await client.close();
      await hub.stop();
    }
  });
});

// A remote (Streamable HTTP) upstream is supervised like a child: when the remote server
// restarts and forgets the session (404) or is briefly unreachable, the hub re-initializes with
// backoff and calls work again without the client doing anything.
import { afterAll, describe, expect, it } from 'vitest';
import type { HubStatus } from '../../electron/hub/contract/contract.ts';
import { cliJson, connectBridge, startEverythingHttp, startHub, tempDir, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';

describe('remote upstream', () => {
  let hub: HubProcess | undefined;
  let remote: Awaited<ReturnType<typeof startEverythingHttp>> | undefined;
  afterAll(async () => {
    await hub?.stop();
    await remote?.stop();
  });

  it('reconnects after the remote server restarts', async () => {
    remote = await startEverythingHttp();
    const dataDir = tempDir();
    writeSettings(dataDir, { servers: [{ id: 'remote', name: 'remote', kind: 'http', url: remote.url, headers: { 'X-Test': 'kept' } }] });
    hub = await startHub(dataDir);
    const client = await connectBridge(dataDir, 'ide');
    const echo = () => client.callTool({ name: 'echo', arguments: { message: 'ping' } });
    expect(JSON.stringify((await echo()).content)).toContain('ping');

    const port = remote.port;
    await remote.stop();
    remote = await startEverythingHttp(port);
    // The first call may meet the lost session; the hub reconnects and later calls succeed.
    await waitFor('a call to succeed after the restart', async () => {
      const result = await echo().catch(() => undefined);
      return result && !result.isError && JSON.stringify(result.content).includes('ping');
    }, 20_000, 250);
    const status = await cliJson<HubStatus>(dataDir, ['status']);
    const server = status.servers.find((s) => s.id === 'remote')!;
    expect(server.state).toBe('running');
    expect(server.lastExit?.reason).toMatch(/HTTP 404|unreachable|event stream/);
    await client.close();
  });
});

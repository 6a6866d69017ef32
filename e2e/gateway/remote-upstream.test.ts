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
    // The first call may meet the lost session; the hub reconnects and later calls succeed. The old
    // connection's last errors may still arrive after the first success, so the hub is asked until a
    // call succeeds while it reports the server running.
    const server = await waitFor('a call to succeed after the restart, with the server running', async () => {
      const result = await echo().catch(() => undefined);
      if (!result || result.isError || !JSON.stringify(result.content).includes('ping')) return false;
      const status = await cliJson<HubStatus>(dataDir, ['status']);
      const remoteStatus = status.servers.find((s) => s.id === 'remote')!;
      return remoteStatus.state === 'running' && remoteStatus;
    }, 30_000, 250);
    // Whatever the hub met first (the lost session, the refused connection, the closed stream) is named.
    expect(server.lastExit?.reason).toMatch(/HTTP 404|unreachable|event stream|Connection closed/);
    await client.close();
  });
});

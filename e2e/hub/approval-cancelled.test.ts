// A write call waiting for approval whose client goes away is logged as `cancelled-client` with the
// outcome `cancelled`: not as a denial the user never made.
import { describe, expect, it } from 'vitest';
import type { ApprovalInfo } from '../../electron/hub/contract/contract.ts';
import type { LogEntry } from '../../electron/hub/contract/call-log-shapes.ts';
import { cli, cliJson, connectBridge, startHub, tempDir, testServerDefinition, waitFor, writeSettings } from '../helpers/hub-process.ts';

describe('an approval whose client disconnected', () => {
  it('is logged as cancelled-client → cancelled, and leaves the queue', async () => {
    const dataDir = tempDir();
    writeSettings(dataDir, { servers: [testServerDefinition('counter', [], { writeMode: 'ask' })] });
    const hub = await startHub(dataDir);
    try {
      const ide = await connectBridge(dataDir, 'cursor');
      const call = ide.callTool({ name: 'bump', arguments: { by: 1 } }).catch((error: Error) => error);
      await waitFor('the approval to wait', async () => (await cliJson<ApprovalInfo[]>(dataDir, ['approvals'])).length === 1);
      await ide.close();
      await call;
      const entry = await waitFor('the call to be logged', async () => {
        const lines = (await cli(dataDir, ['log', '--json'])).stdout.trim().split('\n').filter(Boolean);
        return lines.length > 0 ? (JSON.parse(lines.at(-1)!) as LogEntry) : undefined;
      });
      expect(entry).toMatchObject({ target: 'bump', decision: 'cancelled-client', outcome: 'cancelled' });
      expect(entry.error).toMatch(/cancelled the call, or disconnected, while it waited for approval/);
      expect(await cliJson<ApprovalInfo[]>(dataDir, ['approvals'])).toEqual([]);
    } finally {
      await hub.stop();
    }
  });
});

// A hub that looks like a working day, for the accessibility scans, keyboard checks and the
// screenshots in docs/: bundled filesystem, a server in "ask" mode, one waiting for its secret, one
// crash-looping, one disabled, one not installed, PostgreSQL not set up; two IDEs connected; a few hundred calls of every kind in the log;
// and one write call waiting for approval.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ApprovalInfo } from '../../../electron/hub/contract/contract.ts';
import { tempDir, testServerDefinition, waitFor } from '../../helpers/hub-process.ts';
import { startUiHub, type UiHub } from './ui-hub.ts';
import { unreachableRegistryUrl } from '../../fixtures/registry/registry-server.ts';

export interface DemoHub extends UiHub {
  /** The call that waits for approval (settles when the hub stops). */
  readonly waiting: Promise<unknown>;
}

export async function startDemoHub(): Promise<DemoHub> {
  const notes = tempDir('mcp-tray-ui-notes-');
  writeFileSync(path.join(notes, 'todo.md'), '# Today\n- ship the release\n');
  const hub = await startUiHub({
    // A registry address nothing answers on: the Catalog shows its offline snapshot, the same on every machine.
    settings: { approvalDeadlineSeconds: 900, registryUrl: await unreachableRegistryUrl() },
    servers: [
      { id: 'filesystem', name: 'Filesystem', kind: 'bundled', bundled: 'filesystem', options: { roots: [notes] } },
      testServerDefinition('counter', [], { name: 'Counter', writeMode: 'ask' }),
      testServerDefinition('github', ['--prefix', 'gh_'], { name: 'GitHub', secretEnv: ['GITHUB_PERSONAL_ACCESS_TOKEN'] }),
      testServerDefinition('flaky', ['--crash-at-start'], { name: 'Flaky server' }),
      testServerDefinition('legacy', ['--prefix', 'legacy_'], { name: 'Legacy tools', enabled: false }),
      // A command that is not installed, and PostgreSQL as it is seeded: off, no connection yet.
      { id: 'missing', name: 'Not installed yet', kind: 'stdio', command: 'does-not-exist-xyz', args: ['--stdio'] },
      { id: 'postgres', name: 'PostgreSQL', kind: 'bundled', bundled: 'postgres', enabled: false, options: {} },
    ],
    ideFiles: { '.cursor/mcp.json': '{\n  "mcpServers": {}\n}\n' },
  });

  const cursor = await hub.connect('cursor', { name: 'Cursor', version: '1.7.2' });
  const claude = await hub.connect('claude-code', { name: 'claude-code', version: '2.0.14' });
  for (let i = 0; i < 120; i++) await cursor.callTool({ name: 'peek', arguments: {} });
  for (let i = 0; i < 40; i++) await claude.callTool({ name: 'slow', arguments: { ms: 5 + (i % 7) * 3 } });
  await cursor.callTool({ name: 'list_allowed_directories', arguments: {} });
  await cursor.callTool({ name: 'read_text_file', arguments: { path: path.join(notes, 'todo.md') } });

  // One approved, one denied with a reason, then one left waiting.
  const decide = async (args: Record<string, unknown>, verb: string[]) => {
    const call = claude.callTool({ name: 'bump', arguments: args });
    const approval = await waitFor('an approval', async () => (JSON.parse((await hub.cli(['approvals', 'list', '--json'])).stdout) as ApprovalInfo[])[0]);
    await hub.cli(['approvals', ...verb.map((v) => (v === 'ID' ? approval.id : v))]);
    await call;
  };
  await decide({ by: 2, note: 'bump after release' }, ['approve', 'ID']);
  await decide({ by: 50 }, ['deny', 'ID', '--reason', 'too large a step']);
  // The SDK client gives up on a request after 60 s by default; this one waits as long as the tests.
  const waiting = cursor.callTool({ name: 'bump', arguments: { by: 1, note: 'count the deploy of v2.4.0' } }, undefined, { timeout: 900_000 }).catch((e: unknown) => e);
  await waitFor('the waiting approval', async () => (JSON.parse((await hub.cli(['approvals', 'list', '--json'])).stdout) as ApprovalInfo[]).length === 1);
  return { ...hub, waiting };
}

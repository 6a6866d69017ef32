// The secret sweep that closes `npm test` (e2e/setup/secret-sweep.ts) can fail: a run whose suite
// leaves a secret from the ledger in a temp data dir fails on the sweep, which names the file; the
// same run that leaves nothing passes. Run through the real runner (e2e/setup/run-suites.ts), which
// creates the ledger and hands its path to every suite.
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/hub-process.ts';

const RUNNER = path.join(REPO, 'e2e', 'setup', 'run-suites.ts');
const TABLE = path.join(REPO, 'e2e', 'runner', 'fixtures', 'table-secret-sweep.ts');

function run(env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [RUNNER, TABLE], { cwd: REPO, env: { ...process.env, MCP_TRAY_SECRET_LEDGER: undefined, ...env } }, (error, stdout) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout });
    });
  });
}

describe('secret sweep', () => {
  it('fails a run that left a stored secret in a data dir, naming the file', async () => {
    const { code, stdout } = await run();
    expect(code).toBe(1);
    const planted = /planted data dir: (\S+)/.exec(stdout)![1]!;
    expect(stdout).toContain(`LEAK ${path.join(planted, 'settings.json')}: planted-`);
    expect(stdout).toContain('failed suite: secret sweep');
    rmSync(planted, { recursive: true, force: true });
  });

  it('passes a run that left none', async () => {
    const { code, stdout } = await run({ SWEEP_CLEAN: '1' });
    expect(stdout).toContain('secret sweep: no secret found');
    expect(code).toBe(0);
  });
});

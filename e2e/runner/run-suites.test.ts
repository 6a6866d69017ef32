// The runner behind `npm test` (e2e/setup/run-suites.ts), run for real on fixture suite tables:
// small Vitest and Playwright suites that pass, fail, lose their report or run nothing on purpose.
// It must run every suite, name each failed one and exit non-zero.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/hub-process.ts';

const RUNNER = path.join(REPO, 'e2e', 'setup', 'run-suites.ts');

function runTable(table: string): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [RUNNER, path.join(REPO, 'e2e', 'runner', 'fixtures', table)], { cwd: REPO, maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout });
    });
  });
}

/** The summary's line for one suite. */
function summaryLine(stdout: string, suite: string): string | undefined {
  const summary = stdout.slice(stdout.lastIndexOf('── summary'));
  return summary.split('\n').find((line) => line.trimStart().startsWith(`${suite} `));
}

// Each case runs several Vitest and Playwright processes; on a busy two-core machine that takes a while.
describe('npm test runner', { timeout: 240_000 }, () => {
  it('runs every suite past a failing one, names the failing one, and exits non-zero', async () => {
    const { code, stdout } = await runTable('table-failing-suite.ts');
    expect(code).toBe(1);
    expect(summaryLine(stdout, 'fixture: passing')).toMatch(/ok\s+2 passed, 0 failed, 0 skipped$/);
    expect(summaryLine(stdout, 'fixture: failing')).toMatch(/FAILED\s+1 passed, 1 failed, 0 skipped$/);
    expect(summaryLine(stdout, 'fixture: exit code')).toMatch(/ok\s+1 passed, 0 failed, 0 skipped$/);
    // The suite after the failing one ran to its end.
    expect(summaryLine(stdout, 'fixture: passing after')).toMatch(/ok\s+2 passed, 0 failed, 0 skipped$/);
    expect(stdout).toContain('failed suite: fixture: failing: 1 test failed');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('tests: 6 passed, 1 failed, 0 skipped');
  });

  it('counts a suite whose report was deleted as failed, names it, and exits non-zero', async () => {
    const { code, stdout } = await runTable('table-deleted-report.ts');
    expect(code).toBe(1);
    expect(stdout).toMatch(/failed suite: fixture: report deleted: no report: the suite did not run to the end \(exit code 0\)/);
    expect(summaryLine(stdout, 'fixture: passing after')).toMatch(/ok\s+2 passed/);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('tests: 4 passed, 1 failed, 0 skipped');
  });

  it('fails a suite that ran no test', async () => {
    const { code, stdout } = await runTable('table-no-tests.ts');
    expect(code).toBe(1);
    expect(stdout).toContain('failed suite: fixture: no tests: it ran no test');
  });

  it('fails a Playwright suite whose file breaks outside any test', async () => {
    const { code, stdout } = await runTable('table-broken-playwright.ts');
    expect(code).toBe(1);
    expect(stdout).toMatch(/failed suite: fixture: playwright broken file: error outside the tests: .*fixture: this spec file cannot load/);
    expect(summaryLine(stdout, 'fixture: passing')).toMatch(/ok\s+2 passed/);
  });

  it('passes when every suite passed, counting skipped Playwright tests', async () => {
    const { code, stdout } = await runTable('table-all-passing.ts');
    expect(stdout).not.toContain('failed suite:');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('tests: 4 passed, 0 failed, 1 skipped');
    expect(code).toBe(0);
  });
});

// The test runner behind `npm test`: runs every suite of a table (e2e/setup/suites.ts unless a
// module path is given), each to its end even when an earlier one failed, then prints one line per
// suite, names every failed suite, and closes with "tests: N passed, N failed, N skipped". It exits
// non-zero when any suite failed, left no report, or ran no test.
//
//   node e2e/setup/run-suites.ts [suites-module.ts]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { judgeSuite } from './suite-reports.ts';
import type { Counts, Suite, SuiteOutcome } from './suite-types.ts';

function runCommand(command: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command[0]!, command.slice(1), { stdio: 'inherit', env });
    child.on('error', (error) => {
      process.stderr.write(`could not start ${command[0]}: ${error.message}\n`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

async function runSuite(suite: Suite, reportsDir: string, index: number): Promise<SuiteOutcome> {
  const report = path.join(reportsDir, `${index}.json`);
  const command = suite.command.map((part) => part.replaceAll('{report}', report));
  const env = { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: report };
  process.stdout.write(`\n── ${suite.name}\n`);
  const exitCode = await runCommand(command, env);
  return judgeSuite(suite.name, suite.report, exitCode, report);
}

export function summarize(outcomes: readonly SuiteOutcome[]): { lines: string[]; totals: Counts; failed: SuiteOutcome[] } {
  const totals: Counts = { passed: 0, failed: 0, skipped: 0 };
  const width = Math.max(...outcomes.map((o) => o.name.length));
  const lines = ['', '── summary'];
  for (const outcome of outcomes) {
    totals.passed += outcome.counts.passed;
    totals.failed += outcome.counts.failed;
    totals.skipped += outcome.counts.skipped;
    const { passed, failed, skipped } = outcome.counts;
    lines.push(`  ${outcome.name.padEnd(width)}  ${outcome.failure ? 'FAILED' : 'ok    '}  ${passed} passed, ${failed} failed, ${skipped} skipped`);
  }
  const failed = outcomes.filter((o) => o.failure);
  for (const outcome of failed) lines.push(`failed suite: ${outcome.name}: ${outcome.failure}`);
  lines.push(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  return { lines, totals, failed };
}

/**
 * The ledger of secrets the tests store (e2e/helpers/test-secrets.ts), for the secret sweep that
 * runs last (e2e/setup/secret-sweep.ts): its path and the run's start time go to every suite.
 */
function startLedger(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-ledger-'));
  const file = path.join(dir, 'secrets.jsonl');
  writeFileSync(file, '', { mode: 0o600 });
  process.env.MCP_TRAY_SECRET_LEDGER = file;
  process.env.MCP_TRAY_RUN_STARTED = String(Date.now());
  return dir;
}

export async function runSuites(suites: readonly Suite[]): Promise<number> {
  const reportsDir = mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-reports-'));
  const ledgerDir = startLedger();
  const outcomes: SuiteOutcome[] = [];
  try {
    for (const [index, suite] of suites.entries()) outcomes.push(await runSuite(suite, reportsDir, index));
  } finally {
    rmSync(reportsDir, { recursive: true, force: true });
    rmSync(ledgerDir, { recursive: true, force: true });
  }
  const { lines, failed } = summarize(outcomes);
  process.stdout.write(`${lines.join('\n')}\n`);
  return failed.length > 0 ? 1 : 0;
}

if (import.meta.main) {
  const modulePath = process.argv[2] ? path.resolve(process.argv[2]) : path.join(import.meta.dirname, 'suites.ts');
  const table = (await import(pathToFileURL(modulePath).href)) as { suites: (env: NodeJS.ProcessEnv) => Suite[] };
  process.exitCode = await runSuites(table.suites(process.env));
}

// Reads one suite's report and decides whether the suite passed. A suite fails when a test failed,
// when a file or a global setup failed outside any test, when it exited non-zero, when it left no
// report or an unreadable one, or when it ran no test at all (a suite that silently selects nothing
// proves nothing).
import { existsSync, readFileSync } from 'node:fs';
import type { Counts, ReportFormat, SuiteOutcome } from './suite-types.ts';

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
  testResults?: { name: string; status: string; message?: string; assertionResults?: unknown[] }[];
}

interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors?: { message?: string }[];
}

type Reading = { counts: Counts; problems: string[] } | { missing: string };

function readVitest(file: string): Reading {
  const report = JSON.parse(readFileSync(file, 'utf8')) as VitestReport;
  const counts = { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
  const problems: string[] = [];
  if (counts.failed > 0) problems.push(`${counts.failed} test${counts.failed === 1 ? '' : 's'} failed`);
  // A file that fails to load or whose hooks throw has no failed test, only a failed file.
  const brokenFiles = (report.testResults ?? []).filter((file) => file.status === 'failed' && !(file.assertionResults ?? []).some((a) => (a as { status?: string }).status === 'failed'));
  for (const file of brokenFiles) problems.push(`${file.name} failed outside its tests${file.message ? `: ${file.message.split('\n')[0]}` : ''}`);
  counts.failed += brokenFiles.length;
  return { counts, problems };
}

function readPlaywright(file: string): Reading {
  const report = JSON.parse(readFileSync(file, 'utf8')) as PlaywrightReport;
  const { stats } = report;
  const counts = { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
  const problems: string[] = [];
  if (counts.failed > 0) problems.push(`${counts.failed} test${counts.failed === 1 ? '' : 's'} failed`);
  for (const error of report.errors ?? []) {
    problems.push(`error outside the tests: ${(error.message ?? 'unknown').split('\n')[0]}`);
    counts.failed += 1;
  }
  return { counts, problems };
}

function read(format: Exclude<ReportFormat, 'exit-code'>, file: string): Reading {
  if (!existsSync(file)) return { missing: 'no report: the suite did not run to the end' };
  try {
    return format === 'vitest' ? readVitest(file) : readPlaywright(file);
  } catch (error) {
    return { missing: `unreadable report ${file}: ${(error as Error).message}` };
  }
}

/** The outcome of a suite from its exit code and, for suites with one, its report. */
export function judgeSuite(name: string, format: ReportFormat, exitCode: number, reportFile: string): SuiteOutcome {
  if (format === 'exit-code') {
    const passed = exitCode === 0;
    return { name, exitCode, counts: { passed: passed ? 1 : 0, failed: passed ? 0 : 1, skipped: 0 }, failure: passed ? undefined : `exited with ${exitCode}` };
  }
  const reading = read(format, reportFile);
  if ('missing' in reading) {
    return { name, exitCode, counts: { passed: 0, failed: 1, skipped: 0 }, failure: `${reading.missing} (exit code ${exitCode})` };
  }
  const { counts, problems } = reading;
  if (counts.passed + counts.failed + counts.skipped === 0) problems.push('it ran no test');
  if (exitCode !== 0 && problems.length === 0) problems.push(`exited with ${exitCode} although its report shows no failure`);
  if (problems.length > 0 && counts.failed === 0) counts.failed = 1;
  return { name, exitCode, counts, failure: problems.length > 0 ? problems.join('; ') : undefined };
}

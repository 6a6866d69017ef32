// What the test runner knows of a suite, and what it concludes about one.

/**
 * How a suite reports its tests:
 * - `vitest`: Vitest's JSON reporter writes to the `{report}` placeholder in the command;
 * - `playwright`: Playwright's JSON reporter writes to `PLAYWRIGHT_JSON_OUTPUT_NAME`;
 * - `exit-code`: no report (a type check): one check, passed when the command exits 0.
 */
export type ReportFormat = 'vitest' | 'playwright' | 'exit-code';

export interface Suite {
  readonly name: string;
  readonly command: readonly string[];
  readonly report: ReportFormat;
}

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

export interface SuiteOutcome {
  readonly name: string;
  readonly exitCode: number;
  readonly counts: Counts;
  /** Why the suite counts as failed; undefined when it passed. */
  readonly failure: string | undefined;
}

// Secret values for tests, and the ledger of them. `testSecret(label)` returns a unique random value
// and, when the test runner set MCP_TRAY_SECRET_LEDGER (e2e/setup/run-suites.ts does), appends it to
// that file; the last suite of `npm test` (e2e/setup/secret-sweep.ts) then searches every data dir,
// log and HOME the run left for each value. A test that stores a secret takes it from here.
import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';

export const LEDGER_ENV = 'MCP_TRAY_SECRET_LEDGER';

/**
 * A fresh secret: `<label>-<random>` by default, or `shape(random)` for a value that must look a
 * certain way (a GitHub token, a URL with a password). The random part alone is never shorter than
 * 16 characters, so a byte search for it cannot match by chance.
 */
export function testSecret(label: string, shape?: (random: string) => string): string {
  const random = randomBytes(12).toString('base64url').replace(/[-_]/g, 'x');
  const value = shape ? shape(random) : `${label}-${random}`;
  recordTestSecret(value);
  return value;
}

/** Adds a value the test did not make here (a password inside a URL it built) to the ledger. */
export function recordTestSecret(value: string): void {
  const ledger = process.env[LEDGER_ENV];
  if (ledger) appendFileSync(ledger, `${JSON.stringify(value)}\n`, { mode: 0o600 });
}

// Command line of the postgres server. The connection URL is never an argument (argv is visible
// to every user of the machine): it comes from the POSTGRES_URL environment variable, which MCP
// Tray fills from the OS keychain.
import { parseArgs } from 'node:util';
import { integerOption } from '../common/cli-numbers.ts';
import { DEFAULT_MAX_OUTPUT_BYTES } from '../common/output-cap.ts';

export interface PostgresServerOptions {
  /** Most rows a query or execute returns; pg_query's max_rows cannot exceed it. */
  readonly rowLimit: number;
  readonly statementTimeoutMs: number;
  readonly maxOutputBytes: number;
}

export const USAGE = 'usage: POSTGRES_URL=postgres://user:password@host/db node servers/postgres/main.ts [--row-limit N] [--statement-timeout-ms MS] [--max-output-bytes N]';

export function parsePostgresServerArgs(argv: string[]): PostgresServerOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      'row-limit': { type: 'string' },
      'statement-timeout-ms': { type: 'string' },
      'max-output-bytes': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  return {
    rowLimit: integerOption(values['row-limit'], 'row-limit', 500, 1, 100_000),
    statementTimeoutMs: integerOption(values['statement-timeout-ms'], 'statement-timeout-ms', 30_000, 100, 3_600_000),
    maxOutputBytes: integerOption(values['max-output-bytes'], 'max-output-bytes', DEFAULT_MAX_OUTPUT_BYTES, 1024, 64 * 1024 * 1024),
  };
}

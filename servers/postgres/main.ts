// The bundled PostgreSQL server (docs/bundled-servers.md): MCP over stdio, `pg` underneath. Read tools run in
// READ ONLY transactions; pg_execute changes data in a transaction of its own. The connection URL
// comes from POSTGRES_URL (MCP Tray fills it from the OS keychain) and never appears in output.
// Run on its own: POSTGRES_URL=postgres://user:pw@localhost/db node servers/postgres/main.ts
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import pg from 'pg';
import { exitWithParent } from '../shared/exit-with-parent.ts';
import { stderrLog } from '../shared/stderr-log.ts';
import { describeError } from './pg-errors.ts';
import { registerReadTools } from './read-tools.ts';
import { SecretScrubber } from './secret-scrubber.ts';
import { parsePostgresServerArgs, USAGE, type PostgresServerOptions } from './server-options.ts';
import { registerWriteTools } from './write-tools.ts';
import { SERVERS_VERSION } from '../shared/version.ts';

const log = stderrLog('postgres');

let options: PostgresServerOptions;
try {
  options = parsePostgresServerArgs(process.argv.slice(2));
} catch (error) {
  log(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}

const url = process.env.POSTGRES_URL;
// Nothing this process might start should inherit the secret.
delete process.env.POSTGRES_URL;
if (!url) {
  log(`POSTGRES_URL is not set: it must hold the connection URL (in MCP Tray: mcp-tray secrets set postgres POSTGRES_URL)\n${USAGE}`);
  process.exit(2);
}
const scrubber = new SecretScrubber(url);

const pool = new pg.Pool({
  connectionString: url,
  max: 4,
  idleTimeoutMillis: 30_000,
  connectionTimeoutMillis: 10_000,
  application_name: 'mcp-tray-postgres',
});
// An idle connection the server drops must not crash the process; the pool replaces it.
pool.on('error', (error) => log(`idle connection lost: ${describeError(error, scrubber)}`));

exitWithParent(() => pool.end());

const server = new McpServer({ name: 'mcp-tray-postgres', version: SERVERS_VERSION }, { capabilities: { tools: {} } });
const context = { pool, scrubber, options, log };
registerReadTools(server, context);
registerWriteTools(server, context);
await server.connect(new StdioServerTransport());
log(`ready; row limit ${options.rowLimit}, statement timeout ${options.statementTimeoutMs} ms`);

// Say early in the server log whether the database is reachable; tools report it per call too.
pool
  .query('SELECT current_user AS "user", current_database() AS database, version() AS version')
  .then(({ rows }) => log(`connected to ${rows[0]?.database} as ${rows[0]?.user} (${String(rows[0]?.version).split(' on ')[0]})`))
  .catch((error: unknown) => log(`cannot connect yet: ${describeError(error, scrubber)}`));

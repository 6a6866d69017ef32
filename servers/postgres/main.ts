// The bundled PostgreSQL server (docs/bundled-servers.md): MCP over stdio, `pg` underneath. Read tools run in
// READ ONLY transactions; pg_execute changes data in a transaction of its own. The connection URL
// comes from POSTGRES_URL (MCP Tray fills it from the OS keychain) and never appears in output.
// Before it answers, it checks whether the role can reach beyond a read-only transaction: if so,
// pg_query is listed as a write tool and the instructions say why (role-check.ts).
// Run on its own: POSTGRES_URL=postgres://user:pw@localhost/db node servers/postgres/main.ts
import '../common/small-young-generation.ts'; // first: before anything else loads
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import pg from 'pg';
import { exitWithParent } from '../common/exit-with-parent.ts';
import { stderrLog } from '../common/stderr-log.ts';
import { describeError } from './pg-errors.ts';
import { registerReadTools } from './read-tools.ts';
import { RoleCheck, roleInstructions } from './role-check.ts';
import { loadSqlGuard } from './sql-guard.ts';
import { SecretScrubber } from './secret-scrubber.ts';
import { parsePostgresServerArgs, USAGE, type PostgresServerOptions } from './server-options.ts';
import { registerWriteTools } from './write-tools.ts';
import { postgresPreviewer } from './write-preview.ts';
import { registerPreviewTool } from '../common/preview-tool.ts';
import { SERVERS_VERSION } from '../common/version.ts';

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

// The role decides whether pg_query is a read tool, so it is checked before the tool list exists;
// a database that does not answer within a few seconds leaves pg_query a write tool for now.
const role = new RoleCheck(pool, (error) => describeError(error, scrubber));
await Promise.all([loadSqlGuard(), role.check(5000)]);
const found = role.state;
if (found.checked) log(`connected to ${found.database} as ${found.role}${found.reasons.length ? `; pg_query is a write tool here: ${found.reasons.join('; ')}` : ''}`);
else log(`cannot connect yet: ${found.error}`);

const server = new McpServer({ name: 'mcp-tray-postgres', version: SERVERS_VERSION }, { capabilities: { tools: { listChanged: true } }, instructions: roleInstructions(found) });
const context = { pool, scrubber, options, log, role };
registerReadTools(server, context);
registerWriteTools(server, context);
// Hidden: MCP Tray's preview of a write call before the user approves it (never listed to clients).
registerPreviewTool(server, postgresPreviewer(context));
await server.connect(new StdioServerTransport());
log(`ready; row limit ${options.rowLimit}, statement timeout ${options.statementTimeoutMs} ms`);
role.onChange((state) => log(state.checked ? `role checked: ${state.reasons.length ? `pg_query is a write tool: ${state.reasons.join('; ')}` : 'pg_query is a read tool'}` : `role check failed: ${state.error}`));

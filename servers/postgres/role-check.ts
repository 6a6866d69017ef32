// Can the connection's role reach beyond a READ ONLY transaction? A superuser (or a role that can
// SET ROLE to one) can run programs, read and write server files and change the configuration;
// members of pg_execute_server_program / pg_read_server_files / pg_write_server_files can do the
// part their name says; with dblink or postgres_fdw installed in the database, any role can open a
// second connection whose writes commit on their own. For such a role pg_query is offered as a
// write tool (no readOnlyHint), so MCP Tray's write mode and approvals apply, and the server says
// why in its instructions, with the SQL for a role that can only read.
//
// Checked once at start; if the database cannot be reached then, pg_query starts as a write tool
// and the check is retried at each tool call until it succeeds (the tool list then changes).
import type pg from 'pg';

export interface RoleFindings {
  readonly role: string;
  readonly database: string;
  /** Why this role can escape a read-only transaction; empty when it cannot. */
  readonly reasons: readonly string[];
  /** Extensions installed in the database that open connections of their own. */
  readonly connectingExtensions: readonly string[];
}

export type RoleState = { readonly checked: false; readonly error: string } | ({ readonly checked: true } & RoleFindings);

const SERVER_ROLES = ['pg_execute_server_program', 'pg_read_server_files', 'pg_write_server_files'];
const CONNECTING_EXTENSIONS = ['dblink', 'postgres_fdw'];

export const ROLE_QUERY = `
SELECT current_user::text AS role,
       current_database()::text AS database,
       r.rolsuper AS superuser,
       (SELECT string_agg(s.rolname::text, ', ' ORDER BY s.rolname) FROM pg_roles s
          WHERE s.rolsuper AND s.rolname <> current_user AND pg_has_role(current_user, s.oid, 'MEMBER')) AS superuser_roles,
       ARRAY(SELECT g FROM unnest($1::text[]) AS g
          WHERE EXISTS (SELECT 1 FROM pg_roles p WHERE p.rolname = g) AND pg_has_role(current_user, g, 'MEMBER')) AS server_roles,
       ARRAY(SELECT extname::text FROM pg_extension WHERE extname = ANY($2::text[]) ORDER BY extname) AS extensions
  FROM pg_roles r WHERE r.rolname = current_user`;

/** Inspects the role of a fresh connection from the pool (read-only queries on the catalog only). */
export async function inspectRole(pool: pg.Pool): Promise<RoleFindings> {
  const { rows } = await pool.query<{ role: string; database: string; superuser: boolean; superuser_roles: string | null; server_roles: string[]; extensions: string[] }>(ROLE_QUERY, [
    SERVER_ROLES,
    CONNECTING_EXTENSIONS,
  ]);
  const row = rows[0];
  if (!row) throw new Error('the role of this connection is not in pg_roles');
  const reasons: string[] = [];
  if (row.superuser) reasons.push(`"${row.role}" is a superuser`);
  else {
    if (row.superuser_roles) reasons.push(`"${row.role}" can SET ROLE to the superuser ${row.superuser_roles}`);
    for (const role of row.server_roles) reasons.push(`"${row.role}" is a member of ${role}`);
  }
  for (const extension of row.extensions) reasons.push(`${extension} is installed in database "${row.database}" (it opens connections whose writes commit on their own)`);
  return { role: row.role, database: row.database, reasons, connectingExtensions: row.extensions };
}

export function canEscape(state: RoleState): boolean {
  return !state.checked || state.reasons.length > 0;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The SQL that creates a role pg_query can run as without approval. */
export function leastPrivilegeSql(database: string): string {
  const db = quoteIdent(database);
  return [
    "CREATE ROLE mcp_reader LOGIN PASSWORD 'choose-a-password' NOSUPERUSER NOCREATEDB NOCREATEROLE;",
    `GRANT CONNECT ON DATABASE ${db} TO mcp_reader;`,
    'GRANT USAGE ON SCHEMA public TO mcp_reader;',
    'GRANT SELECT ON ALL TABLES IN SCHEMA public TO mcp_reader;',
    'ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO mcp_reader;',
  ].join(' ');
}

/** The server's instructions (shown on its card in MCP Tray, and to clients): empty when all is well. */
export function roleInstructions(state: RoleState): string | undefined {
  if (!state.checked) {
    return (
      `pg_query is offered as a write tool for now: the role of this connection could not be checked (${state.error}). ` +
      'It becomes a read tool once the database answers and the role turns out unable to reach beyond a read-only transaction.'
    );
  }
  if (state.reasons.length === 0) return undefined;
  const extensions = state.connectingExtensions.length
    ? ` and connect to a database without ${state.connectingExtensions.join(' or ')} (or DROP EXTENSION ${state.connectingExtensions.join(', ')} where nothing needs it)`
    : '';
  return (
    `pg_query is offered as a write tool (it needs write mode, and approval in "ask" mode) because this connection can reach beyond a read-only transaction: ${state.reasons.join('; ')}. ` +
    `To let pg_query run without approval, store a POSTGRES_URL for a role that can only read${extensions}, e.g.: ${leastPrivilegeSql(state.database)}`
  );
}

/** What pg_query's description adds for this role: empty when it is a plain read tool. */
export function pgQueryCaveat(state: RoleState): string {
  if (!state.checked) return ' NOT treated as read-only until the role of this connection has been checked (the database did not answer yet).';
  if (state.reasons.length === 0) return '';
  return ` NOT read-only with this connection: ${state.reasons.join('; ')}. It therefore needs write mode; the server's instructions give the SQL for a role that can only read.`;
}

const RETRY_EVERY_MS = 5000;

/** The current finding for this server's connection, re-checked while it is unknown. */
export class RoleCheck {
  #state: RoleState = { checked: false, error: 'not checked yet' };
  #lastAttempt = 0;
  #running: Promise<void> | undefined;
  readonly #pool: pg.Pool;
  readonly #describe: (error: unknown) => string;
  readonly #changed = new Set<(state: RoleState) => void>();

  constructor(pool: pg.Pool, describe: (error: unknown) => string) {
    this.#pool = pool;
    this.#describe = describe;
  }

  get state(): RoleState {
    return this.#state;
  }

  onChange(listener: (state: RoleState) => void): void {
    this.#changed.add(listener);
  }

  /** Checks now; gives up waiting after `timeoutMs` (the check goes on and may still land). */
  check(timeoutMs = 30_000): Promise<void> {
    this.#running ??= (async () => {
      this.#lastAttempt = Date.now();
      let next: RoleState;
      try {
        next = { checked: true, ...(await inspectRole(this.#pool)) };
      } catch (error) {
        next = { checked: false, error: this.#describe(error) };
      }
      const was = this.#state;
      this.#state = next;
      if (canEscape(was) !== canEscape(next) || pgQueryCaveat(was) !== pgQueryCaveat(next)) for (const listener of this.#changed) listener(next);
    })().finally(() => {
      this.#running = undefined;
    });
    return Promise.race([this.#running, new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref())]);
  }

  /** Before a tool call: while the role is unknown, try again (at most every 5 s). */
  async ensureChecked(): Promise<void> {
    if (this.#state.checked || Date.now() - this.#lastAttempt < RETRY_EVERY_MS) return;
    await this.check(10_000);
  }
}

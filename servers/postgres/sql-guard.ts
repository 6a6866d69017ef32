// What pg_query refuses before PostgreSQL sees it: statements and functions whose effect a READ
// ONLY transaction does not stop or a rollback does not undo. COPY reads and writes server files and
// runs programs; file, large-object and server-control functions act outside the transaction;
// dblink opens a connection of its own that commits; query_to_xml() and friends run SQL given as
// text, which this check cannot see into; session-level advisory locks and set_config(…, false)
// outlive the call. Plain writes (INSERT, CREATE, nextval…) are left to the READ ONLY transaction,
// which refuses them with PostgreSQL's own message.
//
// Why a parser and not patterns: the statement is parsed by PostgreSQL's own grammar (libpg-query,
// the real parser compiled to WebAssembly, shipped in the npm package; nothing is downloaded), so
// quoting, comments, schema qualification ("pg_catalog"."pg_read_file"), U&"…" escapes and dollar
// quoting are resolved exactly as the server will resolve them. Regular expressions over SQL text
// get each of those wrong in some way. pgsql-ast-parser was the other candidate: a hand-written
// grammar, which fails on valid PostgreSQL and so would have to fail open or refuse good queries.
//
// This is a second line. The first is the role: a role that can escape (a superuser, a member of
// pg_execute_server_program / pg_read_server_files / pg_write_server_files, a database with dblink
// or postgres_fdw) gets pg_query as a write tool (role-check.ts), because a list of names can never
// be complete for a role that can do anything.
import { loadModule, parseSync } from 'libpg-query';

const FILES = 'it reads or writes files on the database server';
const CONTROL = 'it acts on the database server itself';
const OUTSIDE = 'its effect outlives the read-only transaction';
const REMOTE = 'it opens a connection of its own, outside the read-only transaction';
const AS_TEXT = 'it runs SQL given as text, which pg_query cannot check';

const FUNCTIONS = new Map<string, string>([
  ...['pg_stat_file', 'pg_logdir_ls', 'loread', 'lowrite'].map((name) => [name, FILES] as const),
  ...[
    'pg_reload_conf',
    'pg_rotate_logfile',
    'pg_terminate_backend',
    'pg_cancel_backend',
    'pg_promote',
    'pg_switch_wal',
    'pg_create_restore_point',
    'pg_backup_start',
    'pg_backup_stop',
    'pg_start_backup',
    'pg_stop_backup',
    'pg_wal_replay_pause',
    'pg_wal_replay_resume',
    'pg_log_backend_memory_contexts',
    'pg_log_standby_snapshot',
    'pg_import_system_collations',
    'pg_sync_replication_slots',
    'pg_stat_statements_reset',
  ].map((name) => [name, CONTROL] as const),
  ...[
    'pg_notify',
    'set_config',
    'setval',
    'pg_advisory_lock',
    'pg_advisory_lock_shared',
    'pg_try_advisory_lock',
    'pg_try_advisory_lock_shared',
    'pg_advisory_unlock',
    'pg_advisory_unlock_shared',
    'pg_advisory_unlock_all',
  ].map((name) => [name, OUTSIDE] as const),
  ...['query_to_xml', 'query_to_xmlschema', 'query_to_xml_and_xmlschema', 'cursor_to_xml', 'cursor_to_xmlschema', 'ts_stat', 'connectby', 'xpath_table'].map(
    (name) => [name, AS_TEXT] as const,
  ),
]);

const PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['pg_read_', FILES],
  ['pg_ls_', FILES],
  ['pg_file_', FILES],
  ['lo_', FILES],
  ['dblink', REMOTE],
  ['crosstab', AS_TEXT],
  ['pg_stat_reset', CONTROL],
  ['pg_replication_origin_', CONTROL],
  ['pg_replication_slot_', CONTROL],
  ['pg_create_', CONTROL],
  ['pg_drop_', CONTROL],
  ['pg_copy_', CONTROL],
  ['pg_logical_', OUTSIDE],
];

const STATEMENTS = new Map<string, string>([
  ['CopyStmt', 'COPY: it reads or writes files and runs programs on the database server, which a read-only transaction does not stop'],
  ['DoStmt', 'DO blocks: they run code that pg_query cannot check'],
  ['CallStmt', 'CALL: procedures can end the transaction they run in'],
  ['LoadStmt', 'LOAD: it loads a library into the database server'],
  ['AlterSystemStmt', 'ALTER SYSTEM: it changes the server configuration'],
]);

let loaded: Promise<void> | undefined;

/** Loads the parser (WebAssembly, from the package) once; call before the first check. */
export function loadSqlGuard(): Promise<void> {
  loaded ??= loadModule();
  return loaded;
}

/** Why a function may not be called from pg_query, or undefined when it may. */
export function refusedFunction(name: string): string | undefined {
  const exact = FUNCTIONS.get(name);
  if (exact) return exact;
  return PREFIXES.find(([prefix]) => name.startsWith(prefix))?.[1];
}

/**
 * Undefined when `sql` may run in pg_query's READ ONLY transaction; otherwise the one-line reason
 * it is refused, beginning "pg_query refuses". A statement that does not parse is refused with the
 * parser's message (PostgreSQL would refuse it too).
 */
export function pgQueryRefusal(sql: string): string | undefined {
  let tree: unknown;
  try {
    tree = parseSync(sql);
  } catch (error) {
    const detail = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails;
    const at = detail?.cursorPosition !== undefined && detail.cursorPosition >= 0 ? ` (at character ${detail.cursorPosition + 1})` : '';
    return `pg_query refuses this statement: ${(error as Error).message}${at}`;
  }
  const found = firstRefused(tree);
  return found && `pg_query refuses ${found}; use pg_execute (it needs write mode) if you mean it`;
}

/** Walks every node of the parse tree; the first statement or function call that is refused. */
function firstRefused(node: unknown): string | undefined {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = firstRefused(item);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof node !== 'object' || node === null) return undefined;
  for (const [key, value] of Object.entries(node)) {
    const statement = STATEMENTS.get(key);
    if (statement) return statement;
    if (key === 'FuncCall') {
      const name = functionName(value);
      const reason = name === undefined ? undefined : refusedFunction(name);
      if (reason) return `${name}(): ${reason}`;
    }
    const found = firstRefused(value);
    if (found) return found;
  }
  return undefined;
}

/** The function's own name (the last part of a qualified name), as PostgreSQL resolved it. */
function functionName(call: unknown): string | undefined {
  const parts = (call as { funcname?: Array<{ String?: { sval?: string } }> }).funcname;
  return parts?.at(-1)?.String?.sval;
}

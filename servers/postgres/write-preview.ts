// What pg_execute would change, found by running the statement for real inside a transaction that
// is always rolled back: rows affected and a sample of the changed rows (RETURNING *, added when the
// statement has none). Only for a role that cannot reach beyond the transaction (role-check.ts):
// for one that can, a rollback proves nothing, and the preview is the SQL alone. Only INSERT,
// UPDATE, DELETE and MERGE are run: what DDL or a utility statement would do is shown as SQL.
// lock_timeout 2 s: a preview never waits behind another transaction's locks; statement_timeout 5 s.
import type pg from 'pg';
import { parseSync } from 'libpg-query';
import type { ServerPreview } from '../common/preview-tool.ts';
import { canEscape } from './role-check.ts';
import { jsonSafe, rowsWithinBytes } from './result-format.ts';
import type { PgToolContext } from './tool-context.ts';
import { describeError } from './pg-errors.ts';

const SAMPLE_ROWS = 20;
const SAMPLE_BYTES = 32 * 1024;
const PREVIEW_STATEMENT_TIMEOUT = '5s';
const PREVIEW_LOCK_TIMEOUT = '2s';
const RUN_KINDS = new Map([
  ['InsertStmt', 'INSERT'],
  ['UpdateStmt', 'UPDATE'],
  ['DeleteStmt', 'DELETE'],
  ['MergeStmt', 'MERGE'],
]);

interface Parsed {
  readonly kind?: string;
  readonly returning: boolean;
}

function parseOne(sql: string): Parsed | string {
  let tree: { stmts?: Array<{ stmt?: Record<string, { returningList?: unknown[] }> }> };
  try {
    tree = parseSync(sql) as typeof tree;
  } catch (error) {
    return `the statement does not parse: ${(error as Error).message}`;
  }
  if (tree.stmts?.length !== 1) return 'a preview runs exactly one statement';
  const [type, node] = Object.entries(tree.stmts[0]?.stmt ?? {})[0] ?? [];
  return { kind: type && RUN_KINDS.get(type), returning: Array.isArray(node?.returningList) && node.returningList.length > 0 };
}

export async function previewExecute(ctx: PgToolContext, args: Record<string, unknown>): Promise<ServerPreview> {
  const sql = typeof args.sql === 'string' ? args.sql : undefined;
  const params = Array.isArray(args.params) ? args.params : [];
  if (!sql) return { kind: 'none', reason: 'the call has no SQL statement' };
  await ctx.role.ensureChecked();
  const role = ctx.role.state;
  if (canEscape(role)) {
    const why = role.checked ? role.reasons.join('; ') : `the role could not be checked (${role.error})`;
    return { kind: 'none', reason: `not run in a rolled-back transaction, because its effect could reach beyond the transaction: ${why}` };
  }
  const parsed = parseOne(sql);
  if (typeof parsed === 'string') return { kind: 'none', reason: parsed };
  if (!parsed.kind) return { kind: 'none', reason: 'only INSERT, UPDATE, DELETE and MERGE are previewed; this statement is shown as SQL' };

  const client = await ctx.pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL lock_timeout = '${PREVIEW_LOCK_TIMEOUT}'`);
    await client.query(`SET LOCAL statement_timeout = '${PREVIEW_STATEMENT_TIMEOUT}'`);
    let result: pg.QueryArrayResult | undefined;
    let note: string | undefined;
    if (!parsed.returning && parsed.kind !== 'MERGE') {
      // A sample of the changed rows: try the statement with RETURNING *; a form that does not
      // take it (a trailing comment, say) falls back to the statement as written.
      await client.query('SAVEPOINT mcp_tray_preview');
      try {
        result = await client.query({ text: `${sql.replace(/[\s;]+$/, '')}\nRETURNING *`, values: params, rowMode: 'array', queryMode: 'extended' } as pg.QueryArrayConfig);
      } catch {
        await client.query('ROLLBACK TO SAVEPOINT mcp_tray_preview');
        note = 'no sample of the changed rows: RETURNING could not be added to this statement';
      }
    }
    result ??= await client.query({ text: sql, values: params, rowMode: 'array', queryMode: 'extended' } as pg.QueryArrayConfig);
    const columns = result.fields.map((field) => field.name);
    const all = (result.rows as unknown[][]).map((row) => row.map(jsonSafe));
    const rows = rowsWithinBytes(all.slice(0, SAMPLE_ROWS), SAMPLE_BYTES);
    if (rows.length < all.length) note = `a sample: ${rows.length} of ${all.length} changed rows`;
    return { kind: 'rows', command: result.command ?? parsed.kind, rowsAffected: result.rowCount, columns, rows, ...(note ? { note } : {}) };
  } catch (error) {
    return { kind: 'none', reason: `the statement failed in the rolled-back trial run: ${describeError(error, ctx.scrubber).split('\n')[0]}` };
  } finally {
    try {
      await client.query('ROLLBACK');
      await client.query('DISCARD ALL');
    } catch (error) {
      broken = error as Error;
    }
    client.release(broken);
  }
}

export function postgresPreviewer(ctx: PgToolContext) {
  return async (tool: string, args: Record<string, unknown>): Promise<ServerPreview> => {
    // Rows and messages leave through the scrubber, like every answer of this server.
    if (tool === 'pg_execute') return ctx.scrubber.scrubDeep(await previewExecute(ctx, args));
    return { kind: 'none', reason: `the postgres server has no preview for ${tool}` };
  };
}

// The postgres tools that only read: schemas, tables, a table's description, and pg_query. Each
// runs in a READ ONLY transaction with a statement timeout, which is always rolled back. pg_query
// first refuses what a read-only transaction does not stop (sql-guard.ts), and is a read tool only
// for a role that cannot reach beyond the transaction (role-check.ts); otherwise it is listed
// without readOnlyHint, so MCP Tray's write mode and approvals apply to it.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type pg from 'pg';
import { z } from 'zod';
import { CONSTRAINTS, COLUMNS, FIND_RELATION, INDEXES, LIST_SCHEMAS, LIST_TABLES, REFERENCED_BY } from './catalog-queries.ts';
import { queryCapped } from './capped-query.ts';
import { columnsOf } from './column-types.ts';
import { formatTable, jsonSafe, objectsTable, rowsWithinBytes } from './result-format.ts';
import { columnsShape, rowsShape, sqlParamsField } from './sql-fields.ts';
import { canEscape, pgQueryCaveat, type RoleState } from './role-check.ts';
import { pgQueryRefusal } from './sql-guard.ts';
import { answer, type PgToolContext } from './tool-context.ts';
import { inReadOnlyTransaction } from './transactions.ts';

export const READ_ANNOTATIONS: ToolAnnotations = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };
/** pg_query for a role that can escape: honest about what it may do. */
const ESCAPABLE_ANNOTATIONS: ToolAnnotations = { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true };

type Row = Record<string, unknown>;
const safeRows = (rows: Row[]): Row[] => rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, jsonSafe(v)])));

export function registerReadTools(server: McpServer, ctx: PgToolContext): void {
  const { pool, options } = ctx;
  const readOnly = <T>(work: (client: pg.PoolClient) => Promise<T>) => inReadOnlyTransaction(pool, options, work);

  server.registerTool(
    'pg_list_schemas',
    {
      title: 'List schemas',
      description: 'Lists the schemas of the database with their owner and number of tables/views.',
      inputSchema: { include_system: z.boolean().default(false).describe('Also list pg_catalog, information_schema and other pg_* schemas.') },
      outputSchema: { schemas: z.array(z.object({ schema: z.string(), owner: z.string(), relations: z.number(), comment: z.string().nullable() })) },
      annotations: { ...READ_ANNOTATIONS, title: 'List schemas' },
    },
    ({ include_system }) =>
      answer(ctx, 'pg_list_schemas', async () => {
        const rows = await readOnly(async (client) => (await client.query<Row>(LIST_SCHEMAS, [include_system])).rows);
        return { text: formatTable(objectsTable(rows, ['schema', 'owner', 'relations', 'comment']), options.maxOutputBytes), structured: { schemas: safeRows(rows) } };
      }),
  );

  server.registerTool(
    'pg_list_tables',
    {
      title: 'List tables',
      description: 'Lists tables, views, materialized views and foreign tables, with an estimated row count, in one schema or in all non-system schemas.',
      inputSchema: { schema: z.string().max(63).optional().describe('Only this schema (exact name, e.g. "public"). Default: every non-system schema.') },
      outputSchema: {
        tables: z.array(z.object({ schema: z.string(), name: z.string(), kind: z.string(), estimated_rows: z.union([z.string(), z.number()]).nullable(), comment: z.string().nullable() })),
        truncated: z.boolean(),
      },
      annotations: { ...READ_ANNOTATIONS, title: 'List tables' },
    },
    ({ schema }) =>
      answer(ctx, 'pg_list_tables', async () => {
        const limit = options.rowLimit;
        const all = await readOnly(async (client) => (await client.query<Row>(LIST_TABLES, [schema ?? null, limit + 1])).rows);
        const rows = all.slice(0, limit);
        const truncated = all.length > limit;
        const text = rows.length === 0 ? `No tables${schema ? ` in schema "${schema}"` : ''}.` : formatTable(objectsTable(rows, ['schema', 'name', 'kind', 'estimated_rows', 'comment']), options.maxOutputBytes);
        return { text: truncated ? `${text}\n[truncated: only the first ${limit} relations are listed; pass schema to narrow]` : text, structured: { tables: safeRows(rows), truncated } };
      }),
  );

  server.registerTool(
    'pg_describe_table',
    {
      title: 'Describe a table',
      description: 'Describes a table or view: columns (type, nullability, default, identity), indexes, constraints (primary/foreign keys, unique, check) and foreign keys from other tables that reference it.',
      inputSchema: {
        table: z.string().min(1).max(63).describe('The table or view name, exactly as stored (usually lower case), without schema.'),
        schema: z.string().min(1).max(63).default('public').describe('Its schema (default "public").'),
      },
      outputSchema: {
        schema: z.string(),
        table: z.string(),
        kind: z.string(),
        comment: z.string().nullable(),
        columns: z.array(z.record(z.string(), z.unknown())),
        indexes: z.array(z.record(z.string(), z.unknown())),
        constraints: z.array(z.record(z.string(), z.unknown())),
        referenced_by: z.array(z.record(z.string(), z.unknown())),
      },
      annotations: { ...READ_ANNOTATIONS, title: 'Describe a table' },
    },
    ({ schema, table }) =>
      answer(ctx, 'pg_describe_table', async () => {
        const described = await readOnly(async (client) => {
          const found = (await client.query<{ oid: number; kind: string; comment: string | null }>(FIND_RELATION, [schema, table])).rows[0];
          if (!found) return undefined;
          const [columns, indexes, constraints, referencedBy] = [
            (await client.query<Row>(COLUMNS, [found.oid])).rows,
            (await client.query<Row>(INDEXES, [found.oid])).rows,
            (await client.query<Row>(CONSTRAINTS, [found.oid])).rows,
            (await client.query<Row>(REFERENCED_BY, [found.oid])).rows,
          ];
          return { found, columns, indexes, constraints, referencedBy };
        });
        if (!described) throw new Error(`no table or view "${table}" in schema "${schema}"; see pg_list_tables for the names`);
        const { found, columns, indexes, constraints, referencedBy } = described;
        const max = options.maxOutputBytes;
        const sections = [
          `${found.kind} ${schema}.${table}${found.comment ? ` — ${found.comment}` : ''}`,
          '',
          'Columns:',
          formatTable(objectsTable(columns, ['name', 'type', 'nullable', 'default', 'identity', 'generated', 'comment']), max),
          '',
          indexes.length ? `Indexes:\n${indexes.map((i) => `- ${i.name}: ${i.definition}`).join('\n')}` : 'Indexes: none',
          constraints.length ? `Constraints:\n${constraints.map((c) => `- ${c.name} (${c.type}): ${c.definition}`).join('\n')}` : 'Constraints: none',
          referencedBy.length ? `Referenced by:\n${referencedBy.map((r) => `- ${r.table}.${r.name}: ${r.definition}`).join('\n')}` : 'Referenced by: none',
        ];
        return {
          text: sections.join('\n'),
          structured: {
            schema,
            table,
            kind: found.kind,
            comment: found.comment,
            columns: safeRows(columns),
            indexes: safeRows(indexes),
            constraints: safeRows(constraints),
            referenced_by: safeRows(referencedBy),
          },
        };
      }),
  );

  const queryDescription = (role: RoleState) =>
    `Runs one SQL statement (SELECT, WITH, VALUES, SHOW, EXPLAIN…) in a READ ONLY transaction that is then rolled back, so it cannot change data; ` +
    `writes fail with "cannot execute … in a read-only transaction" (use pg_execute for those). COPY, DO, file, large-object, server-control and dblink functions are refused. ` +
    `Statement timeout ${options.statementTimeoutMs} ms; at most ${options.rowLimit} rows are returned, as a table and as structured rows.${pgQueryCaveat(role)}`;
  const queryAnnotations = (role: RoleState): ToolAnnotations => ({ ...(canEscape(role) ? ESCAPABLE_ANNOTATIONS : READ_ANNOTATIONS), title: 'Run a read-only query' });

  const query = server.registerTool(
    'pg_query',
    {
      title: 'Run a read-only query',
      description: queryDescription(ctx.role.state),
      inputSchema: {
        sql: z.string().min(1).max(100_000).describe('One SQL statement. Use $1, $2, … with params for values.'),
        params: sqlParamsField,
        max_rows: z
          .number()
          .int()
          .min(1)
          .max(options.rowLimit)
          .default(Math.min(100, options.rowLimit))
          .describe(`Return at most this many rows (default ${Math.min(100, options.rowLimit)}, at most ${options.rowLimit}); "truncated" says whether more existed.`),
      },
      outputSchema: {
        columns: columnsShape,
        rows: rowsShape,
        row_count: z.number().int().describe('Rows returned here.'),
        truncated: z.boolean().describe('More rows existed than were returned.'),
      },
      annotations: queryAnnotations(ctx.role.state),
    },
    ({ sql, params, max_rows }) =>
      answer(ctx, 'pg_query', async () => {
        const refusal = pgQueryRefusal(sql);
        if (refusal) throw new Error(refusal);
        const { columns, rows, truncated } = await readOnly(async (client) => {
          const result = await queryCapped(client, sql, params ?? [], max_rows);
          return { columns: await columnsOf(client, result.fields), rows: result.rows.map((row) => row.map(jsonSafe)), truncated: result.truncated };
        });
        const kept = rowsWithinBytes(rows, options.maxOutputBytes);
        const cut = truncated || kept.length < rows.length;
        const summary = `${kept.length} row${kept.length === 1 ? '' : 's'}${cut ? ` [truncated: more rows exist; narrow the query or raise max_rows (limit ${options.rowLimit})]` : ''}`;
        const text = columns.length === 0 ? 'The statement returned no result set.' : `${formatTable({ columns, rows: kept }, options.maxOutputBytes)}\n${summary}`;
        return { text, structured: { columns, rows: kept, row_count: kept.length, truncated: cut } };
      }),
  );

  // The role was checked (again) and pg_query's class changed: the tool list changes with it.
  ctx.role.onChange((role) => query.update({ description: queryDescription(role), annotations: queryAnnotations(role) }));
}

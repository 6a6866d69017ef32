// pg_execute: the one tool that changes data. One statement, in a transaction that is committed
// when it succeeds and rolled back when it fails; it reports the rows affected. MCP Tray lists it
// only with write mode on for this server.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type pg from 'pg';
import { z } from 'zod';
import { columnsOf } from './column-types.ts';
import { formatTable, jsonSafe, rowsWithinBytes } from './result-format.ts';
import { columnsShape, rowsShape, sqlParamsField } from './sql-fields.ts';
import { answer, type PgToolContext } from './tool-context.ts';
import { inWriteTransaction } from './transactions.ts';

export function registerWriteTools(server: McpServer, ctx: PgToolContext): void {
  const { pool, options } = ctx;

  server.registerTool(
    'pg_execute',
    {
      title: 'Execute a statement that changes data',
      description:
        'Runs one SQL statement that changes the database (INSERT, UPDATE, DELETE, CREATE, ALTER, DROP…) in a transaction: committed if it succeeds, rolled back if it fails. ' +
        `Returns the number of rows affected, and rows of a RETURNING clause (at most ${options.rowLimit}). Statements that cannot run in a transaction (VACUUM, CREATE DATABASE, … CONCURRENTLY) are refused by PostgreSQL. ` +
        `Statement timeout ${options.statementTimeoutMs} ms. For reading, use pg_query.`,
      inputSchema: {
        sql: z.string().min(1).max(100_000).describe('One SQL statement. Use $1, $2, … with params for values.'),
        params: sqlParamsField,
      },
      outputSchema: {
        command: z.string().describe('The statement kind PostgreSQL reported, e.g. INSERT, UPDATE, CREATE TABLE.'),
        rows_affected: z.number().int().nullable().describe('Rows inserted, updated, deleted, selected or copied; null when the command has no count.'),
        columns: columnsShape,
        rows: rowsShape,
        truncated: z.boolean().describe('RETURNING produced more rows than are shown.'),
      },
      annotations: { title: 'Execute a statement that changes data', readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
    },
    ({ sql, params }) =>
      answer(ctx, 'pg_execute', async () => {
        const done = await inWriteTransaction(pool, options, async (client) => {
          // Extended protocol: exactly one statement, values bound, never spliced in.
          const result = await client.query({ text: sql, values: params ?? [], rowMode: 'array', queryMode: 'extended' } as pg.QueryArrayConfig);
          const columns = result.fields.length ? await columnsOf(client, result.fields) : [];
          return { command: result.command ?? '', rowCount: result.rowCount, columns, rows: (result.rows as unknown[][]).map((row) => row.map(jsonSafe)) };
        });
        const limited = done.rows.slice(0, options.rowLimit);
        const kept = rowsWithinBytes(limited, options.maxOutputBytes);
        const truncated = kept.length < done.rows.length;
        const affected = done.rowCount === null ? `${done.command} done` : `${done.command}: ${done.rowCount} row${done.rowCount === 1 ? '' : 's'} affected`;
        const returning = done.columns.length ? `\n${formatTable({ columns: done.columns, rows: kept }, options.maxOutputBytes)}${truncated ? `\n[truncated: ${done.rows.length - kept.length} more returned rows]` : ''}` : '';
        return {
          text: `${affected}; committed.${returning}`,
          structured: { command: done.command, rows_affected: done.rowCount, columns: done.columns, rows: kept, truncated },
        };
      }),
  );
}

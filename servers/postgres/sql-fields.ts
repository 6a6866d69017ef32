// Input and output schema pieces shared by pg_query and pg_execute.
import { z } from 'zod';

export const sqlParamsField = z
  .array(z.union([z.string(), z.number(), z.boolean(), z.null()]))
  .max(1000)
  .optional()
  .describe('Values for $1, $2, … placeholders in the statement, in order. Prefer them to pasting values into the SQL.');

export const columnsShape = z.array(z.object({ name: z.string(), type: z.string() })).describe('Result columns with their PostgreSQL types.');
export const rowsShape = z.array(z.array(z.unknown())).describe('Rows as arrays, in column order. Dates are ISO strings, bytea is \\x hex, int8/numeric are strings.');

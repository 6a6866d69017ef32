// What a failed statement or connection tells the model: PostgreSQL's message with its detail,
// hint and SQLSTATE, then scrubbed of the URL and password.
import pg from 'pg';
import type { SecretScrubber } from './secret-scrubber.ts';

export function describeError(error: unknown, scrubber: SecretScrubber, statementTimeoutMs?: number): string {
  if (error instanceof pg.DatabaseError) {
    const parts = [error.message];
    if (error.detail) parts.push(`DETAIL: ${error.detail}`);
    if (error.hint) parts.push(`HINT: ${error.hint}`);
    if (error.position) parts.push(`at character ${error.position}`);
    if (error.code === '57014' && statementTimeoutMs !== undefined) parts.push(`(the statement timeout is ${statementTimeoutMs} ms)`);
    if (error.code === '25006') parts.push('(pg_query runs in a READ ONLY transaction; use pg_execute to change data)');
    if (error.code) parts.push(`[SQLSTATE ${error.code}]`);
    return scrubber.scrub(parts.join('\n'));
  }
  return scrubber.scrub(error instanceof Error ? error.message : String(error));
}

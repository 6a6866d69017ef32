// What every postgres tool gets, and how its outcome becomes a tool result: text plus
// structuredContent, or an isError result. Both pass through the scrubber on the way out.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type pg from 'pg';
import type { Log } from '../common/stderr-log.ts';
import { errorResult } from '../common/tool-results.ts';
import { describeError } from './pg-errors.ts';
import type { SecretScrubber } from './secret-scrubber.ts';
import type { RoleCheck } from './role-check.ts';
import type { PostgresServerOptions } from './server-options.ts';

export interface PgToolContext {
  readonly pool: pg.Pool;
  readonly scrubber: SecretScrubber;
  readonly options: PostgresServerOptions;
  readonly log: Log;
  /** Whether the role can reach beyond a read-only transaction (decides pg_query's class). */
  readonly role: RoleCheck;
}

export interface ToolOutput {
  readonly text: string;
  readonly structured: Record<string, unknown>;
}

export async function answer(ctx: PgToolContext, tool: string, work: () => Promise<ToolOutput>): Promise<CallToolResult> {
  try {
    // A role not yet checked (database down at start) is checked again first; if the answer changes
    // pg_query's class, the tool list changes with it.
    await ctx.role.ensureChecked();
    const { text, structured } = await work();
    return { content: [{ type: 'text', text: ctx.scrubber.scrub(text) }], structuredContent: ctx.scrubber.scrubDeep(structured) };
  } catch (error) {
    const message = describeError(error, ctx.scrubber, ctx.options.statementTimeoutMs);
    ctx.log(`${tool} failed: ${message.split('\n')[0]}`);
    return errorResult(message);
  }
}

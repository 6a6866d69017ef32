// The JSON-RPC error a rate-limited call gets: a code of its own in the range JSON-RPC leaves to
// servers, a message that says which limit and when to retry, and the same facts as data for
// clients that read them.
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import type { LimitRefusal } from './call-limiter.ts';

export const RATE_LIMITED = -32029;

export interface RateLimitedData {
  readonly limit: string;
  readonly kind: LimitRefusal['kind'];
  readonly retryAfterSeconds: number;
  readonly retryAt: string;
}

export function rateLimitedError(refusal: LimitRefusal, now = Date.now()): McpError {
  const data: RateLimitedData = {
    limit: refusal.limit.id,
    kind: refusal.kind,
    retryAfterSeconds: Math.ceil(refusal.retryAfterMs / 1000),
    retryAt: new Date(now + refusal.retryAfterMs).toISOString(),
  };
  return new McpError(RATE_LIMITED, refusal.message, data);
}

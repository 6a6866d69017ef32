// Control API: rate limits on calls (per client, server and tool), kept in settings.
import { z } from 'zod';
import { ServerIdSchema, type CallLimit } from '../../settings/schema.ts';

/** 0 takes the bound away from an existing limit. */
const bound = (max: number) => z.number().int().min(0).max(max).optional();

export const limitRequests = {
  'limits.list': z.object({}).strict(),
  'limits.set': z
    .object({
      client: z.string().min(1).max(120).optional(),
      server: ServerIdSchema.optional(),
      tool: z.string().min(1).max(200).optional(),
      perMinute: bound(1_000_000),
      concurrent: bound(10_000),
    })
    .strict(),
  'limits.remove': z.object({ id: z.string().min(1).max(40) }).strict(),
} as const;

export interface LimitInfo extends CallLimit {
  /** In words: "5 calls per minute for client "cursor" on tool "bump" of server "test"". */
  readonly description: string;
}

export interface LimitResults {
  'limits.list': LimitInfo[];
  'limits.set': { limit: LimitInfo; created: boolean };
  'limits.remove': { id: string; removed: true };
}

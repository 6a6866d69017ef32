// Control API: reading and exporting the call log.
import { z } from 'zod';
import type { LogPage } from '../call-log-shapes.ts';

const filters = {
  server: z.string().max(64).optional(),
  client: z.string().max(64).optional(),
  decision: z.string().max(32).optional(),
  outcome: z.string().max(32).optional(),
  method: z.enum(['tools/call', 'resources/read', 'prompts/get']).optional(),
  search: z.string().max(500).optional(),
  since: z.iso.datetime().optional(),
  until: z.iso.datetime().optional(),
};

export const callLogRequests = {
  'callLog.query': z.object({ ...filters, before: z.number().int().positive().optional(), limit: z.number().int().min(1).max(1000).optional() }).strict(),
  'callLog.count': z.object(filters).strict(),
} as const;

export interface CallLogResults {
  'callLog.query': LogPage;
  'callLog.count': { count: number };
}

// Control API: the approval queue and the persisted "always approve" rules.
import { z } from 'zod';
import type { AlwaysRule } from '../../settings/schema.ts';
import type { ApprovalInfo } from '../shapes.ts';

export const approvalRequests = {
  'approvals.list': z.object({}).strict(),
  'approvals.decide': z
    .object({
      id: z.string().min(1),
      decision: z.enum(['approve-once', 'approve-session', 'approve-always', 'deny']),
      reason: z.string().max(2000).optional(),
      /** Approve this one call with these arguments in place of the client's (checked against the tool's input schema). */
      arguments: z.record(z.string(), z.unknown()).optional(),
    })
    .strict(),
  'rules.list': z.object({}).strict(),
  'rules.revoke': z.object({ id: z.string().min(1) }).strict(),
} as const;

export interface ApprovalResults {
  'approvals.list': ApprovalInfo[];
  'approvals.decide': { id: string; decision: string };
  'rules.list': AlwaysRule[];
  'rules.revoke': { id: string; revoked: true };
}

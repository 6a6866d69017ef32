// Control API: pinned tool definitions (docs/pinned-tools.md): the tools a server changed (or
// added) since the user trusted them, held until the user accepts or rejects each.
import { z } from 'zod';
import { ServerIdSchema } from '../../settings/schema.ts';
import type { HeldToolInfo } from '../shapes.ts';

export const pinningRequests = {
  'servers.review': z.object({ id: ServerIdSchema.optional() }).strict(),
  'servers.tool': z
    .object({
      id: ServerIdSchema,
      tool: z.string().min(1).max(200),
      decision: z.enum(['accept', 'reject']),
      /** The definition the user saw (HeldToolInfo.digest): refused if the server changed it again since. */
      digest: z.string().regex(/^[0-9a-f]{64}$/).optional(),
    })
    .strict(),
} as const;

/** A held tool with what the user decides on: the pinned and the current definition, and a unified diff. */
export interface HeldToolReview extends HeldToolInfo {
  /** The definition the user trusted (absent for a new tool). */
  readonly pinned?: unknown;
  /** The definition the server presents now. */
  readonly current: unknown;
  /** Unified diff, pinned → now, of the definitions as JSON with sorted keys. */
  readonly diff: string;
}

export interface PinningResults {
  'servers.review': HeldToolReview[];
  'servers.tool': { server: string; tool: string; decision: 'accepted' | 'rejected' };
}

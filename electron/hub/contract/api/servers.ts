// Control API: servers, their write mode, tool overrides and secrets.
import { z } from 'zod';
import { EnvNameSchema, HeaderNameSchema, ServerDefinitionSchema, ServerIdSchema, ToolClassSchema, WriteModeSchema } from '../../settings/schema.ts';
import type { LogLineInfo, ServerStatus } from '../shapes.ts';

const serverRef = z.object({ id: ServerIdSchema }).strict();
/** An env var, a header, or the client secret of a sign-in client id the user entered. */
const secretName = z.union([EnvNameSchema, HeaderNameSchema, z.literal('oauth-client-secret')]);

export const serverRequests = {
  'servers.list': z.object({}).strict(),
  'servers.add': z.object({ definition: ServerDefinitionSchema }).strict(),
  'servers.remove': serverRef,
  'servers.enable': serverRef,
  'servers.disable': serverRef,
  'servers.restart': serverRef,
  'servers.log': z.object({ id: ServerIdSchema, lines: z.number().int().min(1).max(2000).optional() }).strict(),
  'servers.set': z.object({ id: ServerIdSchema, values: z.record(z.string().min(1), z.string()) }).strict(),
  'servers.writeMode': z
    .object({
      id: ServerIdSchema,
      mode: WriteModeSchema,
      /** Turning write mode on needs the user's explicit confirmation; `allow` needs its own. */
      confirm: z.enum(['ask', 'allow']).optional(),
    })
    .strict(),
  'servers.toolOverride': z
    .object({
      id: ServerIdSchema,
      tool: z.string().min(1),
      class: ToolClassSchema.nullable().optional(),
      disabled: z.boolean().optional(),
      /** Treating as read a tool its server does not mark read-only needs the user's explicit confirmation. */
      confirm: z.literal('read').optional(),
    })
    .strict(),
  'secrets.set': z.object({ server: ServerIdSchema, name: secretName, value: z.string().min(1).max(65_536) }).strict(),
  'secrets.delete': z.object({ server: ServerIdSchema, name: secretName }).strict(),
} as const;

export interface ServerResults {
  'servers.list': ServerStatus[];
  'servers.add': ServerStatus;
  'servers.remove': { removed: string; secretsDeleted: number };
  'servers.enable': ServerStatus;
  'servers.disable': ServerStatus;
  'servers.restart': ServerStatus;
  'servers.log': LogLineInfo[];
  'servers.set': ServerStatus;
  'servers.writeMode': ServerStatus;
  'servers.toolOverride': ServerStatus;
  'secrets.set': { server: string; name: string; set: true };
  'secrets.delete': { server: string; name: string; deleted: boolean };
}

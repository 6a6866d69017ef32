// Control API: profiles (docs/profiles.md): named sets of servers and tools, optionally in tool
// search mode, and which profile each client sees.
import { z } from 'zod';
import { ProfileNameSchema, ProfileToolSchema, ServerIdSchema, type Profile } from '../../settings/schema.ts';

const name = z.string().min(1).max(64);
const clientId = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'a client id such as cursor, vscode, claude-code');

export const profileRequests = {
  'profiles.list': z.object({}).strict(),
  'profiles.add': z
    .object({ name: ProfileNameSchema, servers: z.array(ServerIdSchema).min(1).max(500), tools: z.array(ProfileToolSchema).max(5000).optional(), toolSearch: z.boolean().optional() })
    .strict(),
  /** Only what is given changes; `tools: []` shows every tool of the servers again. */
  'profiles.set': z
    .object({ name, servers: z.array(ServerIdSchema).min(1).max(500).optional(), tools: z.array(ProfileToolSchema).max(5000).optional(), toolSearch: z.boolean().optional() })
    .strict(),
  'profiles.remove': z.object({ name }).strict(),
  /** Binds a client id to a profile; "default" removes the binding. */
  'clients.profile': z.object({ client: clientId, profile: name }).strict(),
} as const;

export interface ProfileInfo extends Profile {
  /** Who is bound to it: "client cursor", "the HTTP token of vscode". */
  readonly usedBy: readonly string[];
  /** Connected sessions that see it now. */
  readonly sessions: number;
}

export interface ProfilesOverview {
  /** The built-in profile first (every enabled server, every tool), then the stored ones. */
  readonly profiles: readonly ProfileInfo[];
  /** client id → profile name, for the clients bound to one. */
  readonly clients: Readonly<Record<string, string>>;
}

export interface ProfileResults {
  'profiles.list': ProfilesOverview;
  'profiles.add': ProfileInfo;
  'profiles.set': ProfileInfo;
  'profiles.remove': { name: string; removed: true };
  'clients.profile': { client: string; profile: string };
}

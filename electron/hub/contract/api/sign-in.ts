// Control API: signing in to a remote server (OAuth) and out again (docs/oauth.md).
import { z } from 'zod';
import { ServerIdSchema } from '../../settings/schema.ts';
import type { ServerStatus } from '../shapes.ts';

export const signInRequests = {
  /**
   * Starts a sign-in in the browser and answers with the authorization URL as soon as it exists;
   * the outcome arrives as `server-changed`: `auth.attempt` with this `startedAt` gets `endedAt`
   * (and `error` when it failed).
   * `open`: the hub opens the URL itself (the app's default browser); else the caller does.
   */
  'servers.login': z
    .object({
      id: ServerIdSchema,
      open: z.boolean().default(false),
      /** Scopes to ask for instead of what the server asks (space-separated). */
      scope: z.string().min(1).max(1024).optional(),
    })
    .strict(),
  'servers.cancelLogin': z.object({ id: ServerIdSchema }).strict(),
  /** Revokes the tokens where the authorization server offers it, then deletes them from the keychain. */
  'servers.logout': z.object({ id: ServerIdSchema }).strict(),
} as const;

export interface SignInResults {
  'servers.login': { id: string; authorizationUrl: string; opened: boolean; startedAt: string };
  'servers.cancelLogin': ServerStatus;
  'servers.logout': {
    id: string;
    /** The tokens the authorization server confirmed revoked ("refresh_token", "access_token"). */
    revoked: string[];
    /** Keychain entries deleted. */
    deleted: number;
    /** What could not be done (revocation unreachable…); the tokens are deleted regardless. */
    problems: string[];
  };
}

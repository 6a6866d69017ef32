// Control API: signing in to the web UI. A one-time sign-in link (the long-lived UI token itself is
// never handed out), and rotating that token, which ends every signed-in session.
import { z } from 'zod';

export const uiRequests = {
  'ui.loginLink': z.object({}).strict(),
  'ui.rotateToken': z.object({}).strict(),
} as const;

export interface UiResults {
  /** `url` signs one browser in, once, until `expiresAt` (60 s). */
  'ui.loginLink': { url: string; expiresAt: string };
  /** `persisted`: the new token is kept in the keychain (else it lasts until the hub stops). */
  'ui.rotateToken': { rotated: true; persisted: boolean };
}

// Control handlers: the web UI's one-time sign-in links and its token.
import type { UiResults } from '../../contract/api/ui.ts';
import type { Handlers } from '../../contract/contract.ts';

type UiHandlers = Pick<Handlers, keyof UiResults>;

export interface UiHandlerDeps {
  /** A fresh one-time sign-in link for the web UI (works once, within 60 s). */
  loginLink(): { url: string; expiresAt: number };
  /** Replaces the UI token (signing every browser out); true when the new one is kept in the keychain. */
  rotateUiToken(): Promise<boolean>;
}

export function uiHandlers(deps: UiHandlerDeps): UiHandlers {
  return {
    async 'ui.loginLink'() {
      const { url, expiresAt } = deps.loginLink();
      return { url, expiresAt: new Date(expiresAt).toISOString() };
    },

    async 'ui.rotateToken'() {
      return { rotated: true, persisted: await deps.rotateUiToken() };
    },
  };
}

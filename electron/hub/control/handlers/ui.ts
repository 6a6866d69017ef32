// Control handlers: the web UI's one-time sign-in links and its token.
import type { UiResults } from '../../contract/api/ui.ts';
import type { Handlers } from '../../contract/contract.ts';
import type { Hub } from '../../hub.ts';

type UiHandlers = Pick<Handlers, keyof UiResults>;

export function uiHandlers(hub: Hub): UiHandlers {
  return {
    async 'ui.loginLink'() {
      const { url, expiresAt } = hub.loginLink();
      return { url, expiresAt: new Date(expiresAt).toISOString() };
    },

    async 'ui.rotateToken'() {
      return { rotated: true, persisted: await hub.rotateUiToken() };
    },
  };
}

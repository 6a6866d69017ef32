// Control handlers: signing in to a remote server and out again (docs/oauth.md).
import type { SignInResults } from '../../contract/api/sign-in.ts';
import type { Handlers } from '../../contract/contract.ts';
import type { ServerStatus } from '../../contract/shapes.ts';
import type { ServerManager } from '../../server-registry/server-manager.ts';

type SignInHandlers = Pick<Handlers, keyof SignInResults>;

export interface SignInHandlerDeps {
  readonly servers: Pick<ServerManager, 'login' | 'cancelLogin' | 'logout'>;
  serverStatus(id: string): Promise<ServerStatus>;
}

export function signInHandlers(deps: SignInHandlerDeps): SignInHandlers {
  return {
    'servers.login': ({ id, open, scope }) => deps.servers.login(id, { open, scope }),

    async 'servers.cancelLogin'({ id }) {
      await deps.servers.cancelLogin(id);
      return deps.serverStatus(id);
    },

    async 'servers.logout'({ id }) {
      return { id, ...(await deps.servers.logout(id)) };
    },
  };
}

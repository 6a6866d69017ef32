// Control handlers: the desktop app's updates (hub/updates/update-source.ts).
import type { UpdateResults } from '../../contract/api/updates.ts';
import { ControlError, type Handlers } from '../../contract/contract.ts';
import type { UpdateSource } from '../../updates/update-source.ts';

type UpdateHandlers = Pick<Handlers, keyof UpdateResults>;

export interface UpdateHandlerDeps {
  readonly updates: UpdateSource;
}

export function updateHandlers(deps: UpdateHandlerDeps): UpdateHandlers {
  return {
    async 'updates.status'() {
      return deps.updates.status();
    },
    async 'updates.check'() {
      return deps.updates.check();
    },
    async 'updates.restart'() {
      const status = deps.updates.status();
      if (status.phase === 'unsupported') throw new ControlError('unavailable', status.message ?? 'this install is not updated by the app');
      if (status.phase !== 'ready') throw new ControlError('invalid-params', `there is no downloaded update to install (${status.phase}); check for updates first`);
      return deps.updates.restart();
    },
  };
}

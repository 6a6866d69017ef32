// Control handlers: profiles (list, add, change, remove) and each client's binding, kept in settings
// by the profile book; the gateway re-announces lists to the sessions a change affects.
import type { ProfileInfo, ProfileResults } from '../../contract/api/profiles.ts';
import type { Handlers } from '../../contract/contract.ts';
import { usersOf, type ProfileBook } from '../../profiles/profile-book.ts';
import { DEFAULT_PROFILE, type Profile, type Settings } from '../../settings/schema.ts';

type ProfileHandlers = Pick<Handlers, keyof ProfileResults>;

export interface ProfileHandlerDeps {
  readonly profiles: ProfileBook;
  readonly settings: { get(): Settings };
  /** The profile name each connected session sees now. */
  readonly sessionProfiles: () => string[];
  settingsChanged(): void;
}

export function profileHandlers(deps: ProfileHandlerDeps): ProfileHandlers {
  const info = (profile: Profile): ProfileInfo => ({
    ...profile,
    usedBy: usersOf(deps.settings.get(), profile.name),
    sessions: deps.sessionProfiles().filter((name) => name === profile.name).length,
  });
  return {
    async 'profiles.list'() {
      const settings = deps.settings.get();
      const builtIn = info({ name: DEFAULT_PROFILE, servers: settings.servers.filter((s) => s.enabled).map((s) => s.id), toolSearch: false });
      return { profiles: [builtIn, ...deps.profiles.list().map(info)], clients: settings.clientProfiles };
    },
    async 'profiles.add'({ name, servers, tools, toolSearch }) {
      const profile = deps.profiles.add(name, { servers, tools, toolSearch });
      deps.settingsChanged();
      return info(profile);
    },
    async 'profiles.set'({ name, servers, tools, toolSearch }) {
      const profile = deps.profiles.set(name, { servers, tools, toolSearch });
      deps.settingsChanged();
      return info(profile);
    },
    async 'profiles.remove'({ name }) {
      deps.profiles.remove(name);
      deps.settingsChanged();
      return { name, removed: true as const };
    },
    async 'clients.profile'({ client, profile }) {
      deps.profiles.bind(client, profile);
      deps.settingsChanged();
      return { client, profile };
    },
  };
}

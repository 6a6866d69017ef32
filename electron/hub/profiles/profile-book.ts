// The profiles in settings (docs/profiles.md): add, change, remove, and each client's binding. Every
// change goes through the settings schema (so nothing invalid is kept) and is checked against the
// servers MCP Tray has, so a typo gets a one-line error instead of a profile that shows nothing.
// A profile in use (a client bound to it, or a token) is not removed: the error names who uses it.
import { ControlError } from '../contract/control-error.ts';
import { DEFAULT_PROFILE, ProfileNameSchema, ProfileToolSchema, type Profile, type Settings } from '../settings/schema.ts';
import type { SettingsStore } from '../settings/store.ts';

export interface ProfileChange {
  readonly servers?: readonly string[];
  readonly tools?: readonly string[];
  readonly toolSearch?: boolean;
}

export class ProfileBook {
  readonly #settings: Pick<SettingsStore, 'get' | 'update'>;

  constructor(settings: Pick<SettingsStore, 'get' | 'update'>) {
    this.#settings = settings;
  }

  list(): Profile[] {
    return this.#settings.get().profiles;
  }

  get(name: string): Profile | undefined {
    return this.list().find((p) => p.name === name);
  }

  add(name: string, change: ProfileChange): Profile {
    checkName(name);
    if (this.get(name)) throw new ControlError('conflict', `profile "${name}" exists; change it with: mcp-tray profiles set ${name} …`);
    if (!change.servers || change.servers.length === 0) throw new ControlError('invalid-params', 'a profile needs at least one server (--servers a,b)');
    const profile = this.#checked({ name, servers: [...change.servers], tools: change.tools ? [...change.tools] : undefined, toolSearch: change.toolSearch ?? false });
    this.#settings.update((s) => void s.profiles.push(profile));
    return profile;
  }

  set(name: string, change: ProfileChange): Profile {
    const existing = this.#existing(name);
    const next = this.#checked({
      name,
      servers: change.servers ? [...change.servers] : existing.servers,
      tools: change.tools ? (change.tools.length === 0 ? undefined : [...change.tools]) : existing.tools,
      toolSearch: change.toolSearch ?? existing.toolSearch,
    });
    if (next.servers.length === 0) throw new ControlError('invalid-params', 'a profile needs at least one server (--servers a,b)');
    this.#settings.update((s) => void (s.profiles = s.profiles.map((p) => (p.name === name ? next : p))));
    return next;
  }

  /** Refused while a client or a token is bound to it: removing it would leave them seeing nothing. */
  remove(name: string): void {
    this.#existing(name);
    const users = usersOf(this.#settings.get(), name);
    if (users.length > 0) {
      throw new ControlError('conflict', `profile "${name}" is in use by ${users.join(', ')}; bind them to another profile first (mcp-tray clients profile CLIENT default)`);
    }
    this.#settings.update((s) => void (s.profiles = s.profiles.filter((p) => p.name !== name)));
  }

  /** Binds a client id to a profile; "default" removes the binding. */
  bind(clientId: string, name: string): void {
    if (name !== DEFAULT_PROFILE) this.#existing(name);
    this.#settings.update((s) => {
      if (name === DEFAULT_PROFILE) delete s.clientProfiles[clientId];
      else s.clientProfiles[clientId] = name;
    });
  }

  /** The profile a client id is bound to ("default" when none). */
  boundTo(clientId: string): string {
    return this.#settings.get().clientProfiles[clientId] ?? DEFAULT_PROFILE;
  }

  /** A name to bind a connection to: "default" or an existing profile. */
  requireKnown(name: string): void {
    if (name !== DEFAULT_PROFILE) this.#existing(name);
  }

  #existing(name: string): Profile {
    const profile = this.get(name);
    if (!profile) {
      const known = [DEFAULT_PROFILE, ...this.list().map((p) => p.name)].join(', ');
      throw new ControlError('not-found', `no profile "${name}"; profiles: ${known}`);
    }
    return profile;
  }

  #checked(profile: Profile): Profile {
    const known = new Set(this.#settings.get().servers.map((s) => s.id));
    const unknown = profile.servers.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new ControlError('invalid-params', `no server ${unknown.map((id) => `"${id}"`).join(', ')} in MCP Tray; see: mcp-tray servers list`);
    for (const tool of profile.tools ?? []) {
      if (!ProfileToolSchema.safeParse(tool).success) throw new ControlError('invalid-params', `"${tool}" is not server:tool (e.g. github:create_issue)`);
      const serverId = tool.slice(0, tool.indexOf(':'));
      if (!profile.servers.includes(serverId)) throw new ControlError('invalid-params', `tool "${tool}" is of server "${serverId}", which is not in the profile's servers`);
    }
    return { ...profile, servers: [...new Set(profile.servers)], tools: profile.tools ? [...new Set(profile.tools)] : undefined };
  }
}

function checkName(name: string): void {
  if (name === DEFAULT_PROFILE) throw new ControlError('invalid-params', '"default" is the built-in profile (every enabled server); pick another name');
  const parsed = ProfileNameSchema.safeParse(name);
  if (!parsed.success) throw new ControlError('invalid-params', parsed.error.issues[0]!.message);
}

/** Who is bound to a profile: clients ("client cursor") and tokens ("the HTTP token of cursor"). */
export function usersOf(settings: Pick<Settings, 'clientProfiles' | 'httpClients'>, name: string): string[] {
  return [
    ...Object.entries(settings.clientProfiles)
      .filter(([, profile]) => profile === name)
      .map(([client]) => `client ${client}`),
    ...settings.httpClients.filter((c) => c.profile === name).map((c) => `the HTTP token of ${c.clientId}`),
  ];
}

// Which profile a session sees, and what that profile lets through (docs/profiles.md). Precedence:
// the profile named on the connection (the bridge's `--profile`, or the HTTP token's), then the
// client's own binding, then the default profile. A named profile that does not exist (removed
// after an IDE entry named it) lets nothing through: a client is never widened to every server
// by a typo or a removal.
import { DEFAULT_PROFILE, type Profile, type Settings } from '../settings/schema.ts';

export type ProfileSource = 'entry' | 'token' | 'client' | 'default';

export interface ActiveProfile {
  readonly name: string;
  /** Where the name came from: the connection (bridge entry or token), the client's binding, or nothing. */
  readonly source: ProfileSource;
  /** The stored profile; undefined for the default profile and for a name that does not exist. */
  readonly profile: Profile | undefined;
  /** A name that no profile has. */
  readonly missing: boolean;
  readonly toolSearch: boolean;
}

/** What the connection itself named: the bridge hello's profile, or the HTTP token's. */
export interface ProfileRequest {
  readonly clientId: string;
  readonly profile?: string;
  readonly source?: 'entry' | 'token';
}

export function resolveProfile(settings: Pick<Settings, 'profiles' | 'clientProfiles'>, request: ProfileRequest): ActiveProfile {
  const bound = settings.clientProfiles[request.clientId];
  const [name, source]: [string, ProfileSource] =
    request.profile !== undefined ? [request.profile, request.source ?? 'entry'] : bound !== undefined ? [bound, 'client'] : [DEFAULT_PROFILE, 'default'];
  if (name === DEFAULT_PROFILE) return { name, source, profile: undefined, missing: false, toolSearch: false };
  const profile = settings.profiles.find((p) => p.name === name);
  return { name, source, profile, missing: !profile, toolSearch: profile?.toolSearch ?? false };
}

/** A session's profile from settings: an HTTP session's named profile is its token's, looked up now. */
export function sessionProfile(settings: Pick<Settings, 'profiles' | 'clientProfiles' | 'httpClients'>, request: ProfileRequest): ActiveProfile {
  if (request.source !== 'token') return resolveProfile(settings, request);
  const profile = settings.httpClients.find((c) => c.clientId === request.clientId)?.profile;
  return resolveProfile(settings, { clientId: request.clientId, profile, source: profile === undefined ? undefined : 'token' });
}

/** Whether the profile shows a server at all (its tools, prompts and resources). */
export function allowsServer(active: ActiveProfile, serverId: string): boolean {
  if (active.missing) return false;
  if (!active.profile) return true;
  return active.profile.servers.includes(serverId);
}

/** Whether the profile shows one tool of a server (the server's own tool name). */
export function allowsTool(active: ActiveProfile, serverId: string, tool: string): boolean {
  if (!allowsServer(active, serverId)) return false;
  const chosen = active.profile?.tools?.filter((t) => t.startsWith(`${serverId}:`));
  if (!chosen || chosen.length === 0) return true;
  return chosen.includes(`${serverId}:${tool}`);
}

/** What a client is told when it calls a tool its profile does not show. */
export function outsideProfileMessage(active: ActiveProfile, serverId: string, tool: string): string {
  if (active.missing) return `MCP Tray: this connection uses profile "${active.name}", which does not exist (any more); it shows no tools. Create it (mcp-tray profiles add ${active.name} --servers …) or change the entry's --profile.`;
  return `MCP Tray: "${tool}" on server "${serverId}" is not in profile "${active.name}", which this client uses; the call did not reach the server. Add it to the profile (mcp-tray profiles set ${active.name} …) or use another profile.`;
}

/** A stable key of what a profile lets through, so sessions with the same view share one computation. */
export function profileKey(active: ActiveProfile): string {
  return JSON.stringify([active.name, active.missing, active.profile ?? null]);
}

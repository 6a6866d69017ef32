// What a sandboxed server may reach, in a few short lines for people: its card in the UI, `servers
// add`, and its log at each start. And what the level leaves open on this machine.
import path from 'node:path';
import type { SandboxProfile } from './sandbox-profile.ts';

export function describeReach(profile: SandboxProfile): string[] {
  const home = (p: string) => (p === profile.home ? '~' : p.startsWith(profile.home + path.sep) ? `~${p.slice(profile.home.length)}` : p);
  const list = (paths: readonly string[]) => paths.map(home).join(', ');
  const lines = ["reads: the system and your files, except the protected paths and MCP Tray's data"];
  const mine = [...profile.folders, ...profile.owned];
  if (mine.length > 0) lines.push(`its folders: ${list(mine)} (${profile.writable ? 'writable: write mode is on' : 'read-only while write mode is off'})`);
  const writes = [...(profile.writable ? mine : []), ...profile.caches];
  lines.push(`writes: ${writes.length > 0 ? `${list(writes)} and ` : ''}a private /tmp`);
  if (profile.blocked.length > 0) lines.push(`hidden although configured: ${list(profile.blocked)} (inside a protected path)`);
  lines.push('cannot see: other processes, the session bus, the keychain');
  if (profile.level === 'standard') lines.push('network: any host');
  else lines.push(profile.allowedHosts.length > 0 ? `network: only ${profile.allowedHosts.join(', ')}, through MCP Tray's proxy` : 'network: none (allowedHosts is empty)');
  return lines;
}

/** What this level does not close here, for the card. */
export function sandboxGaps(profile: SandboxProfile): string[] {
  if (profile.level !== 'standard') return [];
  return profile.abstractBuses.map(
    (name) => `your session bus listens on an abstract socket (@${name}), which only a network namespace hides: strict keeps it out, standard does not`,
  );
}

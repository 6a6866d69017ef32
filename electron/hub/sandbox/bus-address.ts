// Where a D-Bus session bus listens, from its address (DBUS_SESSION_BUS_ADDRESS): a socket file
// (`unix:path=/run/user/1000/bus`), which a sandbox can hide, or an abstract socket
// (`unix:abstract=/tmp/dbus-…`), which lives in the network namespace, not the file system, and
// stays reachable unless the server gets a network namespace of its own (strict).

export interface BusSockets {
  /** Socket files: hidden by the sandbox. */
  readonly paths: string[];
  /** Abstract socket names: reachable from `standard` (no network namespace). */
  readonly abstract: string[];
}

export function busSockets(address: string | undefined): BusSockets {
  const paths: string[] = [];
  const abstract: string[] = [];
  for (const entry of (address ?? '').split(';')) {
    const colon = entry.indexOf(':');
    if (colon < 0 || entry.slice(0, colon) !== 'unix') continue;
    for (const pair of entry.slice(colon + 1).split(',')) {
      const eq = pair.indexOf('=');
      if (eq < 0) continue;
      const key = pair.slice(0, eq);
      const value = unescapeValue(pair.slice(eq + 1));
      if (key === 'path' && value.startsWith('/')) paths.push(value);
      else if (key === 'abstract' && value) abstract.push(value);
    }
  }
  return { paths, abstract };
}

/** D-Bus address values escape bytes as %XX. */
function unescapeValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

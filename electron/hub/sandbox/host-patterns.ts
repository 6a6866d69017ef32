// Which hosts a strict sandbox may reach, as the user listed them (`allowedHosts`): a name
// (`api.github.com`), every name under a domain (`*.github.com`, not github.com itself), or an IP
// address (`127.0.0.1`, `[::1]`), each optionally with a port (`:443`); without one, any port.
import net from 'node:net';

export interface HostPattern {
  /** Lowercase name without a leading "*.", or an IP address without brackets. */
  readonly host: string;
  readonly wildcard: boolean;
  readonly port?: number;
}

export function parseHostPattern(entry: string): HostPattern {
  let text = entry.trim().toLowerCase();
  let port: number | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed) {
    return { host: bracketed[1]!, wildcard: false, ...(bracketed[2] ? { port: Number(bracketed[2]) } : {}) };
  }
  const withPort = /^(.*):(\d+)$/.exec(text);
  if (withPort && !net.isIPv6(text)) {
    text = withPort[1]!;
    port = Number(withPort[2]);
  }
  const wildcard = text.startsWith('*.');
  return { host: wildcard ? text.slice(2) : text, wildcard, ...(port !== undefined ? { port } : {}) };
}

/** Whether `host:port` (a name or an address, as a client asked for it) is on the list. */
export function hostAllowed(patterns: readonly string[], host: string, port: number): boolean {
  const wanted = host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  return patterns.some((entry) => {
    const pattern = parseHostPattern(entry);
    if (pattern.port !== undefined && pattern.port !== port) return false;
    return pattern.wildcard ? wanted.endsWith(`.${pattern.host}`) : wanted === pattern.host;
  });
}

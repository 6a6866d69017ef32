// What a sandboxed server's crash message adds (docs/sandbox.md): that it runs in the sandbox, what
// in its last lines shows the sandbox refused it something (a write to a read-only folder, a hidden
// file, a host not on the list, the network outside the proxy), and how to loosen it.

export interface HintInput {
  readonly serverId: string;
  readonly level: 'standard' | 'strict';
  /** Its last lines: stderr, and the hub's own (the proxy's refusals). */
  readonly lines: readonly string[];
}

const SIGNS: ReadonlyArray<{ readonly pattern: RegExp; readonly what: string; readonly strictOnly?: boolean }> = [
  { pattern: /^bwrap: |sandbox-exec: /, what: 'the sandbox could not start it' },
  { pattern: /sandbox: refused a connection/, what: 'it asked for a host not in allowedHosts' },
  { pattern: /EROFS|read-only file system/i, what: 'it tried to write where the sandbox allows no writes' },
  { pattern: /EACCES|EPERM|permission denied|operation not permitted/i, what: 'it was refused a file' },
  { pattern: /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ENETUNREACH|getaddrinfo|network is unreachable|temporary failure in name resolution/i, what: 'it tried to reach the network without the proxy', strictOnly: true },
];

/** The sentence for the crash message; says "failed under the sandbox" only when a line shows it. */
export function sandboxFailureHint(input: HintInput): string {
  let found: { what: string; line: string } | undefined;
  for (const sign of SIGNS) {
    if (sign.strictOnly && input.level !== 'strict') continue;
    const line = input.lines.find((l) => sign.pattern.test(l));
    if (line) {
      found = { what: sign.what, line: line.trim().slice(0, 200) };
      break;
    }
  }
  const loosen =
    input.level === 'strict'
      ? `list the hosts it needs (mcp-tray servers set ${input.serverId} allowedHosts=HOST,…), or use sandbox=standard`
      : `give it the folders it needs (roots=…; writable with write mode ask or allow), or turn its sandbox off: mcp-tray servers set ${input.serverId} sandbox=off`;
  return found
    ? `it failed under its sandbox (${input.level}): ${found.what} ("${found.line}"); to loosen it, ${loosen}`
    : `it runs in a sandbox (${input.level}); if it works without one, loosen it: ${loosen}`;
}

// The first line on the hub's local socket says who is speaking: the bridge of an IDE
// (`{"mcpTray":1,"role":"bridge","client":"cursor"}`, then plain MCP) or a control client such as the
// CLI (`{"mcpTray":1,"role":"control"}`, then control requests). The bridge, the CLI's hub client and
// the hub's listener all use this module; it has no dependencies so the bridge starts fast.

export const HELLO_VERSION = 1;
/** The hello line, newline excluded, is at most this long. */
export const HELLO_LIMIT_BYTES = 4096;
/** A client id: lowercase letters, digits, ".", "_", "-"; at most 64 characters. */
export const CLIENT_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** A profile name, as settings define it (settings/schema.ts); kept here too so the bridge needs no zod. */
export const HELLO_PROFILE_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;

/** A bridge's hello may name the profile its entry was written with (`--profile`), over the client's own. */
export type Hello =
  | { readonly mcpTray: typeof HELLO_VERSION; readonly role: 'bridge'; readonly client: string; readonly profile?: string }
  | { readonly mcpTray: typeof HELLO_VERSION; readonly role: 'control' };

export function isClientId(value: string): boolean {
  return CLIENT_ID_PATTERN.test(value);
}

export function bridgeHello(client: string, profile?: string): string {
  return `${JSON.stringify({ mcpTray: HELLO_VERSION, role: 'bridge', client, ...(profile === undefined ? {} : { profile }) } satisfies Hello)}\n`;
}

export function controlHello(): string {
  return `${JSON.stringify({ mcpTray: HELLO_VERSION, role: 'control' } satisfies Hello)}\n`;
}

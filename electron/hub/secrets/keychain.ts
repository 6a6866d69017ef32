// The OS keychain (macOS Keychain, Windows Credential Manager, Linux Secret Service) through
// @napi-rs/keyring. Loaded lazily and probed once, so a machine without a keychain gets a clear
// "unavailable: <reason>" state instead of a crash; nothing ever falls back to a file.
export const DEFAULT_KEYCHAIN_SERVICE = 'mcp-tray';

type KeyringModule = typeof import('@napi-rs/keyring');
type AsyncEntry = InstanceType<KeyringModule['AsyncEntry']>;

export class KeychainUnavailableError extends Error {
  override readonly name = 'KeychainUnavailableError';
}

export type KeychainStatus = { readonly available: true } | { readonly available: false; readonly reason: string };

export interface SecretStore {
  status(): Promise<KeychainStatus>;
  get(account: string): Promise<string | null>;
  set(account: string, value: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

/** Account names, as documented for users who look into their keychain. */
export const accounts = {
  env: (serverId: string, name: string) => `${serverId}:env:${name}`,
  header: (serverId: string, name: string) => `${serverId}:header:${name}`,
  client: (clientId: string) => `client:${clientId}`,
  /** A remote server's sign-in: `client`, `tokens`, `client-secret` (oauth/oauth-store.ts). */
  oauth: (serverId: string, part: string) => `${serverId}:oauth:${part}`,
  /** The key the web UI's sessions are derived from (never shown; see http/ui-auth.ts). */
  uiToken: 'ui:token',
  /** A header value sent with OpenTelemetry exports (telemetry/telemetry-headers.ts). */
  telemetryHeader: (name: string) => `telemetry:header:${name}`,
};

export class OsKeychain implements SecretStore {
  readonly service: string;
  #module: Promise<KeyringModule> | undefined;
  #status: Promise<KeychainStatus> | undefined;

  constructor(service = process.env.MCP_TRAY_KEYCHAIN_SERVICE || DEFAULT_KEYCHAIN_SERVICE) {
    this.service = service;
  }

  /** Probes once: loads the native module and reads a probe entry. */
  status(): Promise<KeychainStatus> {
    this.#status ??= this.#probe();
    return this.#status;
  }

  async get(account: string): Promise<string | null> {
    return (await this.#entry(account)).getPassword();
  }

  async set(account: string, value: string): Promise<void> {
    await (await this.#entry(account)).setPassword(value);
  }

  async delete(account: string): Promise<boolean> {
    return (await this.#entry(account)).deletePassword();
  }

  async #entry(account: string): Promise<AsyncEntry> {
    const status = await this.status();
    if (!status.available) throw new KeychainUnavailableError(`the OS keychain is unavailable: ${status.reason}`);
    const { AsyncEntry } = await this.#load();
    return new AsyncEntry(this.service, account, entryOptions());
  }

  #load(): Promise<KeyringModule> {
    this.#module ??= import('@napi-rs/keyring');
    return this.#module;
  }

  async #probe(): Promise<KeychainStatus> {
    try {
      const { AsyncEntry } = await this.#load();
      const probe = new AsyncEntry(this.service, 'mcp-tray:probe', entryOptions());
      await withTimeout(probe.getPassword(), 10_000, 'the keychain did not answer within 10 s');
      return { available: true };
    } catch (error) {
      return { available: false, reason: describeKeychainError(error) };
    }
  }
}

// On Linux the library would otherwise fall back to the kernel keyring, which forgets everything at
// logout: a secret stored there looks saved and is gone tomorrow. Require the Secret Service.
function entryOptions() {
  return process.platform === 'linux' ? { linux: { store: 'secret-service' as const } } : undefined;
}

function describeKeychainError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (process.platform === 'linux' && /dbus|D-Bus|secret.?service|org\.freedesktop/i.test(message)) {
    return `no Secret Service on the session D-Bus (${message.trim()}); start gnome-keyring or KeePassXC's Secret Service`;
  }
  return message.trim() || 'unknown error';
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

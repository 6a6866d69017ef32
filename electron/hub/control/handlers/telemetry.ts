// Control handlers: OpenTelemetry export settings. A secret header's value goes to the keychain;
// settings only name it. Every change reconfigures the exporters at once.
import type { TelemetryInfo, TelemetryResults } from '../../contract/api/telemetry.ts';
import { ControlError, type Handlers } from '../../contract/contract.ts';
import { accounts, type SecretStore } from '../../secrets/keychain.ts';
import type { SettingsStore } from '../../settings/store.ts';

type TelemetryHandlers = Pick<Handlers, keyof TelemetryResults>;

export interface TelemetryHandlerDeps {
  readonly settings: Pick<SettingsStore, 'get' | 'update'>;
  readonly keychain: SecretStore;
  /** Tells every UI that settings changed. */
  settingsChanged(): void;
  /** Applies the telemetry settings (and secret header values) to the exporters. */
  telemetryChanged(): Promise<void>;
}

export function telemetryHandlers(deps: TelemetryHandlerDeps): TelemetryHandlers {
  const info = async (): Promise<TelemetryInfo> => {
    const t = deps.settings.get().telemetry;
    const available = t.secretHeaders.length > 0 && (await deps.keychain.status()).available;
    const secretHeaders = await Promise.all(
      t.secretHeaders.map(async (name) => ({ name, set: available && (await deps.keychain.get(accounts.telemetryHeader(name)).catch(() => null)) !== null })),
    );
    return { ...t, headers: { ...t.headers }, secretHeaders };
  };
  const changed = async () => {
    await deps.telemetryChanged();
    deps.settingsChanged();
    return info();
  };
  return {
    async 'telemetry.get'() {
      return info();
    },
    async 'telemetry.update'(changes) {
      const secret = Object.keys(changes.headers ?? {}).find((name) => deps.settings.get().telemetry.secretHeaders.some((s) => s.toLowerCase() === name.toLowerCase()));
      if (secret) throw new ControlError('conflict', `header "${secret}" is kept in the keychain; remove its secret value first to give it a plain one`);
      deps.settings.update((s) => {
        for (const [key, value] of Object.entries(changes)) if (value !== undefined) (s.telemetry as Record<string, unknown>)[key] = value;
      });
      return changed();
    },
    async 'telemetry.secretHeader.set'({ name, value }) {
      const status = await deps.keychain.status();
      if (!status.available) throw new ControlError('unavailable', `the OS keychain is unavailable (${status.reason}); a secret header value is kept nowhere else`);
      await deps.keychain.set(accounts.telemetryHeader(name), value);
      deps.settings.update((s) => {
        const plain = Object.keys(s.telemetry.headers).find((h) => h.toLowerCase() === name.toLowerCase());
        if (plain) delete s.telemetry.headers[plain];
        if (!s.telemetry.secretHeaders.includes(name)) s.telemetry.secretHeaders.push(name);
      });
      return changed();
    },
    async 'telemetry.secretHeader.delete'({ name }) {
      if (!deps.settings.get().telemetry.secretHeaders.includes(name)) throw new ControlError('not-found', `no secret telemetry header "${name}"`);
      await deps.keychain.delete(accounts.telemetryHeader(name)).catch(() => false);
      deps.settings.update((s) => void (s.telemetry.secretHeaders = s.telemetry.secretHeaders.filter((h) => h !== name)));
      return changed();
    },
  };
}

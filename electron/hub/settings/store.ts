// The settings store: settings.json in the conf format (the one electron-store writes too),
// validated by the schema on every read and write. A file that does not parse or does not fit the
// schema is moved aside (never silently discarded) and reported; the hub then starts from defaults.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SettingsSchema, type Settings } from './schema.ts';
import { confSettingsBackend, type SettingsBackend } from './settings-backend.ts';

export type { SettingsBackend };

export interface SettingsProblem {
  readonly message: string;
  readonly backup: string;
}

export class SettingsStore {
  #backend: SettingsBackend;
  #current: Settings;
  #listeners = new Set<(settings: Settings) => void>();
  readonly problem: SettingsProblem | undefined;
  readonly file: string;

  private constructor(backend: SettingsBackend, current: Settings, file: string, problem?: SettingsProblem) {
    this.#backend = backend;
    this.#current = current;
    this.file = file;
    this.problem = problem;
  }

  /**
   * Opens `settings.json` in the data dir. `seed` fills in what a first start needs (the bundled
   * servers); `isNew` tells it whether there were settings before.
   */
  static open(
    dataDir: string,
    seed: (settings: Settings, isNew: boolean) => Settings = (s) => s,
    backendFactory: (dataDir: string) => SettingsBackend = confSettingsBackend,
  ): SettingsStore {
    const file = path.join(dataDir, 'settings.json');
    const problem = quarantineIfInvalid(file);
    const isNew = !existsSync(file);
    const backend = backendFactory(dataDir);
    const parsed = SettingsSchema.safeParse(problem ? {} : backend.store);
    // quarantineIfInvalid already checked the file; a failure here means the backend holds
    // something else (electron-store with its own file), which gets the same treatment.
    const current = SettingsSchema.parse(seed(parsed.success ? parsed.data : SettingsSchema.parse({}), isNew));
    backend.store = current as unknown as Record<string, unknown>;
    return new SettingsStore(backend, current, file, problem);
  }

  get(): Settings {
    return this.#current;
  }

  /** Applies a change, validates the result, persists it and tells listeners. */
  update(change: (draft: Settings) => Settings | void): Settings {
    const draft = structuredClone(this.#current);
    const next = SettingsSchema.parse(change(draft) ?? draft);
    this.#backend.store = next as unknown as Record<string, unknown>;
    this.#current = next;
    for (const listener of this.#listeners) listener(next);
    return next;
  }

  onChange(listener: (settings: Settings) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/** Moves an unreadable or schema-violating settings file aside and says why. */
function quarantineIfInvalid(file: string): SettingsProblem | undefined {
  if (!existsSync(file)) return undefined;
  let reason: string | undefined;
  try {
    const result = SettingsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!result.success) reason = `it does not match the settings schema: ${z.prettifyError(result.error).replace(/\n/g, '; ')}`;
  } catch (error) {
    reason = `it is not valid JSON (${(error as Error).message})`;
  }
  if (!reason) return undefined;
  const backup = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  renameSync(file, backup);
  return { message: `Settings file ${file} could not be used because ${reason}. It was moved to ${backup}; MCP Tray started with default settings.`, backup };
}

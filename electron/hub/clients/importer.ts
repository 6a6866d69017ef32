// Import: take the servers a client already configures into MCP Tray (plaintext tokens into the
// keychain) and replace them in that client with the one `mcp-tray` entry. Order matters: the hub
// has each server and its secrets before the client's file changes, a backup is taken before that
// change, and a server the hub could not take stays in the client as it was.
import { rm } from 'node:fs/promises';
import { ControlError } from '../contract/contract.ts';
import type { ImportableResult, ImportResult } from '../contract/api/clients.ts';
import type { ServerManager } from '../server-registry/server-manager.ts';
import type { SecretStore } from '../secrets/keychain.ts';
import type { Backups } from './backups.ts';
import { ClientCliError, mask, runClientCli } from './client-cli.ts';
import { ENTRY_NAME, type ClientSpec } from './client-table.ts';
import { describeConfigError, readConfig, type ConfigEditor } from './config-access.ts';
import { formatFor } from './config-formats/format-for-client.ts';
import { findExecutable, searchPath } from './detect.ts';
import { definitionFor, describeCandidate, serverIdFor, toCandidate, type ImportCandidate } from './import-candidates.ts';
import type { ClientInstaller } from './installer.ts';
import type { InstallRecords } from './install-records.ts';
import { unifiedDiff } from './unified-diff.ts';

export interface ImporterDeps {
  readonly servers: ServerManager;
  readonly keychain: SecretStore;
  readonly installer: ClientInstaller;
  readonly editor: ConfigEditor;
  readonly backups: Backups;
  readonly records: InstallRecords;
}

export class ClientImporter {
  readonly #deps: ImporterDeps;

  constructor(deps: ImporterDeps) {
    this.#deps = deps;
  }

  async importable(client: ClientSpec): Promise<ImportableResult> {
    const { file, candidates } = await this.#candidates(client);
    const taken = new Set(this.#deps.servers.supervisors().map((s) => s.id));
    return {
      client: client.id,
      label: client.label,
      path: file,
      servers: candidates.map((c) => {
        const id = serverIdFor(c.key, taken);
        if (!c.reason) taken.add(id);
        return describeCandidate(c, id);
      }),
    };
  }

  async import(client: ClientSpec, options: { servers?: readonly string[]; deleteBackup?: boolean }): Promise<ImportResult> {
    const { file, candidates } = await this.#candidates(client);
    const format = formatFor(client);
    const byKey = new Map(candidates.map((c) => [c.key, c]));
    const unknown = (options.servers ?? []).filter((k) => !byKey.has(k));
    if (unknown.length) {
      throw new ControlError('invalid-params', `${client.label} has no server named ${unknown.map((k) => `"${k}"`).join(', ')} in ${file}; it has: ${[...byKey.keys()].join(', ') || 'none'}`);
    }
    const chosen = options.servers ? options.servers.map((k) => byKey.get(k)!) : candidates;
    const skipped: Array<{ key: string; reason: string }> = [];
    const ready: ImportCandidate[] = [];
    const current = (await readConfig(client, file)).text ?? '';
    for (const c of chosen) {
      if (c.reason) {
        skipped.push({ key: c.key, reason: c.reason });
        continue;
      }
      // Only take what can be removed from the client again (TOML inline tables cannot).
      try {
        format.remove(current, c.key, false);
        ready.push(c);
      } catch (error) {
        skipped.push({ key: c.key, reason: describeConfigError(file, error) });
      }
    }
    if (ready.some((c) => c.secrets.length > 0)) {
      const status = await this.#deps.keychain.status();
      if (!status.available) throw new ControlError('unavailable', `the OS keychain is unavailable (${status.reason}), so the tokens of ${client.label}'s servers have nowhere safe to go; nothing was imported`);
    }

    // 1. The hub takes each server and its secrets; one that fails stays in the client.
    const imported: Array<{ key: string; id: string; secrets: string[]; state: string }> = [];
    const moved: string[] = [];
    const taken = new Set(this.#deps.servers.supervisors().map((s) => s.id));
    for (const c of ready) {
      const id = serverIdFor(c.key, taken);
      taken.add(id);
      try {
        await this.#deps.servers.add(definitionFor(c, id));
      } catch (error) {
        skipped.push({ key: c.key, reason: `MCP Tray could not add it: ${(error as Error).message}` });
        continue;
      }
      try {
        for (const secret of c.secrets) await this.#deps.servers.setSecret(id, secret.name, secret.value);
      } catch (error) {
        await this.#deps.servers.remove(id).catch(() => undefined);
        skipped.push({ key: c.key, reason: `its secret could not be stored in the keychain: ${(error as Error).message}` });
        continue;
      }
      imported.push({ key: c.key, id, secrets: c.secrets.map((s) => s.name), state: this.#deps.servers.get(id)?.state ?? 'stopped' });
      moved.push(...c.secrets.map((s) => s.value));
    }
    const base = { client: client.id, label: client.label, path: file, imported, skipped, reload: client.reload };
    if (imported.length === 0) return { ...base, changed: false, diff: '', via: 'file', backupsWithSecrets: [], deletedBackups: [] };

    // 2. The client: back up, then our entry in, the imported servers out.
    const keys = imported.map((i) => i.key);
    const entry = client.stdioEntry(this.#deps.installer.expectedStdio(client));
    const edit = await this.#rewrite(client, file, keys, entry).catch((error: unknown) => {
      throw new ControlError(
        'failed',
        `the servers ${imported.map((i) => i.id).join(', ')} are now in MCP Tray, but ${client.label}'s config could not be changed: ${error instanceof ControlError ? error.message : describeConfigError(file, error)}`,
      );
    });

    // 3. Backups still hold the plaintext tokens that are now in the keychain.
    const holding = await this.#deps.backups.holding(client.id, file, moved);
    const deletedBackups: string[] = [];
    if (options.deleteBackup) {
      for (const backup of holding) {
        await rm(backup, { force: true });
        deletedBackups.push(backup);
      }
    }
    return {
      ...base,
      changed: true,
      diff: mask(edit.diff, moved),
      via: edit.via,
      backup: edit.backup,
      backupsWithSecrets: holding.filter((b) => !deletedBackups.includes(b)),
      deletedBackups,
    };
  }

  async #candidates(client: ClientSpec): Promise<{ file: string; candidates: ImportCandidate[] }> {
    const file = this.#deps.installer.configPath(client);
    const state = await readConfig(client, file);
    if (state.problem) throw new ControlError('failed', `cannot read ${client.label}'s servers: ${state.problem}; nothing was imported or changed`);
    const candidates = Object.entries(state.entries ?? {})
      .filter(([key]) => key !== ENTRY_NAME)
      .map(([key, raw]) => toCandidate(key, raw));
    return { file, candidates };
  }

  async #rewrite(client: ClientSpec, file: string, keys: string[], entry: Record<string, unknown>): Promise<{ diff: string; via: 'file' | 'cli'; backup?: string }> {
    const format = formatFor(client);
    const exe = client.cli ? findExecutable(client.cli.binary, await searchPath()) : null;
    const installSteps = exe?.runnable ? client.cli!.install({ stdio: this.#deps.installer.expectedStdio(client) }) : null;
    const removeSteps = exe?.runnable ? keys.map((k) => client.cli!.remove(k)) : [];
    if (exe?.runnable && installSteps && removeSteps.every((s) => s !== null)) {
      // The client's own CLI owns this file (Claude Code): it removes and adds.
      return this.#deps.editor.exclusive(client, file, async () => {
        const before = (await readConfig(client, file)).text ?? '';
        const backup = await this.#deps.editor.backupNow(client, file);
        try {
          await runClientCli(exe.path, client.cli!.binary, [...removeSteps.flat().map((s) => s!), ...installSteps], [], { ...process.env, PATH: await searchPath() });
        } catch (error) {
          if (error instanceof ClientCliError) throw new ControlError('failed', error.message);
          throw error;
        }
        const after = (await readConfig(client, file)).text ?? '';
        return { diff: unifiedDiff(before, after, file, file), via: 'cli' as const, backup };
      });
    }
    const outcome = await this.#deps.editor.exclusive(client, file, async () => {
      const edited = await this.#deps.editor.editHeld(client, file, (text) => {
        let out = format.set(text, ENTRY_NAME, entry).text;
        for (const key of keys) out = format.remove(out, key, false);
        return out;
      });
      // Importing puts our entry in: remember it like an install (the servers key was there already).
      await this.#deps.records.set(client.id, { path: file, createdFile: false, createdContainer: false, transport: 'stdio', via: 'file', at: new Date().toISOString() });
      return edited;
    });
    return { diff: unifiedDiff(outcome.before ?? '', outcome.after ?? '', file, file), via: 'file', backup: outcome.backup };
  }
}

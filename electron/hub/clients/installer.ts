// Install into IDE: writes the one `mcp-tray` entry (the bridge, or URL + bearer with --http) into
// a client, through its own CLI when that is on PATH, else by a targeted edit of its config file;
// uninstall takes exactly that entry back; status says where each client stands. With a project
// folder, the same entry goes into the client's project file (always a file edit: the clients'
// CLIs write user scope), with its own record and backups.
import { rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ControlError } from '../contract/contract.ts';
import type { ClientInstallStatus, ClientRow, InstallResult, InstalledEntryInfo, ProjectInstallRow, UninstallResult } from '../contract/api/clients.ts';
import type { SessionInfo } from '../contract/shapes.ts';
import { projectBackupKey } from './backups.ts';
import { bridgeCommand, type BridgeLauncher } from './bridge-launcher.ts';
import { ClientCliError, describeSteps, mask, runClientCli } from './client-cli.ts';
import { ENTRY_NAME, type ClientSpec, type HttpEntryInput, type StdioEntryInput } from './client-table.ts';
import { ConfigEditor, describeConfigError, readConfig } from './config-access.ts';
import { sameValue } from './config-formats/entry-format.ts';
import { formatFor } from './config-formats/format-for-client.ts';
import { chooseConfigPath, currentPathContext } from './config-paths.ts';
import { detectClient, findExecutable, searchPath, type Executable } from './detect.ts';
import type { InstallRecord, InstallRecords, ProjectInstallRecord } from './install-records.ts';
import { profileInArgs, projectConfigFile, requireProjectConfig, resolveProjectFolder } from './project-scope.ts';
import { unifiedDiff } from './unified-diff.ts';

/** What the clients feature needs from the hub. */
export interface ClientsContext {
  readonly dataDir: string;
  readonly launcher: BridgeLauncher;
  /** The HTTP MCP endpoint's URL, or why the hub's HTTP listener is off. */
  http(): { url: string } | { off: string };
  /** The client's bearer token (issued once, kept in the keychain). */
  issueToken(clientId: string): Promise<string>;
  tokenIssued(clientId: string): boolean;
  sessions(clientId: string): SessionInfo[];
}

export class ClientInstaller {
  readonly #ctx: ClientsContext;
  readonly #editor: ConfigEditor;
  readonly #records: InstallRecords;

  constructor(ctx: ClientsContext, editor: ConfigEditor, records: InstallRecords) {
    this.#ctx = ctx;
    this.#editor = editor;
    this.#records = records;
  }

  configPath(client: ClientSpec): string {
    return chooseConfigPath(client.userConfig(currentPathContext()));
  }

  /** The bridge command this hub writes for a client now (naming `profile` when given). */
  expectedStdio(client: ClientSpec, profile?: string): StdioEntryInput {
    return bridgeCommand(this.#ctx.launcher, client.id, this.#ctx.dataDir, profile);
  }

  async row(client: ClientSpec, pathList?: string): Promise<ClientRow> {
    const list = pathList ?? (await searchPath());
    const file = this.configPath(client);
    const detection = detectClient(client, currentPathContext(), file, list);
    const state = await readConfig(client, file);
    const cliExe = client.cli ? findExecutable(client.cli.binary, list) : null;
    let status: ClientInstallStatus = detection.detected ? 'detected' : 'not-detected';
    let problem = state.problem;
    let installed: InstalledEntryInfo | undefined;
    if (problem) status = 'unreadable';
    else {
      const entry = state.entries?.[ENTRY_NAME];
      if (entry !== undefined) {
        installed = describeEntry(entry);
        const stale = this.#staleness(client, installed);
        status = stale ? 'outdated' : 'installed';
        if (stale) problem = stale;
      }
    }
    return {
      id: client.id,
      label: client.label,
      format: client.format,
      detected: detection.detected || status === 'installed' || status === 'outdated',
      detectedBy: detection.by,
      status,
      configPath: file,
      projectConfig: client.projectConfig,
      projects: client.projectConfig ? await Promise.all((await this.#records.projects(client.id)).map((r) => this.#projectRow(client, r))) : [],
      problem,
      installed,
      http: { supported: !!client.httpEntry, reason: client.httpEntry ? undefined : client.noHttpReason, tokenIssued: this.#ctx.tokenIssued(client.id) },
      cli: client.cli ? { binary: client.cli.binary, path: cliExe?.path ?? null, used: !!cliExe?.runnable } : undefined,
      sessions: this.#ctx.sessions(client.id),
      reload: client.reload,
    };
  }

  async install(client: ClientSpec, options: { http?: boolean; dryRun?: boolean; project?: string; profile?: string }): Promise<InstallResult> {
    if (options.http && options.profile !== undefined) {
      throw new ControlError(
        'invalid-params',
        `--profile does not go into an HTTP entry: its profile comes from its bearer token. Install ${client.id} with --http alone, then bind the token: mcp-tray clients token ${client.id} --profile ${options.profile}`,
      );
    }
    if (options.project !== undefined) return this.#installIntoProject(client, options.project, options);
    const file = this.configPath(client);
    const dryRun = !!options.dryRun;
    const transport = options.http ? 'http' : 'stdio';
    const secrets: string[] = [];
    let value: Record<string, unknown>;
    let cliEntry: { stdio: StdioEntryInput } | { http: HttpEntryInput };
    if (options.http) {
      if (!client.httpEntry) throw new ControlError('invalid-params', client.noHttpReason ?? `${client.label} cannot take an HTTP entry`);
      const http = this.#ctx.http();
      if ('off' in http) throw new ControlError('unavailable', `the hub's HTTP endpoint is off (${http.off}), so there is no URL to write and nothing was changed; install ${client.id} without --http to use the bridge entry`);
      const url = http.url;
      // A dry run must not issue a token; it shows where the token would go.
      const token = dryRun ? '<token>' : await this.#token(client.id);
      if (!dryRun) secrets.push(token);
      value = client.httpEntry({ url, token });
      cliEntry = { http: { url, token } };
    } else {
      const stdio = this.expectedStdio(client, options.profile);
      value = client.stdioEntry(stdio);
      cliEntry = { stdio };
    }
    const profile = options.profile;

    const format = formatFor(client);
    const existing = await readConfig(client, file);
    if (existing.problem) throw new ControlError('failed', `cannot install into ${client.label}: ${existing.problem}; the file was not changed`);
    const cli = await this.#usableCli(client);
    const steps = cli && client.cli!.install(cliEntry);
    const notes: string[] = [];

    if (cli && steps) {
      const commands = describeSteps(client.cli!.binary, steps, secrets);
      if (dryRun) {
        const simulated = format.set(existing.text ?? '', ENTRY_NAME, value).text;
        return this.#installResult(client, file, transport, { dryRun, changed: true, diff: unifiedDiff(existing.text ?? '', simulated, file, file), createdFile: existing.text === null, commands, notes, profile });
      }
      const outcome = await this.#editor.exclusive(client, file, async () => {
        const backup = await this.#editor.backupNow(client, file);
        await this.#runCli(cli, client, steps, secrets);
        const after = await readConfig(client, file);
        return { backup, after };
      });
      await this.#records.set(client.id, { path: file, createdFile: false, createdContainer: false, transport, via: 'cli', at: new Date().toISOString(), ...(profile !== undefined ? { profile } : {}) });
      const diff = mask(unifiedDiff(existing.text ?? '', outcome.after.text ?? '', file, file), secrets);
      return this.#installResult(client, file, transport, { dryRun, changed: true, diff, createdFile: existing.text === null, backup: outcome.backup, commands, notes, profile });
    }

    let created = { file: false, container: false, added: false };
    const transform = (text: string, existed: boolean): string => {
      const before = format.read(text);
      const result = format.set(text, ENTRY_NAME, value);
      created = { file: !existed || text.trim() === '', container: result.createdContainer, added: before[ENTRY_NAME] === undefined };
      return result.text;
    };
    const fail = (error: unknown): never => {
      throw new ControlError('failed', `cannot install into ${client.label}: ${describeConfigError(file, error)}; the file was not changed`);
    };
    const newFileMode = options.http ? 0o600 : 0o644;
    const outcome = dryRun
      ? await this.#editor.edit(client, file, transform, { dryRun, newFileMode }).catch(fail)
      : await this.#editor
          .exclusive(client, file, async () => {
            // The record changes with the file, under the same lock, so a parallel uninstall sees both.
            const edited = await this.#editor.editHeld(client, file, transform, { newFileMode });
            if (edited.changed) {
              const previous = await this.#records.get(client.id, file);
              await this.#records.set(client.id, {
                path: file,
                createdFile: created.added ? created.file : (previous?.createdFile ?? false),
                createdContainer: created.added ? created.container : (previous?.createdContainer ?? false),
                transport,
                via: 'file',
                at: new Date().toISOString(),
                ...(profile !== undefined ? { profile } : {}),
              });
            }
            return edited;
          })
          .catch(fail);
    if (!dryRun && outcome.changed && options.http) {
      const mode = await stat(file).then((s) => s.mode & 0o077, () => 0);
      if (mode) notes.push(`${file} is readable by other users on this machine and now holds a bearer token; consider chmod 600`);
    }
    const diff = mask(unifiedDiff(outcome.before ?? '', outcome.after ?? '', file, file), secrets);
    return this.#installResult(client, file, transport, { dryRun, changed: outcome.changed, diff, createdFile: outcome.before === null, backup: outcome.backup, notes, profile });
  }

  /** The bridge entry into `dir`'s project file for the client: a targeted file edit, never the client's CLI. */
  async #installIntoProject(client: ClientSpec, dir: string, options: { http?: boolean; dryRun?: boolean; profile?: string }): Promise<InstallResult> {
    requireProjectConfig(client);
    if (options.http) {
      throw new ControlError(
        'invalid-params',
        `--http cannot go into a project file: it is usually committed to version control and the entry would carry a bearer token; install into the project without --http (the bridge entry holds no secret)`,
      );
    }
    const project = await resolveProjectFolder(dir);
    const file = this.#projectFile(client, project);
    const dryRun = !!options.dryRun;
    const profile = options.profile;
    const value = client.stdioEntry(this.expectedStdio(client, profile));
    const format = formatFor(client);
    const existing = await readConfig(client, file);
    if (existing.problem) throw new ControlError('failed', `cannot install into ${client.label} in ${project}: ${existing.problem}; the file was not changed`);
    const folder = path.dirname(file);
    let created = { file: false, container: false, added: false };
    const transform = (text: string, existed: boolean): string => {
      const before = format.read(text);
      const result = format.set(text, ENTRY_NAME, value);
      created = { file: !existed || text.trim() === '', container: result.createdContainer, added: before[ENTRY_NAME] === undefined };
      return result.text;
    };
    const fail = (error: unknown): never => {
      throw new ControlError('failed', `cannot install into ${client.label} in ${project}: ${describeConfigError(file, error)}; the file was not changed`);
    };
    const backupAs = projectBackupKey(client.id, project);
    const outcome = dryRun
      ? await this.#editor.edit(client, file, transform, { dryRun, backupAs }).catch(fail)
      : await this.#editor
          .exclusive(client, file, async () => {
            const folderExisted = folder === project || (await isFolder(folder));
            const edited = await this.#editor.editHeld(client, file, transform, { backupAs, newFileMode: 0o644 });
            const previous = await this.#records.getProject(client.id, project);
            if (edited.changed || !previous) {
              await this.#records.setProject({
                client: client.id,
                project,
                path: file,
                createdFile: created.added ? created.file : (previous?.createdFile ?? false),
                createdContainer: created.added ? created.container : (previous?.createdContainer ?? false),
                createdFolder: created.added ? !folderExisted : (previous?.createdFolder ?? false),
                transport: 'stdio',
                via: 'file',
                at: new Date().toISOString(),
                ...(profile !== undefined ? { profile } : {}),
              });
            }
            return edited;
          })
          .catch(fail);
    const diff = unifiedDiff(outcome.before ?? '', outcome.after ?? '', file, file);
    const record = await this.#records.getProject(client.id, project);
    const status = record && !dryRun ? (await this.#projectRow(client, record)).status : 'detected';
    return {
      client: client.id,
      label: client.label,
      path: file,
      scope: 'project',
      project,
      ...(profile !== undefined ? { profile } : {}),
      transport: 'stdio',
      via: 'file',
      dryRun,
      changed: outcome.changed,
      diff,
      createdFile: outcome.before === null && !dryRun,
      backup: outcome.backup,
      status: status === 'missing' ? 'detected' : status,
      reload: client.reload,
      notes: [],
    };
  }

  /** The client's file in a resolved project folder; refuses the folder whose project file is the user config itself. */
  #projectFile(client: ClientSpec, project: string): string {
    const file = projectConfigFile(client, project);
    if (path.resolve(file) === path.resolve(this.configPath(client))) {
      throw new ControlError('invalid-params', `${file} is ${client.label}'s user config, not a project file; install ${client.id} without --project`);
    }
    return file;
  }

  /** Where an install into a project stands now, read from the file itself. */
  async #projectRow(client: ClientSpec, record: ProjectInstallRecord): Promise<ProjectInstallRow> {
    const base = { project: record.project, path: record.path, at: record.at, ...(record.profile !== undefined ? { profile: record.profile } : {}) };
    const state = await readConfig(client, record.path);
    if (state.problem) return { ...base, status: 'unreadable', problem: state.problem };
    const entry = state.entries?.[ENTRY_NAME];
    if (entry === undefined) return { ...base, status: 'missing', problem: state.text === null ? `${record.path} no longer exists` : `${record.path} no longer has the mcp-tray entry` };
    const installed = describeEntry(entry);
    const stale = this.#staleness(client, installed);
    return { ...base, status: stale ? 'outdated' : 'installed', installed, ...(stale ? { problem: stale } : {}) };
  }

  async uninstall(client: ClientSpec, options: { dryRun?: boolean; project?: string }): Promise<UninstallResult> {
    if (options.project !== undefined) return this.#uninstallFromProject(client, options.project, !!options.dryRun);
    const file = this.configPath(client);
    const dryRun = !!options.dryRun;
    const format = formatFor(client);
    const existing = await readConfig(client, file);
    if (existing.problem) throw new ControlError('failed', `cannot uninstall from ${client.label}: ${existing.problem}; the file was not changed`);
    const base = { client: client.id, label: client.label, path: file, scope: 'user' as const, dryRun };
    if (existing.entries?.[ENTRY_NAME] === undefined) {
      return { ...base, via: 'file', changed: false, diff: '', deletedFile: false };
    }
    const cli = await this.#usableCli(client);
    const steps = cli && client.cli!.remove(ENTRY_NAME);
    if (cli && steps) {
      const commands = describeSteps(client.cli!.binary, steps, []);
      if (dryRun) {
        const simulated = format.remove(existing.text ?? '', ENTRY_NAME, false);
        return { ...base, via: 'cli', changed: true, diff: unifiedDiff(existing.text ?? '', simulated, file, file), deletedFile: false, commands };
      }
      const outcome = await this.#editor.exclusive(client, file, async () => {
        const backup = await this.#editor.backupNow(client, file);
        await this.#runCli(cli, client, steps, []);
        return { backup, after: await readConfig(client, file) };
      });
      await this.#records.delete(client.id);
      return { ...base, via: 'cli', changed: true, diff: unifiedDiff(existing.text ?? '', outcome.after.text ?? '', file, file), deletedFile: false, backup: outcome.backup, commands };
    }
    const fail = (error: unknown): never => {
      throw new ControlError('failed', `cannot uninstall from ${client.label}: ${describeConfigError(file, error)}; the file was not changed`);
    };
    const removal = (record: InstallRecord | undefined) => (text: string, existed: boolean) => {
      if (!existed) return null;
      const out = format.remove(text, ENTRY_NAME, record?.createdContainer ?? false);
      // A file MCP Tray created and that holds nothing else goes away again.
      return out !== text && record?.createdFile && format.isEmpty(out) ? null : out;
    };
    const outcome = dryRun
      ? await this.#editor.edit(client, file, removal(await this.#records.get(client.id, file)), { dryRun }).catch(fail)
      : await this.#editor
          .exclusive(client, file, async () => {
            const edited = await this.#editor.editHeld(client, file, removal(await this.#records.get(client.id, file)));
            await this.#records.delete(client.id);
            return edited;
          })
          .catch(fail);
    return {
      ...base,
      via: 'file',
      changed: outcome.changed,
      diff: unifiedDiff(outcome.before ?? '', outcome.after ?? '', file, outcome.after === null ? '/dev/null' : file),
      deletedFile: outcome.changed && outcome.after === null,
      backup: outcome.backup,
    };
  }

  /** Takes the entry out of `dir`'s project file; a file (and folder) MCP Tray created and that is left empty goes away. */
  async #uninstallFromProject(client: ClientSpec, dir: string, dryRun: boolean): Promise<UninstallResult> {
    requireProjectConfig(client);
    let project: string;
    try {
      project = await resolveProjectFolder(dir);
    } catch (error) {
      // A project folder that is gone takes its install with it: forget the record, change nothing.
      const gone = path.resolve(dir);
      const record = (await this.#records.projects(client.id)).find((r) => r.project === gone || r.project === dir);
      if (!record || !(error instanceof ControlError) || !/does not exist/.test(error.message)) throw error;
      if (!dryRun) await this.#records.deleteProject(client.id, record.project);
      return { client: client.id, label: client.label, path: record.path, scope: 'project', project: record.project, dryRun, via: 'file', changed: false, diff: '', deletedFile: false };
    }
    const file = this.#projectFile(client, project);
    const base = { client: client.id, label: client.label, path: file, scope: 'project' as const, project, dryRun, via: 'file' as const };
    const format = formatFor(client);
    const existing = await readConfig(client, file);
    if (existing.problem) throw new ControlError('failed', `cannot uninstall from ${client.label} in ${project}: ${existing.problem}; the file was not changed`);
    if (existing.entries?.[ENTRY_NAME] === undefined) {
      if (!dryRun) await this.#records.deleteProject(client.id, project);
      return { ...base, changed: false, diff: '', deletedFile: false };
    }
    const fail = (error: unknown): never => {
      throw new ControlError('failed', `cannot uninstall from ${client.label} in ${project}: ${describeConfigError(file, error)}; the file was not changed`);
    };
    const removal = (record: ProjectInstallRecord | undefined) => (text: string, existed: boolean) => {
      if (!existed) return null;
      const out = format.remove(text, ENTRY_NAME, record?.path === file && record.createdContainer);
      return out !== text && record?.path === file && record.createdFile && format.isEmpty(out) ? null : out;
    };
    const backupAs = projectBackupKey(client.id, project);
    const outcome = dryRun
      ? await this.#editor.edit(client, file, removal(await this.#records.getProject(client.id, project)), { dryRun, backupAs }).catch(fail)
      : await this.#editor
          .exclusive(client, file, async () => {
            const record = await this.#records.getProject(client.id, project);
            const edited = await this.#editor.editHeld(client, file, removal(record), { backupAs });
            // The client's folder (`.cursor`, `.vscode`, …) MCP Tray made goes too, when nothing else is in it.
            if (edited.changed && edited.after === null && record?.createdFolder && path.dirname(file) !== project) {
              await rmdir(path.dirname(file)).catch(() => undefined);
            }
            await this.#records.deleteProject(client.id, project);
            return edited;
          })
          .catch(fail);
    return {
      ...base,
      changed: outcome.changed,
      diff: unifiedDiff(outcome.before ?? '', outcome.after ?? '', file, outcome.after === null ? '/dev/null' : file),
      deletedFile: outcome.changed && outcome.after === null,
      backup: outcome.backup,
    };
  }

  /** The client's CLI when it is on PATH and can be run without a shell. */
  async #usableCli(client: ClientSpec): Promise<Executable | null> {
    if (!client.cli) return null;
    const exe = findExecutable(client.cli.binary, await searchPath());
    return exe?.runnable ? exe : null;
  }

  async #runCli(exe: Executable, client: ClientSpec, steps: NonNullable<ReturnType<NonNullable<ClientSpec['cli']>['install']>>, secrets: string[]): Promise<void> {
    try {
      await runClientCli(exe.path, client.cli!.binary, steps, secrets, { ...process.env, PATH: await searchPath() });
    } catch (error) {
      if (error instanceof ClientCliError) throw new ControlError('failed', `${client.label}: ${error.message}`);
      throw error;
    }
  }

  async #token(clientId: string): Promise<string> {
    try {
      return await this.#ctx.issueToken(clientId);
    } catch (error) {
      throw new ControlError('unavailable', `cannot issue an HTTP token for ${clientId}: ${(error as Error).message}`);
    }
  }

  /** Why an installed entry no longer matches what this hub would write, or undefined. */
  #staleness(client: ClientSpec, entry: InstalledEntryInfo): string | undefined {
    if (entry.transport === 'http') {
      const http = this.#ctx.http();
      return 'url' in http && entry.url !== http.url ? `points at ${entry.url}, the hub now listens at ${http.url}` : undefined;
    }
    const expected = this.expectedStdio(client, profileInArgs(entry.args));
    if (entry.command === expected.command && sameValue(entry.args ?? [], expected.args)) return undefined;
    return `runs ${[entry.command, ...(entry.args ?? [])].join(' ')}; this hub's bridge is ${[expected.command, ...expected.args].join(' ')}`;
  }

  async #installResult(
    client: ClientSpec,
    file: string,
    transport: 'stdio' | 'http',
    outcome: { dryRun: boolean; changed: boolean; diff: string; createdFile: boolean; backup?: string; commands?: string[]; notes: string[]; profile?: string },
  ): Promise<InstallResult> {
    return {
      client: client.id,
      label: client.label,
      path: file,
      scope: 'user',
      ...(outcome.profile !== undefined ? { profile: outcome.profile } : {}),
      transport,
      via: outcome.commands ? 'cli' : 'file',
      dryRun: outcome.dryRun,
      changed: outcome.changed,
      diff: outcome.diff,
      createdFile: outcome.createdFile && !outcome.dryRun,
      backup: outcome.backup,
      commands: outcome.commands,
      status: (await this.row(client)).status,
      reload: client.reload,
      notes: outcome.notes,
    };
  }
}

/** What kind of entry `mcp-tray` is in a client's config. */
export function describeEntry(entry: unknown): InstalledEntryInfo {
  const e = (entry && typeof entry === 'object' ? entry : {}) as Record<string, unknown>;
  const url = [e.url, e.serverUrl, e.httpUrl].find((u): u is string => typeof u === 'string');
  if (url && e.command === undefined) return { transport: 'http', url };
  // Zed's oldest format nests the command: { "command": { "path", "args" } }.
  const nested = e.command && typeof e.command === 'object' ? (e.command as Record<string, unknown>) : undefined;
  const command = typeof e.command === 'string' ? e.command : typeof nested?.path === 'string' ? nested.path : undefined;
  const rawArgs = nested?.args ?? e.args;
  const args = Array.isArray(rawArgs) ? rawArgs.map(String) : [];
  return { transport: 'stdio', command, args };
}

async function isFolder(dir: string): Promise<boolean> {
  return stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

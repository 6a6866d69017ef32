// `mcp-tray import CLIENT [--servers a,b] [--delete-backup] [--list]`: moves the servers an IDE
// already configures into MCP Tray (plaintext tokens into the keychain) and replaces them there
// with the one mcp-tray entry. --list only shows what it would find.
import type { CliContext } from '../cli-context.ts';
import { HubClient } from '../hub-client.ts';
import { json, table } from '../output.ts';
import { arg, flag, option, type ParsedCommand } from '../parse-command.ts';

export async function run(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const client = arg(command, 'CLIENT');
  const values = { list: flag(command, 'list'), json: flag(command, 'json'), servers: option(command, 'servers'), 'delete-backup': flag(command, 'delete-backup') };
  const hub = await HubClient.connect(ctx.dataDir);
  try {
    if (values.list) {
      const found = await hub.request('clients.importable', { client });
      if (values.json) ctx.stdout.write(json(found));
      else if (found.servers.length === 0) ctx.stdout.write(`${found.label} has no servers besides mcp-tray in ${found.path}\n`);
      else {
        ctx.stdout.write(`${found.label} (${found.path}):\n`);
        ctx.stdout.write(
          table([
            ['SERVER', 'AS', 'RUNS', 'SECRETS → KEYCHAIN', 'NOTE'],
            ...found.servers.map((s) => [s.key, s.importable ? s.suggestedId : '-', s.url ?? [s.command, ...(s.args ?? [])].join(' '), s.secrets.join(', ') || '-', s.reason ?? '']),
          ]),
        );
      }
      return 0;
    }
    const servers = values.servers?.split(',').map((s) => s.trim()).filter(Boolean);
    const result = await hub.request('clients.import', { client, servers, deleteBackup: values['delete-backup'] });
    if (values.json) {
      ctx.stdout.write(json(result));
      return 0;
    }
    if (result.imported.length === 0) ctx.stdout.write(`Nothing imported from ${result.label} (${result.path}).\n`);
    else {
      ctx.stdout.write(`Imported from ${result.label} (${result.path}):\n`);
      for (const s of result.imported) {
        ctx.stdout.write(`  ${s.key} → ${s.id} (${s.state})${s.secrets.length ? `; ${s.secrets.join(', ')} moved to the keychain` : ''}\n`);
      }
      ctx.stdout.write(`${result.label} now reaches them through the mcp-tray entry.${result.backup ? ` Backup of the original: ${result.backup}` : ''}\n`);
    }
    for (const s of result.skipped) ctx.stdout.write(`  skipped ${s.key}: ${s.reason}\n`);
    for (const deleted of result.deletedBackups) ctx.stdout.write(`Deleted the backup ${deleted}, which held the plaintext token(s).\n`);
    if (result.backupsWithSecrets.length > 0) {
      const remove = process.platform === 'win32' ? 'del' : 'rm';
      ctx.stdout.write(`\n! ${result.backupsWithSecrets.length === 1 ? 'This backup still holds' : 'These backups still hold'} the plaintext token(s) now kept in the keychain:\n`);
      for (const backup of result.backupsWithSecrets) ctx.stdout.write(`    ${backup}\n`);
      ctx.stdout.write(`  Delete ${result.backupsWithSecrets.length === 1 ? 'it' : 'them'} once ${result.label} works with MCP Tray:\n`);
      ctx.stdout.write(`    ${remove} ${result.backupsWithSecrets.map((b) => JSON.stringify(b)).join(' ')}\n`);
      ctx.stdout.write('  (next time, import with --delete-backup to delete it right away)\n');
    }
    if (result.imported.length > 0) ctx.stdout.write(`${result.reload}\n`);
    return 0;
  } finally {
    hub.close();
  }
}

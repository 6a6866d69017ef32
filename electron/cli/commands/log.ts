// `mcp-tray log [--follow] [--json] [--server S] [--client C] [--decision D] [--outcome O] [--search T]
// [--limit N] [--export jsonl|csv]`: the call log, newest last; --follow streams new calls. Without
// a running hub it reads the log's SQLite file read-only (and says so); --follow needs the hub.
import type { LogEntry, LogPage, LogQuery } from '../../hub/contract/call-log-shapes.ts';
import { csvHeader, toCsvRows, toJsonl } from '../../hub/call-log/export-format.ts';
import { CallLogReader } from '../../hub/call-log/call-log-reader.ts';
import { dataPaths } from '../../hub/paths.ts';
import { CliError } from '../cli-error.ts';
import type { CliContext } from '../cli-context.ts';
import { HubClient } from '../hub-client.ts';
import { flag, option, type ParsedCommand } from '../parse-command.ts';

type Filters = Pick<LogQuery, 'server' | 'client' | 'decision' | 'outcome' | 'search'>;
type Query = (query: Omit<LogQuery, 'method'>) => Promise<LogPage>;

export async function run(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const filters: Filters = {
    server: option(command, 'server'),
    client: option(command, 'client'),
    decision: option(command, 'decision'),
    outcome: option(command, 'outcome'),
    search: option(command, 'search'),
  };
  const format = option(command, 'export');
  if (format !== undefined && format !== 'jsonl' && format !== 'csv') throw new CliError(`--export takes jsonl or csv, not "${format}"`, undefined, 2);
  const limitOption = option(command, 'limit');
  const limit = limitOption === undefined ? 50 : Number(limitOption);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new CliError(`--limit must be a whole number from 1 to 1000, not "${limitOption}"`, undefined, 2);
  const follow = flag(command, 'follow');
  const asJson = flag(command, 'json');

  const hub = await HubClient.connectIfRunning(ctx.dataDir);
  if (!hub) {
    if (follow) throw new CliError(`--follow needs the running hub, and none runs for ${ctx.dataDir}; start it with "mcp-tray serve" (without --follow this reads the log file)`);
    const reader = new CallLogReader(dataPaths(ctx.dataDir).callLog);
    try {
      // On stderr, so exports and JSON on stdout stay clean.
      ctx.stderr.write(`mcp-tray: the hub is not running; read the call log file of ${ctx.dataDir}\n`);
      const query: Query = async (q) => reader.query(q);
      return format ? await exportAll(query, format, filters, ctx) : await printPage(query, filters, limit, asJson, ctx);
    } finally {
      reader.close();
    }
  }
  try {
    const query: Query = (q) => hub.request('callLog.query', q);
    if (format) return await exportAll(query, format, filters, ctx);
    const print = (entry: LogEntry) => ctx.stdout.write(asJson ? `${JSON.stringify(entry)}\n` : line(entry));
    if (follow) {
      await hub.subscribe((event) => {
        if (event.type !== 'call-logged') return;
        const entry = event.entry as LogEntry;
        if (matches(entry, filters)) print(entry);
      });
    }
    await printPage(query, filters, limit, asJson, ctx);
    if (follow) await hub.closed();
    return 0;
  } finally {
    hub.close();
  }
}

async function printPage(query: Query, filters: Filters, limit: number, asJson: boolean, ctx: CliContext): Promise<number> {
  const page = await query({ ...filters, limit });
  for (const entry of [...page.entries].reverse()) ctx.stdout.write(asJson ? `${JSON.stringify(entry)}\n` : line(entry));
  return 0;
}

async function exportAll(query: Query, format: 'jsonl' | 'csv', filters: Filters, ctx: CliContext): Promise<number> {
  if (format === 'csv') ctx.stdout.write(csvHeader());
  let before: number | undefined;
  do {
    const page = await query({ ...filters, before, limit: 1000 });
    ctx.stdout.write(format === 'csv' ? toCsvRows(page.entries) : toJsonl(page.entries));
    before = page.nextBefore;
  } while (before !== undefined);
  return 0;
}

function matches(entry: LogEntry, f: Filters): boolean {
  if (f.server && entry.serverId !== f.server) return false;
  if (f.client && entry.clientId !== f.client) return false;
  if (f.decision && entry.decision !== f.decision) return false;
  if (f.outcome && entry.outcome !== f.outcome) return false;
  if (f.search && !`${entry.target} ${JSON.stringify(entry.arguments)} ${entry.preview}`.toLowerCase().includes(f.search.toLowerCase())) return false;
  return true;
}

function line(e: LogEntry): string {
  const who = e.clientName ? `${e.clientId}/${e.clientName}` : e.clientId;
  const args = JSON.stringify(e.arguments);
  return `${e.startedAt}  ${who}  ${e.serverId}/${e.target}  ${e.decision} → ${e.outcome}  ${e.durationMs}ms  ${args.length > 120 ? `${args.slice(0, 117)}...` : args}${e.denyReason ? `  reason: ${e.denyReason}` : ''}\n`;
}

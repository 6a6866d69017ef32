// `mcp-tray log [--follow] [--json] [--server S] [--client C] [--decision D] [--outcome O] [--search T]
// [--limit N] [--export jsonl|csv]`: the call log, newest last; --follow streams new calls.
import { parseArgs } from 'node:util';
import type { LogEntry } from '../../hub/contract/call-log-shapes.ts';
import { csvHeader, toCsvRows, toJsonl } from '../../hub/call-log/export-format.ts';
import { CliError } from '../cli-error.ts';
import { HubClient } from '../hub-client.ts';
import type { CliContext } from '../main.ts';

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      follow: { type: 'boolean', short: 'f' },
      json: { type: 'boolean' },
      server: { type: 'string' },
      client: { type: 'string' },
      decision: { type: 'string' },
      outcome: { type: 'string' },
      search: { type: 'string' },
      limit: { type: 'string' },
      export: { type: 'string' },
    },
  });
  const filters = { server: values.server, client: values.client, decision: values.decision, outcome: values.outcome, search: values.search };
  const hub = await HubClient.connect(ctx.dataDir);
  try {
    if (values.export) return await exportAll(hub, values.export, filters, ctx);
    const limit = values.limit === undefined ? 50 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new CliError('--limit must be between 1 and 1000', undefined, 2);
    const print = (entry: LogEntry) => ctx.stdout.write(values.json ? `${JSON.stringify(entry)}\n` : line(entry));
    if (values.follow) {
      await hub.subscribe((event) => {
        if (event.type !== 'call-logged') return;
        const entry = event.entry as LogEntry;
        if (matches(entry, filters)) print(entry);
      });
    }
    const page = await hub.request('callLog.query', { ...filters, limit });
    for (const entry of [...page.entries].reverse()) print(entry);
    if (values.follow) await hub.closed();
    return 0;
  } finally {
    hub.close();
  }
}

async function exportAll(hub: HubClient, format: string, filters: Record<string, string | undefined>, ctx: CliContext): Promise<number> {
  if (format !== 'jsonl' && format !== 'csv') throw new CliError('--export takes jsonl or csv', undefined, 2);
  if (format === 'csv') ctx.stdout.write(csvHeader());
  let before: number | undefined;
  do {
    const page = await hub.request('callLog.query', { ...filters, before, limit: 1000 });
    ctx.stdout.write(format === 'csv' ? toCsvRows(page.entries) : toJsonl(page.entries));
    before = page.nextBefore;
  } while (before !== undefined);
  return 0;
}

function matches(entry: LogEntry, f: Record<string, string | undefined>): boolean {
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

// The paths no bundled server reaches, resolved for this machine: MCP Tray's data folder (always),
// then the `deniedPaths` setting with "~" expanded and the IDE MCP config entry replaced by every
// MCP config file of the IDEs MCP Tray knows (clients/client-table.ts). The filesystem server
// enforces this list today; a sandbox will use the same one.
import path from 'node:path';
import { CLIENTS } from '../clients/client-table.ts';
import { currentPathContext, type PathContext } from '../clients/config-paths.ts';
import { IDE_MCP_CONFIGS } from '../settings/denied-path-defaults.ts';

export function effectiveDeniedPaths(entries: readonly string[], dataDir: string, ctx: PathContext = currentPathContext()): string[] {
  const api = ctx.platform === 'win32' ? path.win32 : path.posix;
  const resolved = new Set<string>([api.resolve(dataDir)]);
  for (const entry of entries) {
    if (entry === IDE_MCP_CONFIGS) {
      for (const client of CLIENTS) for (const file of client.userConfig(ctx)) resolved.add(file);
      continue;
    }
    const expanded = entry === '~' ? ctx.home : entry.startsWith('~/') || entry.startsWith('~\\') ? api.join(ctx.home, entry.slice(2)) : entry;
    // A relative entry means nothing stable; it is taken relative to the home folder.
    resolved.add(api.isAbsolute(expanded) ? api.normalize(expanded) : api.join(ctx.home, expanded));
  }
  return [...resolved];
}

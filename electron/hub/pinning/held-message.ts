// What a client is told when it calls a held tool: why, and what the user can do.
import type { HeldToolInfo } from '../contract/shapes.ts';

export function heldToolMessage(held: HeldToolInfo): string {
  const what =
    held.kind === 'new'
      ? 'it is new, and this server\'s new tools wait for the user\'s review'
      : `its definition changed since the user approved it (${held.fields.join(', ')})${held.becomesReadOnly ? ' and it would now claim to be read-only' : ''}`;
  const state = held.rejected ? 'The user rejected the new definition.' : 'It is not callable until the user reviews it:';
  return `MCP Tray holds tool "${held.tool}" of server "${held.serverId}": ${what}. ${state} mcp-tray servers review ${held.serverId}`;
}

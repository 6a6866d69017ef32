// What happens to a call before any human is asked: the decision from write mode, the tool's
// class and the user's per-tool switches. Checked at call time, never only when listing.
import type { ServerDefinition, ToolClass } from '../settings/schema.ts';

export type AccessDecision = 'auto-read' | 'allow-mode' | 'needs-approval' | 'blocked-write-off' | 'blocked-disabled';

export function decideAccess(def: ServerDefinition, toolName: string, toolClass: ToolClass): AccessDecision {
  if (def.toolOverrides[toolName]?.disabled) return 'blocked-disabled';
  if (toolClass === 'read') return 'auto-read';
  switch (def.writeMode) {
    case 'off':
      return 'blocked-write-off';
    case 'allow':
      return 'allow-mode';
    case 'ask':
      return 'needs-approval';
  }
}

/** Whether clients see the tool in tools/list. */
export function isListed(def: ServerDefinition, toolName: string, toolClass: ToolClass): boolean {
  const decision = decideAccess(def, toolName, toolClass);
  return decision !== 'blocked-disabled' && decision !== 'blocked-write-off';
}

export function writeModeOffMessage(serverId: string, tool: string): string {
  return (
    `MCP Tray refused "${tool}": it changes things, and write mode for server "${serverId}" is off. ` +
    `The call did not reach the server. To allow write calls (each one waits for your approval), ` +
    `turn write mode to "ask" in MCP Tray, or run: mcp-tray servers write ${serverId} ask --yes`
  );
}

export function disabledToolMessage(serverId: string, tool: string): string {
  return `MCP Tray refused "${tool}": the tool is disabled for server "${serverId}" in MCP Tray. The call did not reach the server.`;
}

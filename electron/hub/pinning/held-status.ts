// A server's status with its held tools: marked in its tool list (not listed) and listed apart.
import type { HeldToolInfo, ServerStatus } from '../contract/shapes.ts';
import type { HeldTool } from './tool-pins.ts';

export function withHeldTools(status: ServerStatus, held: readonly HeldTool[]): ServerStatus {
  if (held.length === 0) return status;
  const names = new Set(held.map((h) => h.tool));
  const heldTools: HeldToolInfo[] = held.map(({ serverId, tool, kind, fields, becomesReadOnly, rejected, digest }) => ({ serverId, tool, kind, fields, becomesReadOnly, rejected, digest }));
  return {
    ...status,
    tools: status.tools.map((t) => (names.has(t.name) ? { ...t, listed: false, held: true } : t)),
    heldTools,
  };
}

// Read or write (docs/write-mode-and-approvals.md): a tool is read only if the server's own tool list says
// readOnlyHint: true, or the user marked it read. Nothing a client sends at call time counts.
import type { ToolClass, ToolOverride } from '../settings/schema.ts';
import type { UpstreamTool } from '../upstream/passthrough-schemas.ts';

export interface Classification {
  readonly class: ToolClass;
  readonly source: 'server' | 'user';
}

export function classifyTool(tool: UpstreamTool, override: ToolOverride | undefined): Classification {
  if (override?.class) return { class: override.class, source: 'user' };
  return { class: tool.annotations?.readOnlyHint === true ? 'read' : 'write', source: 'server' };
}

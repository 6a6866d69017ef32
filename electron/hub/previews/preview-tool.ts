// The hidden tool through which the hub asks a bundled server what a write call would change
// (docs/approval-previews.md). The bundled git, postgres and memory servers register it
// (servers/common/preview-tool.ts, which spells the same name); clients never see it listed and
// cannot call it: it answers the hub only.
import type { ServerDefinition } from '../settings/schema.ts';
import type { UpstreamLists } from '../upstream/upstream-connection.ts';

export const PREVIEW_TOOL = 'mcp_tray_preview';

/** Whether `tool` of this server is the hub's preview tool, hidden from every client. */
export function isPreviewTool(def: Pick<ServerDefinition, 'kind'>, tool: string): boolean {
  return def.kind === 'bundled' && tool === PREVIEW_TOOL;
}

/** A server's lists as the hub keeps them: without the preview tool, so no client, UI or pin ever sees it. */
export function withoutPreviewTool(def: Pick<ServerDefinition, 'kind'>, lists: UpstreamLists): UpstreamLists {
  return lists.tools.some((tool) => isPreviewTool(def, tool.name)) ? { ...lists, tools: lists.tools.filter((tool) => !isPreviewTool(def, tool.name)) } : lists;
}

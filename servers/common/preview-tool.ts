// The hidden tool through which MCP Tray asks a bundled server what a write call would do, before
// the user approves it (docs/approval-previews.md). The server answers from its own side of the
// sandbox, with its own roots and guards, and changes nothing. MCP Tray never lists this tool to a
// client and refuses a client that calls it; the name is fixed and shared with the hub.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { errorResult } from './tool-results.ts';

export const PREVIEW_TOOL = 'mcp_tray_preview';

/** One titled list of lines (files changed, commits lost, entities created…). */
export interface PreviewSection {
  readonly title: string;
  readonly items: readonly string[];
}

/** What a bundled server answers; the hub checks the shape again before showing it. */
export type ServerPreview =
  | { readonly kind: 'rows'; readonly command: string; readonly rowsAffected: number | null; readonly columns: readonly string[]; readonly rows: readonly unknown[][]; readonly note?: string }
  | { readonly kind: 'lists'; readonly summary: string; readonly sections: readonly PreviewSection[] }
  | { readonly kind: 'none'; readonly reason: string };

export type Previewer = (tool: string, args: Record<string, unknown>) => Promise<ServerPreview>;

export function registerPreviewTool(server: McpServer, previewer: Previewer): void {
  server.registerTool(
    PREVIEW_TOOL,
    {
      title: 'MCP Tray: preview a write call',
      description: 'Used by MCP Tray only: says what a call of another tool of this server would change, without changing anything.',
      inputSchema: {
        tool: z.string().min(1).max(200).describe('The tool of this server whose call to preview.'),
        arguments: z.record(z.string(), z.unknown()).default({}).describe('The arguments of that call.'),
      },
      outputSchema: { preview: z.record(z.string(), z.unknown()).describe('What the call would change: kind rows, lists or none (with the reason).') },
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    async ({ tool, arguments: args }): Promise<CallToolResult> => {
      try {
        const preview = await previewer(tool, args);
        return { content: [{ type: 'text', text: JSON.stringify(preview) }], structuredContent: { preview } };
      } catch (error) {
        return errorResult((error as Error).message);
      }
    },
  );
}

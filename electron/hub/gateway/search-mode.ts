// Tool search mode (docs/profiles.md): a profile with `toolSearch` shows its clients two tools
// instead of every tool. `search_tools` ranks the profile's listed tools for a query (names,
// descriptions, input schemas); `call_tool` calls one of them by name. The inner call goes through
// the same path as a direct call: profile, write mode, approvals, rules, limits and the call log.
import { ErrorCode, McpError, type CallToolResult, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { ToolIndex } from '../profiles/tool-search.ts';
import type { ToolCallParams } from './tool-call.ts';

export const SEARCH_TOOL = 'search_tools';
export const CALL_TOOL = 'call_tool';
const DEFAULT_RESULTS = 5;
const MAX_RESULTS = 20;

export const SEARCH_MODE_TOOLS: readonly Tool[] = [
  {
    name: SEARCH_TOOL,
    title: 'Search tools',
    description:
      'Find the tools available to you through MCP Tray. Describe what you want to do in plain words; the answer lists the best matching tools with their names, descriptions and input schemas. Then call one with call_tool.',
    inputSchema: {
      type: 'object',
      properties: {
        query: { type: 'string', description: 'what you want to do, e.g. "open an issue on GitHub"' },
        limit: { type: 'integer', minimum: 1, maximum: MAX_RESULTS, description: `how many tools to return (default ${DEFAULT_RESULTS})` },
      },
      required: ['query'],
    },
    annotations: { readOnlyHint: true },
  },
  {
    name: CALL_TOOL,
    title: 'Call a tool',
    description: 'Call a tool found with search_tools, by its name, with arguments that match its input schema.',
    inputSchema: {
      type: 'object',
      properties: {
        name: { type: 'string', description: 'the tool name search_tools returned' },
        arguments: { type: 'object', description: "the tool's arguments", additionalProperties: true },
      },
      required: ['name'],
    },
  },
];

export interface ListedTool {
  readonly serverId: string;
  readonly tool: Tool;
}

/** The answer of search_tools: the best tools for the query, as JSON text and structured content. */
export function searchAnswer(listed: readonly ListedTool[], args: Record<string, unknown> | undefined): CallToolResult {
  const query = typeof args?.query === 'string' ? args.query : '';
  const limit = typeof args?.limit === 'number' && Number.isInteger(args.limit) ? Math.min(Math.max(args.limit, 1), MAX_RESULTS) : DEFAULT_RESULTS;
  const index = new ToolIndex(listed.map((entry) => ({ name: entry.tool.name, serverId: entry.serverId, description: entry.tool.description, inputSchema: entry.tool.inputSchema })));
  const tools = index.search(query, limit).map((hit) => ({ name: hit.tool.name, server: hit.tool.serverId, description: hit.tool.description ?? '', inputSchema: hit.tool.inputSchema }));
  const text = tools.length === 0 ? `No tool matches "${query}". Try other words.` : JSON.stringify({ tools }, null, 2);
  return { content: [{ type: 'text', text }], structuredContent: { tools } };
}

/** The inner call of call_tool, checked like a tools/call's params. */
export function innerCall(args: Record<string, unknown> | undefined, meta: Record<string, unknown> | undefined): ToolCallParams {
  const name = args?.name;
  if (typeof name !== 'string' || name.length === 0) throw new McpError(ErrorCode.InvalidParams, 'call_tool needs the "name" of a tool (find one with search_tools)');
  const inner = args?.arguments;
  if (inner !== undefined && (typeof inner !== 'object' || inner === null || Array.isArray(inner))) throw new McpError(ErrorCode.InvalidParams, 'call_tool "arguments" must be an object');
  return { name, arguments: inner as Record<string, unknown> | undefined, ...(meta ? { _meta: meta } : {}) };
}

// The two shapes a bundled server's tool answers with: text (optionally with structuredContent)
// or an isError result whose text tells the model what went wrong and what it may do instead.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

export function textResult(text: string, structuredContent?: Record<string, unknown>): CallToolResult {
  return structuredContent === undefined ? { content: [{ type: 'text', text }] } : { content: [{ type: 'text', text }], structuredContent };
}

export function errorResult(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}

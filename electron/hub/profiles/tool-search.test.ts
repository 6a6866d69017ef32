// The ranker over the committed fixture: 200 tools across many kinds of servers and 10 plain-language
// queries; the expected tool must be in the top 3 for at least 9 of them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitWords, ToolIndex, type SearchableTool } from './tool-search.ts';

const FIXTURE = path.join(import.meta.dirname, '../../../e2e/fixtures/tool-search');
const catalog = JSON.parse(readFileSync(path.join(FIXTURE, 'catalog.json'), 'utf8')) as {
  servers: Array<{ id: string; tools: Array<{ name: string; description: string; inputSchema: unknown }> }>;
};
const { queries } = JSON.parse(readFileSync(path.join(FIXTURE, 'queries.json'), 'utf8')) as { queries: Array<{ query: string; expected: string }> };
const tools: SearchableTool[] = catalog.servers.flatMap((server) => server.tools.map((tool) => ({ ...tool, serverId: server.id })));

describe('tool search', () => {
  it('the fixture holds 200 tools and 10 queries', () => {
    expect(tools).toHaveLength(200);
    expect(queries).toHaveLength(10);
  });

  it('puts the expected tool in the top 3 for at least 9 of 10 queries', () => {
    const index = new ToolIndex(tools);
    const misses = queries.filter(({ query, expected }) => {
      const top = index.search(query, 3).map((hit) => `${hit.tool.serverId}:${hit.tool.name}`);
      return !top.includes(expected);
    });
    expect(misses.length, `missed: ${JSON.stringify(misses)}`).toBeLessThanOrEqual(1);
  });

  it('splits names on "_" and camelCase', () => {
    expect(splitWords('git_diff_staged')).toEqual(['git', 'diff', 'staged']);
    expect(splitWords('getFileInfo')).toEqual(['get', 'file', 'info']);
  });
});

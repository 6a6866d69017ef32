// The bundled memory server: the official @modelcontextprotocol/server-memory, unchanged; MCP Tray
// sets MEMORY_FILE_PATH to the file chosen in its settings. This wrapper adds exiting with its
// parent, and MCP Tray's hidden preview tool (write-preview.ts), registered on the official server
// as it connects (the package keeps its server to itself; it exports the graph's loader).
// Run on its own: MEMORY_FILE_PATH=~/memory.jsonl node servers/memory/main.ts
import '../common/small-young-generation.ts'; // first: before anything else loads
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { exitWithParent } from '../common/exit-with-parent.ts';
import { registerPreviewTool } from '../common/preview-tool.ts';
import { previewMemoryCall, type Graph } from './write-preview.ts';

exitWithParent();
interface OfficialMemory {
  ensureMemoryFilePath(): Promise<string>;
  KnowledgeGraphManager: new (file: string) => { loadGraph(): Promise<Graph> };
}
let official: OfficialMemory | undefined;
const connect = McpServer.prototype.connect;
McpServer.prototype.connect = function (this: McpServer, transport) {
  McpServer.prototype.connect = connect;
  registerPreviewTool(this, async (tool, args) => {
    if (!official) throw new Error('the memory server is still starting');
    const graph = await new official.KnowledgeGraphManager(await official.ensureMemoryFilePath()).loadGraph();
    return previewMemoryCall(graph, tool, args);
  });
  return connect.call(this, transport);
};
official = (await import('@modelcontextprotocol/server-memory/dist/index.js')) as unknown as OfficialMemory;

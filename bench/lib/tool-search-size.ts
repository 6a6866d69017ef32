// What tool search mode saves (docs/profiles.md): the size of a client's tools/list through the hub
// over the 200-tool fixture catalog (e2e/fixtures/tool-search/), with every tool listed and with a
// profile in tool search mode (search_tools and call_tool only). Bytes of the JSON result, and
// about how many tokens a model would read (bytes / 4, the usual rough rule for English and JSON).
import path from 'node:path';
import { REPO, cli, connectBridge, startHub, tempDir, writeSettings } from '../../e2e/helpers/hub-process.ts';

export interface ToolSearchSize {
  readonly tools: number;
  readonly fullBytes: number;
  readonly searchBytes: number;
}

const CATALOG_SERVER = path.join(REPO, 'e2e', 'fixtures', 'tool-search', 'catalog-server.ts');

export async function toolSearchSize(): Promise<ToolSearchSize> {
  const dataDir = tempDir('mcp-tray-bench-tool-search-');
  // Write mode "ask", so write tools are listed too: the full list is all 200.
  writeSettings(dataDir, { servers: [{ id: 'catalog', name: 'catalog', kind: 'stdio', command: process.execPath, args: [CATALOG_SERVER], writeMode: 'ask' }] });
  const hub = await startHub(dataDir);
  try {
    for (const args of [['profiles', 'add', 'search', '--servers', 'catalog', '--tool-search'], ['clients', 'profile', 'bench-search', 'search']]) {
      const result = await cli(dataDir, args);
      if (result.code !== 0) throw new Error(`mcp-tray ${args.join(' ')}: ${result.stderr}`);
    }
    const full = await connectBridge(dataDir, 'bench-full');
    const search = await connectBridge(dataDir, 'bench-search');
    try {
      const fullList = await full.listTools();
      const searchList = await search.listTools();
      return { tools: fullList.tools.length, fullBytes: Buffer.byteLength(JSON.stringify(fullList)), searchBytes: Buffer.byteLength(JSON.stringify(searchList)) };
    } finally {
      await Promise.all([full.close(), search.close()]);
    }
  } finally {
    await hub.stop();
  }
}

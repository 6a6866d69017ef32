// The bundled memory server: the official @modelcontextprotocol/server-memory, unchanged; MCP Tray
// sets MEMORY_FILE_PATH to the file chosen in its settings. This wrapper only adds exiting with its
// parent. Run on its own: MEMORY_FILE_PATH=~/memory.jsonl node servers/memory/main.ts
import '../shared/small-young-generation.ts'; // first: before anything else loads
import { exitWithParent } from '../shared/exit-with-parent.ts';

exitWithParent();
await import('@modelcontextprotocol/server-memory/dist/index.js');

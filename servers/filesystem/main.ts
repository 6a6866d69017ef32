// The bundled filesystem server: the official @modelcontextprotocol/server-filesystem, unchanged,
// with the allowed folders as arguments (MCP Tray passes the roots chosen in its settings). This
// wrapper only adds exiting with its parent. Run on its own: node servers/filesystem/main.ts DIR...
import { exitWithParent } from '../shared/exit-with-parent.ts';

exitWithParent();
await import('@modelcontextprotocol/server-filesystem/dist/index.js');

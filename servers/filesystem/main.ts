// The bundled filesystem server: the official @modelcontextprotocol/server-filesystem, with the
// allowed folders as arguments (MCP Tray passes the roots chosen in its settings). This wrapper adds
// two things: exiting with its parent, and the denied paths (MCP_TRAY_DENIED_PATHS: MCP Tray's data
// folder and the credential stores in its settings), which no tool reaches whatever the roots
// (fs-guard.ts). Run on its own: node servers/filesystem/main.ts DIR...
import '../common/small-young-generation.ts'; // first: before anything else loads
import { exitWithParent } from '../common/exit-with-parent.ts';
import { DeniedPaths, deniedPathsFromEnv } from './denied-paths.ts';
import { installFsGuard } from './fs-guard.ts';

exitWithParent();
let denied: DeniedPaths;
try {
  denied = new DeniedPaths(deniedPathsFromEnv());
} catch (error) {
  process.stderr.write(`filesystem: ${(error as Error).message}\n`);
  process.exit(2);
}
// A root inside a denied path gives the server nothing to serve there: say so plainly (the official
// server would only say it cannot access the folder).
for (const root of process.argv.slice(2).filter((arg) => !arg.startsWith('-'))) {
  if (denied.denies(root)) process.stderr.write(`filesystem: the folder ${root} is inside a protected path (MCP Tray's data folder or a credential store in its settings); choose another folder\n`);
}
installFsGuard(denied);
await import('@modelcontextprotocol/server-filesystem/dist/index.js');

// How to run this very CLI again: what IDE entries (install --dry-run without a hub) and the
// command-line shim (cli install) point at. From a checkout: this Node and bin/mcp-tray.js; inside
// the packaged app (run as Node, MCP_TRAY_APP set by the app's own entries): the app executable
// and the bundled CLI script.
import { checkoutLauncher, type BridgeLauncher } from '../hub/clients/bridge-launcher.ts';

export function ownLauncher(env: NodeJS.ProcessEnv = process.env, script = process.argv[1]): BridgeLauncher {
  if (env.ELECTRON_RUN_AS_NODE && env.MCP_TRAY_APP && script) {
    return { command: env.MCP_TRAY_APP, args: [script], env: { ELECTRON_RUN_AS_NODE: '1', MCP_TRAY_APP: env.MCP_TRAY_APP } };
  }
  return checkoutLauncher();
}

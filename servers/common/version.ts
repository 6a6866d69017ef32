// The bundled servers' version in their serverInfo: MCP Tray's own, from package.json (the one
// place it is written; the bundler inlines it into each server's main.js).
import packageJson from '../../package.json' with { type: 'json' };

export const SERVERS_VERSION: string = packageJson.version;

// Bundled servers speak MCP on stdout, so every diagnostic goes to stderr (the hub keeps it in the
// server's log). One line per message, prefixed with the server's name.
export type Log = (message: string) => void;

export function stderrLog(server: string): Log {
  return (message) => {
    process.stderr.write(`[${server}] ${message.replace(/\n+$/, '')}\n`);
  };
}

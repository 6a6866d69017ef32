// Runs inside a strict sandbox, in front of the server: the sandbox has a network namespace of its
// own with nothing in it, so this listens on its loopback (where HTTP_PROXY points) and carries each
// connection to MCP Tray's proxy through the Unix socket mounted into the sandbox. Then it starts the
// server (no shell), passes it stdin/stdout/stderr untouched, forwards stop signals, and exits as
// the server exits.
//   node main.ts --socket /tmp/.mcp-tray-proxy.sock --port 3128 [--drop-env NAME]... -- COMMAND [ARGS...]
import { spawn } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import { parseArgs } from 'node:util';

const dashes = process.argv.indexOf('--', 2);
const { values } = parseArgs({
  args: process.argv.slice(2, dashes < 0 ? undefined : dashes),
  options: { socket: { type: 'string' }, port: { type: 'string' }, 'drop-env': { type: 'string', multiple: true } },
});
const command = dashes < 0 ? [] : process.argv.slice(dashes + 1);
if (!values.socket || !values.port || command.length === 0) {
  process.stderr.write('sandbox-relay: usage: --socket PATH --port N -- COMMAND [ARGS...]\n');
  process.exit(2);
}
const socketPath = values.socket;

const relay = net.createServer((client) => {
  const upstream = net.connect(socketPath);
  client.pipe(upstream).pipe(client);
  const end = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on('error', end);
  upstream.on('error', end);
});
await new Promise<void>((resolve, reject) => {
  relay.once('error', reject);
  relay.listen(Number(values.port), '127.0.0.1', resolve);
});

const env = { ...process.env };
for (const name of values['drop-env'] ?? []) delete env[name];
const child = spawn(command[0]!, command.slice(1), { stdio: 'inherit', env, shell: false });
child.once('error', (error) => {
  process.stderr.write(`sandbox-relay: could not start ${command[0]}: ${error.message}\n`);
  process.exit(127);
});
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
child.once('exit', (code, signal) => {
  relay.close();
  // As a shell reports it: 128 + the signal's number.
  process.exit(signal ? 128 + (os.constants.signals[signal] ?? 0) : (code ?? 1));
});

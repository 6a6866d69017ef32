// `node bench/lib/relay-floor.ts hub SOCKET -- COMMAND ARGS...` and `node bench/lib/relay-floor.ts
// bridge SOCKET`: the bench's bridge floor row. The same three hops as the bridge path (IDE → bridge
// process → hub over a local socket → server over pipes), with processes that only pass bytes: no
// parsing, no policy, no log. What a client takes through them is what the hops alone cost here.
import { spawn } from 'node:child_process';
import net from 'node:net';

const [mode, socket, separator, command, ...args] = process.argv.slice(2);

if (mode === 'hub' && socket && separator === '--' && command) {
  const server = net.createServer((connection) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'ignore'] });
    connection.pipe(child.stdin);
    child.stdout.pipe(connection);
    connection.once('close', () => child.kill());
    child.once('exit', () => connection.destroy());
  });
  server.listen(socket, () => process.stdout.write('ready\n'));
  // It exits when its stdin closes (the bench's stop).
  process.stdin.resume().once('end', () => process.exit(0));
} else if (mode === 'bridge' && socket) {
  const connection = net.connect(socket);
  process.stdin.pipe(connection);
  connection.pipe(process.stdout);
  connection.once('close', () => process.exit(0));
} else {
  process.stderr.write('usage: relay-floor.ts hub SOCKET -- COMMAND ARGS... | relay-floor.ts bridge SOCKET\n');
  process.exit(2);
}

// A fixture server as a real child process: started on a port of its own choosing, read from the
// "listening PORT" line it prints when ready, and stopped by its PID.
import { spawn } from 'node:child_process';
import path from 'node:path';

export interface FixtureServer {
  /** Its MCP endpoint on loopback. */
  readonly url: string;
  readonly port: number;
  /** Sends SIGTERM to its PID and waits until it has exited. */
  stop(): Promise<void>;
}

/**
 * Runs `node SCRIPT ...args` and waits for its "listening PORT" line. `stdin: 'pipe'` keeps its
 * stdin open, for a fixture that exits when stdin ends (so it cannot outlive the test process).
 */
export function startFixtureServer(script: string, args: string[], options: { stdin?: 'ignore' | 'pipe' } = {}): Promise<FixtureServer> {
  const child = spawn(process.execPath, [script, ...args], { stdio: [options.stdin ?? 'ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\d+)/.exec(out);
      if (match) {
        const port = Number(match[1]);
        resolve({ url: `http://127.0.0.1:${port}/mcp`, port, stop: () => (child.kill('SIGTERM'), exited) });
      }
    });
    child.once('exit', (code) => reject(new Error(`${path.basename(script)} exited with ${code}`)));
  });
}

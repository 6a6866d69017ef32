// A real, throwaway PostgreSQL for tests (docs/testing.md): a new cluster in a temp folder, listening on
// 127.0.0.1 only (a free port) and on a unix socket inside that folder, with a database owned by a
// login role that has a password (so there is a password to keep out of every output). PostgreSQL
// refuses to run as root, so as root it runs as the `postgres` OS user. Stopped by its PID.
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { processExists as alive } from '../../electron/hub/util/process-exists.ts';
import { recordTestSecret } from './test-secrets.ts';

export interface TestPostgres {
  /** postgres://USER:PASSWORD@127.0.0.1:PORT/DATABASE — the password is URL-encoded. */
  readonly url: string;
  readonly password: string;
  readonly user: string;
  readonly database: string;
  readonly port: number;
  readonly pid: number;
  /** Runs SQL as the cluster's superuser (over the unix socket) in the test database. */
  admin(sql: string, values?: unknown[]): Promise<pg.QueryResult>;
  stop(): Promise<void>;
}

const BIN_DIRS = ['/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin', '/usr/local/bin', '/usr/bin'];
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

function binary(name: string): string {
  for (const dir of BIN_DIRS) if (existsSync(path.join(dir, name))) return path.join(dir, name);
  throw new Error(`PostgreSQL's ${name} was not found in ${BIN_DIRS.join(', ')}; install postgresql (e2e/setup/system-deps.sh)`);
}

/** As root, the uid/gid of the `postgres` OS user the cluster runs as; otherwise run as ourselves. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startPostgres(options: { database?: string; user?: string } = {}): Promise<TestPostgres> {
  const database = options.database ?? 'mcp_test';
  const user = options.user ?? 'mcp_tester';
  // Characters that need URL-encoding, so a scrubber must catch both spellings.
  const password = `pw-${Math.random().toString(36).slice(2, 12)}-s3cr3t/@:%#`;
  const owner = runAs();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-pg-'));
  const data = path.join(dir, 'data');
  const socketDir = path.join(dir, 'socket');
  mkdirSync(socketDir);
  if (owner) for (const p of [dir, socketDir]) chownSync(p, owner.uid, owner.gid);
  const spawnAs = owner ? { uid: owner.uid, gid: owner.gid } : {};
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', HOME: dir };

  execFileSync(binary('initdb'), ['-D', data, '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256', '--no-instructions', '-E', 'UTF8'], {
    ...spawnAs,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: START_TIMEOUT_MS,
  });

  const port = await freePort();
  const logPath = path.join(dir, 'postgres.log');
  const logFd = openSync(logPath, 'a');
  const server = spawn(
    binary('postgres'),
    ['-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${socketDir}`, '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=40'],
    { ...spawnAs, env, stdio: ['ignore', logFd, logFd] },
  );
  closeSync(logFd);
  const pid = server.pid;
  if (pid === undefined) throw new Error('postgres did not start');
  // Should the test process die without afterAll, do not leave the cluster running.
  const killOnExit = () => {
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  };
  process.once('exit', killOnExit);

  const superuser = () => new pg.Client({ host: socketDir, port, user: 'postgres', database: 'postgres' });
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const client = superuser();
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.query(`CREATE ROLE ${pg.escapeIdentifier(user)} LOGIN PASSWORD ${pg.escapeLiteral(password)}`);
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)} OWNER ${pg.escapeIdentifier(user)}`);
      await client.end();
      break;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (server.exitCode !== null || Date.now() > deadline) {
        if (alive(pid)) process.kill(pid, 'SIGKILL');
        const log = existsSync(logPath) ? readFileSync(logPath, 'utf8') : '';
        throw new Error(`PostgreSQL did not become ready: ${(error as Error).message}\n${log}`, { cause: error });
      }
      await sleep(100);
    }
  }

  const url = `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  recordTestSecret(password);
  recordTestSecret(url);
  return {
    url,
    password,
    user,
    database,
    port,
    pid,
    async admin(sql, values) {
      const client = new pg.Client({ host: socketDir, port, user: 'postgres', database });
      await client.connect();
      try {
        return await client.query(sql, values);
      } finally {
        await client.end();
      }
    },
    async stop() {
      process.off('exit', killOnExit);
      // SIGINT is PostgreSQL's "fast shutdown": roll back open transactions, disconnect, exit.
      if (alive(pid)) process.kill(pid, 'SIGINT');
      const until = Date.now() + STOP_TIMEOUT_MS;
      while (alive(pid) && Date.now() < until) await sleep(50);
      if (alive(pid)) process.kill(pid, 'SIGKILL');
      while (alive(pid) && Date.now() < until + 2000) await sleep(50);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

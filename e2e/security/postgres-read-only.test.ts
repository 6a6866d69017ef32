// The bundled PostgreSQL server's "read-only" pg_query, attacked through the real hub against a real
// PostgreSQL with three connections: a superuser, an ordinary role, and an ordinary role in a
// database where dblink is installed. A READ ONLY transaction does not stop COPY … TO PROGRAM, file
// functions, pg_reload_conf(), or dblink_exec() committing on a connection of its own; session
// state such as advisory locks outlives it on a pooled connection. So: a role that can escape gets
// pg_query as a write tool (write mode and approval apply) and the server card says why; the read
// tool refuses the escapes for every role; legitimate SELECTs still work; nothing outlives a call.
import { existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { ApprovalInfo, HubStatus, ServerStatus } from '../../electron/hub/contract/contract.ts';
import { cli, cliJson, connectBridge, startHub, tempDir, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';

const SERVERS = ['pgsuper', 'pgplain', 'pgdblink'] as const;
type ServerId = (typeof SERVERS)[number];

interface Answer {
  readonly isError: boolean;
  readonly text: string;
  readonly structured: Record<string, unknown> | undefined;
}

describe('pg_query cannot be used to escape its read-only transaction', () => {
  let db: TestPostgres;
  let superUrl: string;
  let dblinkUrl: string;
  let dataDir: string;
  let hub: HubProcess;
  let ide: Client;
  /** Files an attack would create if it got through (written by the database server's OS user). */
  const marker = (name: string) => path.join(os.tmpdir(), `mcp-tray-pg-escape-${process.pid}-${name}`);
  const markers: string[] = [];

  const superPassword = `su-${Math.random().toString(36).slice(2, 10)}`;

  async function status(id: ServerId): Promise<ServerStatus> {
    return (await cliJson<HubStatus>(dataDir, ['status'])).servers.find((s) => s.id === id)!;
  }

  async function call(id: ServerId, tool: string, args: Record<string, unknown>): Promise<Answer> {
    const exposed = (await status(id)).tools.find((t) => t.name === tool)!.exposedName;
    const result = await ide.callTool({ name: exposed, arguments: args });
    const content = (result.content ?? []) as Array<{ text?: string }>;
    return { isError: result.isError === true, text: content.map((c) => c.text ?? '').join('\n'), structured: result.structuredContent as Record<string, unknown> | undefined };
  }

  async function setWriteMode(id: ServerId, mode: 'off' | 'ask' | 'allow'): Promise<void> {
    const flags = mode === 'off' ? [] : mode === 'ask' ? ['--yes'] : ['--yes-allow'];
    const result = await cli(dataDir, ['servers', 'write', id, mode, ...flags]);
    expect(result.code, result.stderr).toBe(0);
  }

  /** Runs SQL as the superuser over TCP in a database of the cluster. */
  async function asSuperuser(database: string, sql: string): Promise<pg.QueryResult> {
    const client = new pg.Client({ connectionString: superUrl.replace(/\/[^/]+$/, `/${database}`) });
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  }

  /** The attacks on a read tool, with a file that exists afterwards if the attack got through. */
  function attacks(connectionForDblink: string): Array<{ name: string; sql: string; leaves?: string }> {
    const program = marker('program');
    const copied = marker('copied');
    markers.push(program, copied);
    return [
      { name: 'COPY … TO PROGRAM', sql: `COPY (SELECT 1) TO PROGRAM 'id > ${program}'`, leaves: program },
      { name: 'COPY … TO file', sql: `COPY (SELECT 'stolen') TO '${copied}'`, leaves: copied },
      { name: 'COPY … FROM file', sql: "COPY notes FROM '/etc/hostname'" },
      { name: 'pg_read_file', sql: "SELECT pg_read_file('/etc/hostname')" },
      { name: 'schema-qualified, quoted, unicode-escaped pg_read_file', sql: `SELECT pg_catalog.U&"pg\\005fread_file"('/etc/hostname')` },
      { name: 'pg_ls_dir in FROM', sql: "SELECT * FROM pg_ls_dir('.') AS f" },
      { name: 'pg_stat_file in a CTE', sql: "WITH f AS (SELECT pg_stat_file('postgresql.conf') AS s) SELECT * FROM f" },
      { name: 'large objects', sql: "SELECT lo_import('/etc/hostname')" },
      { name: 'pg_reload_conf', sql: 'SELECT pg_reload_conf()' },
      { name: 'pg_terminate_backend', sql: 'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid()' },
      { name: 'SQL as text', sql: `SELECT query_to_xml('SELECT pg_read_file(''/etc/hostname'')', true, true, '')` },
      { name: 'DO block', sql: 'DO $$ BEGIN PERFORM pg_reload_conf(); END $$' },
      { name: 'EXPLAIN ANALYZE runs it', sql: 'EXPLAIN ANALYZE SELECT pg_reload_conf()' },
      { name: 'session advisory lock', sql: 'SELECT pg_advisory_lock(4242)' },
      { name: 'dblink_exec', sql: `SELECT dblink_exec('${connectionForDblink}', 'UPDATE notes SET body = ''changed''')` },
      { name: 'dblink in FROM', sql: `SELECT * FROM dblink('${connectionForDblink}', 'SELECT 1') AS t(x int)` },
    ];
  }

  beforeAll(async () => {
    db = await startPostgres();
    await db.admin(`CREATE ROLE mcp_super LOGIN SUPERUSER PASSWORD '${superPassword}'`);
    superUrl = `postgres://mcp_super:${superPassword}@127.0.0.1:${db.port}/${db.database}`;
    await db.admin(`
      SET ROLE ${db.user};
      CREATE TABLE notes (id int PRIMARY KEY, body text);
      INSERT INTO notes VALUES (1, 'original');
      -- A function of the database's own that takes a session-level advisory lock: what pg_query
      -- cannot refuse by name, the connection reset after the call must undo.
      CREATE FUNCTION take_lock() RETURNS text LANGUAGE sql AS 'SELECT pg_advisory_lock(777)::text || ''locked''';
    `);
    await db.admin(`CREATE DATABASE mcp_dblink OWNER ${db.user}`);
    await asSuperuser('mcp_dblink', 'CREATE EXTENSION dblink');
    await asSuperuser('mcp_dblink', `SET ROLE ${db.user}; CREATE TABLE notes (id int PRIMARY KEY, body text); INSERT INTO notes VALUES (1, 'original');`);
    dblinkUrl = db.url.replace(/\/[^/]+$/, '/mcp_dblink');

    dataDir = tempDir('mcp-tray-pg-escape-');
    const postgres = (id: ServerId) => ({ id, name: id, kind: 'bundled', bundled: 'postgres', secretEnv: ['POSTGRES_URL'], options: { statementTimeoutMs: '5000' } });
    writeSettings(dataDir, { servers: SERVERS.map(postgres) });
    hub = await startHub(dataDir);
    for (const [id, url] of [['pgsuper', superUrl], ['pgplain', db.url], ['pgdblink', dblinkUrl]] as const) {
      const set = await cli(dataDir, ['secrets', 'set', id, 'POSTGRES_URL'], { input: url });
      expect(set.code, `the keychain is needed (run under e2e/setup/with-keyring.sh): ${set.stderr}`).toBe(0);
    }
    await waitFor('the three postgres servers to run', async () => (await Promise.all(SERVERS.map(status))).every((s) => s.state === 'running' && s.tools.length > 0), 30_000, 200);
    ide = await connectBridge(dataDir, 'pg-attacker');
  });

  afterAll(async () => {
    await ide?.close();
    if (hub?.process.exitCode === null) for (const id of SERVERS) await cli(dataDir, ['secrets', 'delete', id, 'POSTGRES_URL']);
    await hub?.stop();
    await db?.stop();
    for (const file of markers) rmSync(file, { force: true });
  });

  it('a superuser connection makes pg_query a write tool, and the server card says why and what to do', async () => {
    const server = await status('pgsuper');
    const query = server.tools.find((t) => t.name === 'pg_query')!;
    expect(query).toMatchObject({ class: 'write', listed: false });
    expect(query.annotations?.readOnlyHint).not.toBe(true);
    expect(query.description).toContain('superuser');
    expect(server.instructions).toContain('"mcp_super" is a superuser');
    expect(server.instructions).toContain('CREATE ROLE');
    expect(server.instructions).toContain('GRANT SELECT ON ALL TABLES IN SCHEMA public');
    // The fixed catalog queries stay read tools.
    expect(server.tools.find((t) => t.name === 'pg_list_tables')).toMatchObject({ class: 'read', listed: true });
  });

  it('so with write mode off the attack does not run, and with "ask" it waits for the user', async () => {
    const [copy] = attacks(db.url);
    const refused = await call('pgsuper', 'pg_query', { sql: copy!.sql });
    expect(refused.isError).toBe(true);
    expect(refused.text).toContain('write mode for server "pgsuper" is off');
    expect(existsSync(copy!.leaves!)).toBe(false);

    await setWriteMode('pgsuper', 'ask');
    const exposed = (await status('pgsuper')).tools.find((t) => t.name === 'pg_query')!.exposedName;
    const held = ide.callTool({ name: exposed, arguments: { sql: copy!.sql } });
    const approval = await waitFor('the approval for pg_query', async () => (await cliJson<ApprovalInfo[]>(dataDir, ['approvals', 'list'])).find((a) => a.server === 'pgsuper'));
    expect(approval.tool).toBe('pg_query');
    expect((await cli(dataDir, ['approvals', 'deny', approval.id, '--reason', 'not a read'])).code).toBe(0);
    expect((await held).isError).toBe(true);
    expect(existsSync(copy!.leaves!)).toBe(false);
  });

  it('even allowed, the read tool refuses every escape for the superuser', async () => {
    await setWriteMode('pgsuper', 'allow');
    for (const attack of attacks(db.url.replace('postgres://', 'postgresql://'))) {
      const answer = await call('pgsuper', 'pg_query', { sql: attack.sql });
      expect(answer.isError, `${attack.name}: ${answer.text}`).toBe(true);
      expect(answer.text, attack.name).toMatch(/^pg_query refuses /);
      if (attack.leaves) expect(existsSync(attack.leaves), attack.name).toBe(false);
    }
    const rows = await call('pgsuper', 'pg_query', { sql: 'SELECT id, body FROM notes ORDER BY id' });
    expect(rows.structured).toMatchObject({ rows: [[1, 'original']] });
    await setWriteMode('pgsuper', 'off');
  });

  it('an ordinary role keeps pg_query as a read tool, and it refuses every escape', async () => {
    const server = await status('pgplain');
    expect(server.tools.find((t) => t.name === 'pg_query')).toMatchObject({ class: 'read', listed: true, annotations: { readOnlyHint: true } });
    const dblinkTarget = `host=127.0.0.1 port=${db.port} dbname=${db.database} user=${db.user} password=''${db.password}''`;
    for (const attack of attacks(dblinkTarget)) {
      const answer = await call('pgplain', 'pg_query', { sql: attack.sql });
      expect(answer.isError, `${attack.name}: ${answer.text}`).toBe(true);
      expect(answer.text, attack.name).toMatch(/^pg_query refuses /);
      if (attack.leaves) expect(existsSync(attack.leaves), attack.name).toBe(false);
    }
    expect((await db.admin('SELECT body FROM notes WHERE id = 1')).rows[0].body).toBe('original');
  });

  it('legitimate reads still work: joins, CTEs, window functions, EXPLAIN, SHOW, bound params', async () => {
    const ok = async (sql: string, params?: unknown[]) => {
      const answer = await call('pgplain', 'pg_query', params ? { sql, params } : { sql });
      expect(answer.isError, `${sql}: ${answer.text}`).toBe(false);
      return answer;
    };
    expect((await ok('SELECT id, body FROM notes WHERE id = $1', [1])).structured!.rows).toEqual([[1, 'original']]);
    expect((await ok('WITH n AS (SELECT * FROM notes) SELECT count(*)::int FROM n')).structured!.rows).toEqual([[1]]);
    expect((await ok('SELECT id, row_number() OVER (ORDER BY id)::int FROM notes')).structured!.rows).toEqual([[1, 1]]);
    expect((await ok("SELECT lower('LO_IMPORT') AS lo_name, now() IS NOT NULL AS pg_read_file_column")).structured!.rows).toEqual([['lo_import', true]]);
    expect((await ok('EXPLAIN SELECT * FROM notes')).text).toContain('Seq Scan on notes');
    expect((await ok('SHOW transaction_read_only')).structured!.rows).toEqual([['on']]);
  });

  it('session state does not outlive a call: an advisory lock taken inside a function is released', async () => {
    const locked = await call('pgplain', 'pg_query', { sql: 'SELECT take_lock()' });
    expect(locked.isError, locked.text).toBe(false);
    const held = await db.admin("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = 777");
    expect(held.rows[0].n).toBe(0);
    // And a setting changed for the session is back to its default on the next call.
    expect((await call('pgplain', 'pg_query', { sql: "SELECT set_config('work_mem', '1MB', false)" })).isError).toBe(true);
    expect((await call('pgplain', 'pg_query', { sql: 'SET work_mem = 1234' })).isError).toBe(false);
    const after = await call('pgplain', 'pg_query', { sql: 'SHOW work_mem' });
    expect(after.structured!.rows).toEqual([['4MB']]);
  });

  it('an ordinary role in a database with dblink gets pg_query as a write tool, and dblink_exec never commits', async () => {
    const server = await status('pgdblink');
    const query = server.tools.find((t) => t.name === 'pg_query')!;
    expect(query).toMatchObject({ class: 'write', listed: false });
    expect(query.description).toContain('dblink');
    expect(server.instructions).toContain('dblink');
    const target = `host=127.0.0.1 port=${db.port} dbname=mcp_dblink user=${db.user} password=''${db.password}''`;
    const update = `SELECT dblink_exec('${target}', 'UPDATE notes SET body = ''changed by dblink''')`;
    const off = await call('pgdblink', 'pg_query', { sql: update });
    expect(off).toMatchObject({ isError: true, text: expect.stringContaining('write mode for server "pgdblink" is off') });
    await setWriteMode('pgdblink', 'allow');
    const allowed = await call('pgdblink', 'pg_query', { sql: update });
    expect(allowed).toMatchObject({ isError: true, text: expect.stringMatching(/^pg_query refuses dblink_exec\(\)/) });
    expect((await asSuperuser('mcp_dblink', 'SELECT body FROM notes WHERE id = 1')).rows[0].body).toBe('original');
    await setWriteMode('pgdblink', 'off');
  });
});

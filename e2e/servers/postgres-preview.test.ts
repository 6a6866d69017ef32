// The postgres server's hidden preview tool, run on its own over stdio against a real PostgreSQL
// (docs/approval-previews.md): a write statement is tried in a transaction that is rolled back, with
// a sample of the changed rows; a role that could reach beyond the transaction (a superuser) gets
// no trial run, only the reason; a table locked by another transaction is not waited for
// (lock_timeout); DDL is shown as SQL. Nothing a preview does stays in the database.
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { recordTestSecret } from '../helpers/test-secrets.ts';

const MAIN = fileURLToPath(new URL('../../servers/postgres/main.ts', import.meta.url));

describe('postgres preview tool', () => {
  let db: TestPostgres;
  let plain: Client;
  let superuser: Client;

  async function connect(url: string): Promise<Client> {
    const client = new Client({ name: 'postgres-preview-test', version: '1.0.0' });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [MAIN], env: { POSTGRES_URL: url }, stderr: 'pipe' }));
    return client;
  }

  async function preview(on: Client, sql: string, params?: unknown[]) {
    const result = await on.callTool({ name: 'mcp_tray_preview', arguments: { tool: 'pg_execute', arguments: { sql, ...(params ? { params } : {}) } } });
    expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
    return (result.structuredContent as { preview: Record<string, unknown> }).preview;
  }

  const labels = async () => (await db.admin('SELECT id, label FROM items ORDER BY id')).rows as Array<{ id: number; label: string }>;

  beforeAll(async () => {
    db = await startPostgres();
    await db.admin(`SET ROLE ${db.user}; CREATE TABLE items (id int PRIMARY KEY, label text); INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 30) AS g;`);
    const superPassword = `super-${randomBytes(8).toString('hex')}`;
    recordTestSecret(superPassword);
    await db.admin(`CREATE ROLE mcp_preview_super LOGIN SUPERUSER PASSWORD '${superPassword}'`);
    plain = await connect(db.url);
    superuser = await connect(`postgres://mcp_preview_super:${superPassword}@127.0.0.1:${db.port}/${db.database}`);
  }, 60_000);

  afterAll(async () => {
    await plain?.close();
    await superuser?.close();
    await db?.stop();
  });

  it('the server lists it read-only (the hub hides it from clients)', async () => {
    const { tools } = await plain.listTools();
    expect(tools.map((t) => t.name)).toContain('mcp_tray_preview');
    expect(tools.find((t) => t.name === 'mcp_tray_preview')?.annotations?.readOnlyHint).toBe(true);
  });

  it('UPDATE: rows affected and a capped sample of the changed rows; nothing stays changed', async () => {
    const before = await labels();
    const shown = await preview(plain, "UPDATE items SET label = label || ' (new)' WHERE id > $1", [5]);
    expect(shown).toMatchObject({ kind: 'rows', command: 'UPDATE', rowsAffected: 25, columns: ['id', 'label'], note: 'a sample: 20 of 25 changed rows' });
    expect((shown.rows as unknown[][])[0]).toEqual([6, 'item 6 (new)']);
    expect(await labels()).toEqual(before);
  });

  it('DELETE with its own RETURNING keeps it; a statement with a trailing semicolon still gets RETURNING *', async () => {
    const shown = await preview(plain, 'DELETE FROM items WHERE id = 1 RETURNING id');
    expect(shown).toMatchObject({ kind: 'rows', command: 'DELETE', rowsAffected: 1, columns: ['id'], rows: [[1]] });
    const inserted = await preview(plain, "INSERT INTO items VALUES (100, 'hundred');");
    expect(inserted).toMatchObject({ kind: 'rows', command: 'INSERT', rowsAffected: 1, rows: [[100, 'hundred']] });
    expect((await db.admin('SELECT count(*)::int AS n FROM items')).rows[0].n).toBe(30);
  });

  it('a superuser gets no trial run: the reason, and the database untouched', async () => {
    const before = await labels();
    const shown = await preview(superuser, "UPDATE items SET label = 'gone'");
    expect(shown.kind).toBe('none');
    expect(shown.reason).toContain('"mcp_preview_super" is a superuser');
    expect(await labels()).toEqual(before);
  });

  it('DDL and several statements are shown as SQL only', async () => {
    expect(await preview(plain, 'DROP TABLE items')).toMatchObject({ kind: 'none', reason: expect.stringContaining('only INSERT, UPDATE, DELETE and MERGE') });
    expect(await preview(plain, "UPDATE items SET label = 'a'; UPDATE items SET label = 'b'")).toMatchObject({ kind: 'none', reason: 'a preview runs exactly one statement' });
    expect((await db.admin("SELECT count(*)::int AS n FROM items WHERE label IN ('a', 'b')")).rows[0].n).toBe(0);
  });

  it('a table another transaction has locked is not waited for: lock_timeout ends the trial run', async () => {
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE items IN ACCESS EXCLUSIVE MODE');
      const shown = await preview(plain, "UPDATE items SET label = 'locked' WHERE id = 2");
      expect(shown.kind).toBe('none');
      expect(String(shown.reason)).toMatch(/lock timeout/i);
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      await holder.end();
    }
  });
});

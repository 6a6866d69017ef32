// The bundled PostgreSQL server, driven by the real SDK client over stdio, against a real
// PostgreSQL the test starts on loopback: the read tools, a write refused inside pg_query's READ
// ONLY transaction, pg_execute changing data, the statement timeout stopping pg_sleep(60), and the
// password kept out of every result, error and log line.
import { execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';

const MAIN = fileURLToPath(new URL('../../servers/postgres/main.ts', import.meta.url));
const TIMEOUT_MS = 1000;

interface Answer {
  readonly text: string;
  readonly isError: boolean;
  readonly structured: Record<string, unknown> | undefined;
}

describe('bundled postgres server over stdio', () => {
  let db: TestPostgres;
  let client: Client;
  let serverLog: () => string = () => '';
  const seen: string[] = [];

  async function connect(url: string, args: string[] = []): Promise<{ client: Client; stderr: () => string }> {
    const transport = new StdioClientTransport({ command: process.execPath, args: [MAIN, ...args], env: { POSTGRES_URL: url }, stderr: 'pipe' });
    let log = '';
    transport.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const c = new Client({ name: 'postgres-server-test', version: '1.0.0' });
    await c.connect(transport);
    return { client: c, stderr: () => log };
  }

  async function call(name: string, args: Record<string, unknown> = {}, on: Client = client): Promise<Answer> {
    const result = await on.callTool({ name, arguments: args });
    const content = result.content as Array<{ type: string; text?: string }>;
    const answer = { text: content.map((c) => c.text ?? '').join('\n'), isError: result.isError === true, structured: result.structuredContent as Record<string, unknown> | undefined };
    seen.push(answer.text, JSON.stringify(answer.structured ?? null));
    return answer;
  }

  async function ok(name: string, args: Record<string, unknown> = {}): Promise<Answer> {
    const answer = await call(name, args);
    expect(answer.isError, `${name} failed: ${answer.text}`).toBe(false);
    return answer;
  }

  const count = async (table: string) => Number((await db.admin(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

  beforeAll(async () => {
    db = await startPostgres();
    await db.admin(`
      SET ROLE ${db.user};
      CREATE TABLE customers (
        id serial PRIMARY KEY,
        name text NOT NULL,
        email text UNIQUE,
        avatar bytea,
        prefs jsonb,
        created_at timestamptz NOT NULL DEFAULT '2024-05-01T12:00:00Z'
      );
      COMMENT ON TABLE customers IS 'people who buy things';
      CREATE TABLE orders (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        customer_id int NOT NULL REFERENCES customers(id),
        total numeric(10,2) NOT NULL CHECK (total >= 0),
        note text
      );
      CREATE INDEX orders_customer_idx ON orders (customer_id);
      CREATE SCHEMA sales;
      CREATE VIEW sales.big_orders AS SELECT * FROM orders WHERE total > 100;
      INSERT INTO customers (name, email, avatar, prefs)
        SELECT 'customer ' || i, 'c' || i || '@example.test', CASE WHEN i = 1 THEN '\\x00ff'::bytea END, CASE WHEN i = 1 THEN '{"theme":"dark"}'::jsonb END
          FROM generate_series(1, 250) AS i;
      INSERT INTO orders (customer_id, total, note) VALUES (1, 99.50, 'small'), (1, 150.00, NULL), (2, 1000.00, 'big');
    `);
    const connected = await connect(db.url, ['--statement-timeout-ms', String(TIMEOUT_MS), '--row-limit', '200']);
    client = connected.client;
    serverLog = connected.stderr;
  });

  afterAll(async () => {
    await client?.close();
    await db?.stop();
  });

  it('lists its tools with accurate annotations and described inputs', async () => {
    const { tools } = await client.listTools();
    const hints = Object.fromEntries(
      tools.map((t) => [t.name, [t.annotations?.readOnlyHint, t.annotations?.destructiveHint, t.annotations?.idempotentHint, t.annotations?.openWorldHint]]),
    );
    const read = [true, false, true, false];
    expect(hints).toEqual({
      pg_list_schemas: read,
      pg_list_tables: read,
      pg_describe_table: read,
      pg_query: read,
      pg_execute: [false, true, false, false],
      // Only MCP Tray calls it; the hub never lists it to a client (docs/approval-previews.md).
      mcp_tray_preview: read,
    });
    for (const tool of tools) {
      expect(tool.description, tool.name).toBeTruthy();
      expect(tool.outputSchema, tool.name).toBeTruthy();
      for (const [name, schema] of Object.entries(tool.inputSchema.properties ?? {})) {
        expect((schema as { description?: string }).description, `${tool.name}.${name}`).toBeTruthy();
      }
    }
  });

  it('pg_list_schemas lists user schemas, and system ones on request', async () => {
    const user = await ok('pg_list_schemas');
    const names = (user.structured!.schemas as Array<{ schema: string }>).map((s) => s.schema);
    expect(names).toEqual(expect.arrayContaining(['public', 'sales']));
    expect(names).not.toContain('pg_catalog');
    expect(user.text).toMatch(/\| sales \| mcp_tester \| 1 \|/);
    const all = await ok('pg_list_schemas', { include_system: true });
    expect((all.structured!.schemas as Array<{ schema: string }>).map((s) => s.schema)).toContain('pg_catalog');
  });

  it('pg_list_tables lists tables and views, per schema', async () => {
    const all = await ok('pg_list_tables');
    expect(all.structured!.tables).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ schema: 'public', name: 'customers', kind: 'table', comment: 'people who buy things' }),
        expect.objectContaining({ schema: 'public', name: 'orders', kind: 'table' }),
        expect.objectContaining({ schema: 'sales', name: 'big_orders', kind: 'view' }),
      ]),
    );
    const sales = await ok('pg_list_tables', { schema: 'sales' });
    expect((sales.structured!.tables as unknown[]).length).toBe(1);
    expect((await ok('pg_list_tables', { schema: 'nope' })).text).toBe('No tables in schema "nope".');
  });

  it('pg_describe_table shows columns, types, indexes, constraints and references', async () => {
    const orders = await ok('pg_describe_table', { table: 'orders' });
    expect(orders.structured).toMatchObject({ schema: 'public', table: 'orders', kind: 'table' });
    expect(orders.structured!.columns).toEqual([
      expect.objectContaining({ name: 'id', type: 'bigint', nullable: false, identity: 'always' }),
      expect.objectContaining({ name: 'customer_id', type: 'integer', nullable: false }),
      expect.objectContaining({ name: 'total', type: 'numeric(10,2)', nullable: false }),
      expect.objectContaining({ name: 'note', type: 'text', nullable: true }),
    ]);
    expect(orders.structured!.indexes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'orders_pkey', primary: true }),
        expect.objectContaining({ name: 'orders_customer_idx', definition: expect.stringContaining('(customer_id)') }),
      ]),
    );
    expect(orders.structured!.constraints).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'foreign key', definition: 'FOREIGN KEY (customer_id) REFERENCES customers(id)' }),
        expect.objectContaining({ type: 'check', definition: 'CHECK ((total >= (0)::numeric))' }),
      ]),
    );
    expect(orders.text).toContain('Indexes:\n- orders_customer_idx: CREATE INDEX orders_customer_idx ON public.orders USING btree (customer_id)');
    const customers = await ok('pg_describe_table', { table: 'customers' });
    expect(customers.text).toContain('table public.customers — people who buy things');
    expect(customers.structured!.columns).toContainEqual(expect.objectContaining({ name: 'id', default: "nextval('customers_id_seq'::regclass)" }));
    expect(customers.structured!.constraints).toContainEqual(expect.objectContaining({ name: 'customers_email_key', type: 'unique' }));
    expect(customers.structured!.referenced_by).toEqual([expect.objectContaining({ table: 'orders', name: 'orders_customer_id_fkey' })]);
    const view = await ok('pg_describe_table', { schema: 'sales', table: 'big_orders' });
    expect(view.structured!.kind).toBe('view');
    const missing = await call('pg_describe_table', { table: 'orders; DROP TABLE orders' });
    expect(missing).toMatchObject({ isError: true, text: expect.stringContaining('no table or view "orders; DROP TABLE orders" in schema "public"') });
  });

  it('pg_query returns a table and structuredContent, with bound params and JSON-safe values', async () => {
    const answer = await ok('pg_query', {
      sql: 'SELECT id, name, avatar, prefs, created_at, NULL::text AS nothing, 12345678901234::bigint AS big FROM customers WHERE id = $1',
      params: [1],
    });
    expect(answer.structured).toEqual({
      columns: [
        { name: 'id', type: 'integer' },
        { name: 'name', type: 'text' },
        { name: 'avatar', type: 'bytea' },
        { name: 'prefs', type: 'jsonb' },
        { name: 'created_at', type: 'timestamp with time zone' },
        { name: 'nothing', type: 'text' },
        { name: 'big', type: 'bigint' },
      ],
      rows: [[1, 'customer 1', '\\x00ff', { theme: 'dark' }, '2024-05-01T12:00:00.000Z', null, '12345678901234']],
      row_count: 1,
      truncated: false,
    });
    expect(answer.text).toContain('| id (integer) | name (text) |');
    expect(answer.text).toContain('| 1 | customer 1 | \\\\x00ff | {"theme":"dark"} | 2024-05-01T12:00:00.000Z | NULL | 12345678901234 |');
    expect(answer.text).toMatch(/\n1 row$/);
    // Duplicate column names survive (rows are arrays), and EXPLAIN/SHOW work too.
    expect((await ok('pg_query', { sql: 'SELECT 1 AS a, 2 AS a' })).structured!.rows).toEqual([[1, 2]]);
    expect((await ok('pg_query', { sql: 'SHOW transaction_read_only' })).structured!.rows).toEqual([['on']]);
    expect((await ok('pg_query', { sql: 'EXPLAIN SELECT * FROM orders' })).text).toContain('Seq Scan on orders');
  });

  it('pg_query caps rows and says so', async () => {
    const few = await ok('pg_query', { sql: 'SELECT id FROM customers ORDER BY id', max_rows: 5 });
    expect(few.structured).toMatchObject({ row_count: 5, truncated: true, rows: [[1], [2], [3], [4], [5]] });
    expect(few.text).toMatch(/5 rows \[truncated: more rows exist/);
    const exact = await ok('pg_query', { sql: 'SELECT id FROM customers ORDER BY id LIMIT 5', max_rows: 5 });
    expect(exact.structured).toMatchObject({ row_count: 5, truncated: false });
    const byDefault = await ok('pg_query', { sql: 'SELECT * FROM customers' });
    expect(byDefault.structured).toMatchObject({ row_count: 100, truncated: true });
    const tooMany = await call('pg_query', { sql: 'SELECT 1', max_rows: 201 });
    expect(tooMany.isError).toBe(true);
  });

  it('a write through pg_query fails inside the read-only transaction and changes nothing', async () => {
    const before = await count('customers');
    for (const sql of [
      "INSERT INTO customers (name) VALUES ('sneaky')",
      'DELETE FROM orders',
      'CREATE TABLE sneaky (id int)',
      "SELECT nextval('customers_id_seq')",
      'WITH gone AS (DELETE FROM orders RETURNING *) SELECT count(*) FROM gone',
    ]) {
      const answer = await call('pg_query', { sql });
      expect(answer.isError, sql).toBe(true);
      expect(answer.text, sql).toContain('in a read-only transaction');
      expect(answer.text).toContain('[SQLSTATE 25006]');
    }
    // Several statements cannot be smuggled in to end the read-only transaction early.
    const smuggled = await call('pg_query', { sql: "COMMIT; INSERT INTO customers (name) VALUES ('sneaky')" });
    expect(smuggled).toMatchObject({ isError: true, text: expect.stringContaining('cannot insert multiple commands into a prepared statement') });
    const readWrite = await call('pg_query', { sql: 'SET TRANSACTION READ WRITE' });
    expect(readWrite).toMatchObject({ isError: true, text: expect.stringContaining('must be set before any query') });
    expect(await count('customers')).toBe(before);
    expect(await count('orders')).toBe(3);
    expect((await db.admin("SELECT to_regclass('public.sneaky') AS t")).rows[0].t).toBeNull();
  });

  it('errors leave the connections usable', async () => {
    for (let i = 0; i < 8; i++) {
      const answer = await call('pg_query', { sql: i % 2 ? 'SELEC 1' : 'SELECT 1/0' });
      expect(answer.isError).toBe(true);
    }
    expect((await ok('pg_query', { sql: 'SELECT 42 AS answer' })).structured!.rows).toEqual([[42]]);
  });

  it('the statement timeout stops pg_sleep(60)', async () => {
    const started = Date.now();
    const answer = await call('pg_query', { sql: 'SELECT pg_sleep(60)' });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(answer).toMatchObject({ isError: true, text: expect.stringContaining('canceling statement due to statement timeout') });
    expect(answer.text).toContain(`(the statement timeout is ${TIMEOUT_MS} ms)`);
    const viaExecute = await call('pg_execute', { sql: 'SELECT pg_sleep(60)' });
    expect(viaExecute).toMatchObject({ isError: true, text: expect.stringContaining('statement timeout') });
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('pg_execute changes data in a transaction and reports rows affected', async () => {
    const inserted = await ok('pg_execute', { sql: 'INSERT INTO orders (customer_id, total, note) VALUES ($1, $2, $3) RETURNING id, total', params: [3, '12.30', 'via mcp'] });
    expect(inserted.structured).toEqual({
      command: 'INSERT',
      rows_affected: 1,
      columns: [{ name: 'id', type: 'bigint' }, { name: 'total', type: 'numeric' }],
      rows: [['4', '12.30']],
      truncated: false,
    });
    expect(inserted.text).toContain('INSERT: 1 row affected; committed.');
    expect(await count('orders')).toBe(4);

    const updated = await ok('pg_execute', { sql: "UPDATE customers SET email = NULL WHERE id > $1", params: [240] });
    expect(updated.structured).toMatchObject({ command: 'UPDATE', rows_affected: 10, columns: [], rows: [] });
    const created = await ok('pg_execute', { sql: 'CREATE TABLE notes (id int PRIMARY KEY, body text)' });
    expect(created.structured).toMatchObject({ command: 'CREATE', rows_affected: null });
    expect((await ok('pg_query', { sql: "SELECT count(*) FROM customers WHERE email IS NULL" })).structured!.rows).toEqual([['10']]);

    // A failing statement is rolled back and reported.
    const failed = await call('pg_execute', { sql: 'UPDATE orders SET total = total - 500' });
    expect(failed).toMatchObject({ isError: true, text: expect.stringContaining('violates check constraint "orders_total_check"') });
    expect((await db.admin('SELECT sum(total) AS s FROM orders')).rows[0].s).toBe('1261.80');
    const twoStatements = await call('pg_execute', { sql: 'DELETE FROM notes; DELETE FROM orders' });
    expect(twoStatements).toMatchObject({ isError: true, text: expect.stringContaining('cannot insert multiple commands') });
    expect(await count('orders')).toBe(4);
  });

  it('never shows the password or URL: not in results, errors or its log', async () => {
    const echoed = await ok('pg_query', { sql: 'SELECT $1::text AS echoed', params: [db.password] });
    expect(echoed.structured!.rows).toEqual([['[redacted]']]);
    const inError = await call('pg_query', { sql: 'SELECT $1::int', params: [db.password] });
    expect(inError).toMatchObject({ isError: true, text: expect.stringContaining('invalid input syntax for type integer: "[redacted]"') });
    const inExecute = await call('pg_execute', { sql: 'INSERT INTO notes VALUES (1, $1), (1, $1)', params: [encodeURIComponent(db.password)] });
    expect(inExecute.isError).toBe(true);
    expect(inExecute.text).toContain('duplicate key value violates unique constraint');

    // A wrong password: the error says so without repeating it.
    const wrongUrl = db.url.replace(encodeURIComponent(db.password), 'Wrong-pw-zz9%2Fq');
    const wrong = await connect(wrongUrl);
    try {
      const failed = await call('pg_list_schemas', {}, wrong.client);
      expect(failed).toMatchObject({ isError: true, text: expect.stringContaining(`password authentication failed for user "${db.user}"`) });
      for (const text of [failed.text, wrong.stderr()]) {
        expect(text).not.toContain('Wrong-pw-zz9');
        expect(text).not.toContain(wrongUrl);
      }
    } finally {
      await wrong.client.close();
    }

    const logged = serverLog();
    expect(logged).toContain('connected to mcp_test as mcp_tester');
    for (const text of [...seen, logged]) {
      expect(text).not.toContain(db.password);
      expect(text).not.toContain(encodeURIComponent(db.password));
      expect(text).not.toContain(db.url);
    }
  });

  it('exits within 1 s when its stdin closes, even with open connections', async () => {
    const child = spawn(process.execPath, [MAIN], { env: { ...process.env, POSTGRES_URL: db.url }, stdio: ['pipe', 'pipe', 'pipe'] });
    let log = '';
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const deadline = Date.now() + 15_000;
    while (!log.includes('connected to') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(log).toContain('connected to');
    const closedAt = Date.now();
    child.stdin.end();
    const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 3000))]);
    if (code === 'timeout') child.kill('SIGKILL');
    expect(code).toBe(0);
    expect(Date.now() - closedAt).toBeLessThan(1000);
  });

  it('without POSTGRES_URL it exits with a message on stderr', async () => {
    const result = await new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
      const env = { ...process.env };
      delete env.POSTGRES_URL;
      const child = execFile(process.execPath, [MAIN], { env, timeout: 15_000 }, (error, stdout, err) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stderr: err, stdout }),
      );
      child.stdin?.end();
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('POSTGRES_URL is not set');
  });
});

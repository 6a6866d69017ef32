import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlGuard, pgQueryRefusal } from './sql-guard.ts';

describe('what pg_query refuses', () => {
  beforeAll(() => loadSqlGuard());

  it.each([
    ["COPY (SELECT 1) TO PROGRAM 'id'", /COPY/],
    ["copy t to '/tmp/x'", /COPY/],
    ['COPY t FROM STDIN', /COPY/],
    ["SELECT pg_read_file('/etc/passwd')", /pg_read_file\(\): it reads or writes files/],
    ["SELECT \"pg_catalog\".\"pg_read_binary_file\"('/etc/passwd')", /pg_read_binary_file/],
    ["SELECT U&\"pg\\005fls_dir\"('.')", /pg_ls_dir/],
    ["SELECT 1 FROM t WHERE EXISTS (SELECT pg_stat_file('x'))", /pg_stat_file/],
    ["SELECT lo_export(1, '/tmp/x')", /lo_export/],
    ['SELECT loread(0, 1)', /loread/],
    ['SELECT pg_reload_conf()', /pg_reload_conf/],
    ['SELECT pg_terminate_backend(1)', /pg_terminate_backend/],
    ["SELECT dblink_exec('x', 'DELETE FROM t')", /dblink_exec\(\): it opens a connection/],
    ["SELECT * FROM public.dblink('x', 'SELECT 1') AS t(a int)", /dblink\(\)/],
    ["SELECT query_to_xml('SELECT 1', true, true, '')", /runs SQL given as text/],
    ["SELECT * FROM ts_stat('SELECT v FROM t')", /ts_stat/],
    ['SELECT pg_advisory_lock(1)', /outlives the read-only transaction/],
    ["SELECT set_config('role', 'x', false)", /set_config/],
    ["SELECT pg_notify('c', 'x')", /pg_notify/],
    ["SELECT pg_logical_emit_message(false, 'p', 'x')", /pg_logical_emit_message/],
    ['DO $$ BEGIN NULL; END $$', /DO blocks/],
    ['CALL p()', /CALL/],
    ["LOAD 'x'", /LOAD/],
    ["ALTER SYSTEM SET work_mem = '1GB'", /ALTER SYSTEM/],
    ['EXPLAIN ANALYZE SELECT pg_reload_conf()', /pg_reload_conf/],
    ["SELECT 1; SELECT pg_read_file('x')", /pg_read_file/],
    ['SELEC 1', /syntax error at or near "SELEC" \(at character 1\)/],
  ])('%s', (sql, reason) => {
    const refusal = pgQueryRefusal(sql);
    expect(refusal).toMatch(/^pg_query refuses /);
    expect(refusal).toMatch(reason);
  });

  it.each([
    'SELECT * FROM customers WHERE id = $1',
    "WITH x AS (SELECT 1 AS lo_id) SELECT lo_id, 'pg_read_file' AS label FROM x",
    'SELECT count(*) OVER (), now(), pg_size_pretty(pg_database_size(current_database()))',
    'SHOW work_mem',
    'EXPLAIN SELECT * FROM t',
    'VALUES (1), (2)',
    'TABLE customers',
    // Writes are left to the READ ONLY transaction, which refuses them with PostgreSQL's own message.
    "INSERT INTO t VALUES (1)",
    "SELECT nextval('s')",
  ])('lets through %s', (sql) => {
    expect(pgQueryRefusal(sql)).toBeUndefined();
  });
});

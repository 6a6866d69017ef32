// The catalog reads behind pg_list_schemas, pg_list_tables and pg_describe_table. Schema and table
// names are only ever bound parameters compared with catalog columns, never spliced into SQL.
export const SYSTEM_SCHEMA_FILTER = "n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'";

export const LIST_SCHEMAS = `
  SELECT n.nspname AS schema,
         pg_get_userbyid(n.nspowner) AS owner,
         (SELECT count(*) FROM pg_class c WHERE c.relnamespace = n.oid AND c.relkind IN ('r','p','v','m','f'))::int AS relations,
         obj_description(n.oid, 'pg_namespace') AS comment
    FROM pg_namespace n
   WHERE $1::boolean OR (${SYSTEM_SCHEMA_FILTER})
   ORDER BY 1`;

export const LIST_TABLES = `
  SELECT n.nspname AS schema,
         c.relname AS name,
         CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned table' WHEN 'v' THEN 'view'
                        WHEN 'm' THEN 'materialized view' WHEN 'f' THEN 'foreign table' END AS kind,
         CASE WHEN c.reltuples < 0 THEN NULL ELSE c.reltuples::bigint END AS estimated_rows,
         obj_description(c.oid, 'pg_class') AS comment
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE c.relkind IN ('r','p','v','m','f')
     AND CASE WHEN $1::text IS NULL THEN ${SYSTEM_SCHEMA_FILTER} ELSE n.nspname = $1::text END
   ORDER BY 1, 2
   LIMIT $2::int`;

export const FIND_RELATION = `
  SELECT c.oid::int AS oid,
         CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned table' WHEN 'v' THEN 'view'
                        WHEN 'm' THEN 'materialized view' WHEN 'f' THEN 'foreign table' ELSE c.relkind::text END AS kind,
         obj_description(c.oid, 'pg_class') AS comment
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = $1::text AND c.relname = $2::text AND c.relkind IN ('r','p','v','m','f')`;

export const COLUMNS = `
  SELECT a.attname AS name,
         format_type(a.atttypid, a.atttypmod) AS type,
         NOT a.attnotnull AS nullable,
         pg_get_expr(d.adbin, d.adrelid) AS "default",
         CASE a.attidentity WHEN 'a' THEN 'always' WHEN 'd' THEN 'by default' ELSE NULL END AS identity,
         CASE a.attgenerated WHEN 's' THEN 'stored' ELSE NULL END AS generated,
         col_description(a.attrelid, a.attnum) AS comment
    FROM pg_attribute a
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
   WHERE a.attrelid = $1::oid AND a.attnum > 0 AND NOT a.attisdropped
   ORDER BY a.attnum`;

export const INDEXES = `
  SELECT i.relname AS name, x.indisprimary AS primary, x.indisunique AS unique, pg_get_indexdef(x.indexrelid) AS definition
    FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid
   WHERE x.indrelid = $1::oid
   ORDER BY i.relname`;

export const CONSTRAINTS = `
  SELECT conname AS name,
         CASE contype WHEN 'p' THEN 'primary key' WHEN 'u' THEN 'unique' WHEN 'f' THEN 'foreign key'
                      WHEN 'c' THEN 'check' WHEN 'x' THEN 'exclusion' WHEN 't' THEN 'trigger' ELSE contype::text END AS type,
         pg_get_constraintdef(oid) AS definition
    FROM pg_constraint
   WHERE conrelid = $1::oid
   ORDER BY conname`;

export const REFERENCED_BY = `
  SELECT conrelid::regclass::text AS "table", conname AS name, pg_get_constraintdef(oid) AS definition
    FROM pg_constraint
   WHERE confrelid = $1::oid AND contype = 'f'
   ORDER BY 1, 2`;

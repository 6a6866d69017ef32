// Column type names for result headers ("integer", "timestamp with time zone"), looked up once per
// type oid in the session's own transaction and cached.
import type pg from 'pg';

const names = new Map<number, string>();

export async function columnsOf(client: pg.PoolClient, fields: readonly pg.FieldDef[]): Promise<Array<{ name: string; type: string }>> {
  const unknown = [...new Set(fields.map((f) => f.dataTypeID).filter((oid) => !names.has(oid)))];
  if (unknown.length > 0) {
    const result = await client.query<{ oid: number; name: string }>('SELECT oid::int AS oid, format_type(oid, NULL) AS name FROM pg_type WHERE oid = ANY($1::oid[])', [unknown]);
    for (const row of result.rows) names.set(row.oid, row.name);
  }
  return fields.map((f) => ({ name: f.name, type: names.get(f.dataTypeID) ?? `oid ${f.dataTypeID}` }));
}

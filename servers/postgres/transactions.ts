// Every statement runs inside a transaction this server opens and ends itself: READ ONLY (always
// rolled back) for the read tools, read-write (committed, rolled back on error) for pg_execute;
// both with a local statement_timeout, so a runaway query is cancelled by the server. Afterwards
// the pooled connection is reset with DISCARD ALL: what a statement set for the session (advisory
// locks, SET, SET ROLE, prepared statements, cursors WITH HOLD, LISTEN, temp tables) must not
// carry over to the next call, which may be another tool's or another client's.
import type pg from 'pg';

export interface TransactionSettings {
  readonly statementTimeoutMs: number;
}

/** Resets the session; a connection that cannot be reset is not reused. */
async function resetSession(client: pg.PoolClient, broken: Error | undefined): Promise<void> {
  if (!broken) {
    try {
      // Also pg_advisory_unlock_all(), RESET ALL, SET SESSION AUTHORIZATION DEFAULT, DEALLOCATE ALL…
      await client.query('DISCARD ALL');
    } catch (error) {
      broken = error as Error;
    }
  }
  client.release(broken);
}

async function setTimeoutLocal(client: pg.PoolClient, ms: number): Promise<void> {
  // set_config(…, true) is SET LOCAL with a bound parameter. Being a query, it also takes the
  // transaction's snapshot, after which SET TRANSACTION READ WRITE is refused.
  await client.query("SELECT set_config('statement_timeout', $1, true)", [String(ms)]);
}

/** Runs `work` in a READ ONLY transaction that is always rolled back. */
export async function inReadOnlyTransaction<T>(pool: pg.Pool, settings: TransactionSettings, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN TRANSACTION READ ONLY');
    await setTimeoutLocal(client, settings.statementTimeoutMs);
    return await work(client);
  } finally {
    try {
      await client.query('ROLLBACK');
    } catch (error) {
      broken = error as Error;
    }
    // A connection whose transaction could not be ended is not reused.
    await resetSession(client, broken);
  }
}

/** Runs `work` in a transaction that is committed when it succeeds and rolled back when it throws. */
export async function inWriteTransaction<T>(pool: pg.Pool, settings: TransactionSettings, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await setTimeoutLocal(client, settings.statementTimeoutMs);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      broken = rollbackError as Error;
    }
    throw error;
  } finally {
    await resetSession(client, broken);
  }
}

// A query that fetches at most `limit + 1` rows and then stops, instead of pulling a whole result
// into memory. It is pg's own Query with a row count on Execute (extended protocol, which also
// means exactly one statement: "SELECT 1; COMMIT; DELETE …" is refused by the server). When the
// row count is reached the portal is simply abandoned; the transaction's ROLLBACK closes it.
import pg from 'pg';

export interface CappedRows {
  readonly fields: pg.FieldDef[];
  readonly rows: unknown[][];
  /** More rows existed than `limit`. */
  readonly truncated: boolean;
}

interface WireConnection {
  sync(): void;
}

class CappedQuery extends pg.Query {
  #ready = false;

  constructor(text: string, values: unknown[], rows: number, callback: (error: Error | undefined, result: pg.QueryResult) => void) {
    super({ text, values, rowMode: 'array', rows, queryMode: 'extended', callback } as unknown as pg.QueryConfig);
  }

  // pg would Execute again for the next batch; stop here and end the round trip instead.
  handlePortalSuspended(connection: WireConnection): void {
    connection.sync();
  }

  // With a row count pg does not pipeline Sync, so after a server error nothing would ever
  // answer: send it, as pg-cursor does. (Errors raised after ReadyForQuery need no Sync.)
  handleError(error: Error, connection: WireConnection): void {
    if (error instanceof pg.DatabaseError && !this.#ready) connection.sync();
    (pg.Query.prototype as unknown as { handleError(e: Error, c: WireConnection): void }).handleError.call(this, error, connection);
  }

  handleReadyForQuery(connection: WireConnection): void {
    this.#ready = true;
    (pg.Query.prototype as unknown as { handleReadyForQuery(c: WireConnection): void }).handleReadyForQuery.call(this, connection);
  }
}

export function queryCapped(client: pg.PoolClient, text: string, values: unknown[], limit: number): Promise<CappedRows> {
  return new Promise((resolve, reject) => {
    const query = new CappedQuery(text, values, limit + 1, (error, result) => {
      if (error) return reject(error);
      const rows = (result.rows ?? []) as unknown[][];
      resolve({ fields: result.fields ?? [], rows: rows.slice(0, limit), truncated: rows.length > limit });
    });
    client.query(query);
  });
}

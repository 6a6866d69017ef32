// A failed control call as the UI sees it: the hub's error code (invalid-params, not-found,
// needs-confirmation, unavailable…, or unauthorized/offline from the carrier) and a message that is
// shown to the user as is.
export class ControlClientError extends Error {
  override readonly name = 'ControlClientError';
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }

  /** Normalizes whatever a carrier rejected with. */
  static from(error: unknown): ControlClientError {
    if (error instanceof ControlClientError) return error;
    if (error && typeof error === 'object' && 'message' in error) {
      const { code, message } = error as { code?: unknown; message?: unknown };
      return new ControlClientError(typeof code === 'string' ? code : 'failed', String(message));
    }
    return new ControlClientError('failed', String(error));
  }
}

// A failed control call as the UI sees it: the hub's error code, or unauthorized/offline from the
// carrier, and a message that is shown to the user as is.
import type { ControlErrorCode } from './contract-types.ts';

export type ClientErrorCode = ControlErrorCode | 'unauthorized' | 'offline';

// Every code, checked against the contract's union: a new code there fails to compile here.
const CODES: Record<ClientErrorCode, true> = {
  'invalid-params': true,
  'not-found': true,
  conflict: true,
  'needs-confirmation': true,
  unavailable: true,
  failed: true,
  unauthorized: true,
  offline: true,
};

export function isClientErrorCode(value: unknown): value is ClientErrorCode {
  return typeof value === 'string' && Object.hasOwn(CODES, value);
}

export class ControlClientError extends Error {
  override readonly name = 'ControlClientError';
  readonly code: ClientErrorCode;

  constructor(code: ClientErrorCode, message: string) {
    super(message);
    this.code = code;
  }

  /** Normalizes whatever a carrier rejected with; an unknown code becomes "failed". */
  static from(error: unknown): ControlClientError {
    if (error instanceof ControlClientError) return error;
    if (error && typeof error === 'object' && 'message' in error) {
      const { code, message } = error as { code?: unknown; message?: unknown };
      return new ControlClientError(isClientErrorCode(code) ? code : 'failed', String(message));
    }
    return new ControlClientError('failed', String(error));
  }
}

// The one error type of the control API. Every carrier sends its code and message as they are; the
// HTTP carrier maps the code to a status, and UIs show the message to the user unchanged.

/** What went wrong, in terms a caller can act on. */
export type ControlErrorCode = 'invalid-params' | 'not-found' | 'conflict' | 'needs-confirmation' | 'unavailable' | 'failed';

/** An error a caller can act on; its message is shown to the user as is. */
export class ControlError extends Error {
  override readonly name = 'ControlError';
  readonly code: ControlErrorCode;
  constructor(code: ControlErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

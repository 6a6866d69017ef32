// An error the CLI prints as one line on stderr before exiting non-zero (docs/cli.md).
import type { ControlErrorCode } from '../hub/contract/control-error.ts';

export class CliError extends Error {
  override readonly name = 'CliError';
  /** The hub's error code when the hub refused a request. */
  readonly code: ControlErrorCode | undefined;
  readonly exitCode: number;
  constructor(message: string, code?: ControlErrorCode, exitCode = 1) {
    super(message);
    this.code = code;
    this.exitCode = exitCode;
  }
}

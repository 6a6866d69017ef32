// An error the CLI prints as one line on stderr before exiting non-zero (SPEC §7).
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly code: string | undefined;
  readonly exitCode: number;
  constructor(message: string, code?: string, exitCode = 1) {
    super(message);
    this.code = code;
    this.exitCode = exitCode;
  }
}

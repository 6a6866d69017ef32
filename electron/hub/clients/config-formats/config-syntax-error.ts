// A client config that does not parse by that client's rules. It carries the 1-based line and
// column so the message can point at the spot ("…/mcp.json:4:7: …"); nothing is written then.
export class ConfigSyntaxError extends Error {
  override readonly name = 'ConfigSyntaxError';
  readonly line: number;
  readonly column: number;
  readonly reason: string;
  constructor(line: number, column: number, reason: string) {
    super(`${line}:${column}: ${reason}`);
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  static at(text: string, offset: number, reason: string): ConfigSyntaxError {
    const { line, column } = lineColumn(text, offset);
    return new ConfigSyntaxError(line, column, reason);
  }
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

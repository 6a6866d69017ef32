// What every command gets: the data dir it works on and where it prints.
export interface CliContext {
  readonly dataDir: string;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

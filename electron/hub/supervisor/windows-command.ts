// How a command line starts on Windows, the way the MCP SDK's own stdio client starts it
// (cross-spawn): the command is looked up on the child's Path with PATHEXT, so `npx` finds
// `npx.cmd`; a batch launcher (.cmd/.bat, which Windows runs only through cmd.exe) gets cmd.exe
// with every argument escaped for it, so no argument can add a command; an .exe runs directly.
import crossSpawn from 'cross-spawn';

export interface WindowsCommand {
  readonly command: string;
  readonly args: string[];
  /** Set when the arguments are already quoted for cmd.exe. */
  readonly windowsVerbatimArguments: boolean;
  /** The file the command was found as on Path; undefined when it is nowhere (cmd.exe would only say so on stderr). */
  readonly file: string | undefined;
}

interface Parsed {
  command: string;
  args: string[];
  options: { windowsVerbatimArguments?: boolean };
  file?: string;
}

// cross-spawn's own parser (what its spawn() runs before child_process.spawn), without spawning.
const parse = (crossSpawn as unknown as { _parse: (command: string, args: readonly string[], options: object) => Parsed })._parse;

export function windowsCommand(command: string, args: readonly string[], env: Record<string, string>, cwd?: string): WindowsCommand {
  const parsed = parse(command, args, { env, cwd });
  return { command: parsed.command, args: parsed.args, windowsVerbatimArguments: parsed.options.windowsVerbatimArguments === true, file: parsed.file };
}

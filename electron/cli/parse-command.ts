// Turns argv into one command of the table (command-table.ts) with its options and arguments, or
// into a request for help. Every refusal is a UsageError: one line that names the fix.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { COMMANDS, GLOBAL_OPTIONS, type CommandSpec } from './command-table.ts';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface ParsedCommand {
  readonly spec: CommandSpec;
  readonly dataDir: string | undefined;
  /** Option values by long name. */
  readonly values: Readonly<Record<string, string | boolean | string[] | undefined>>;
  /** Positional arguments by their name in the table (variadic ones as arrays). */
  readonly args: Readonly<Record<string, string | string[] | undefined>>;
  /** What followed `--`. */
  readonly afterDashes: readonly string[];
}

export type ParseResult = { readonly kind: 'run'; readonly command: ParsedCommand } | { readonly kind: 'help'; readonly path: readonly string[] };

const isWordPrefix = (prefix: readonly string[], path: readonly string[]) => prefix.length <= path.length && prefix.every((word, i) => path[i] === word);
const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && isWordPrefix(a, b);

/** The words of argv that name a command or a group (`servers`, `settings denied-paths`). */
function commandWords(argv: readonly string[]): string[] {
  const words: string[] = [];
  for (const token of argv) {
    if (token.startsWith('-')) break;
    const next = [...words, token];
    if (!COMMANDS.some((c) => isWordPrefix(next, c.path))) break;
    words.push(token);
  }
  return words;
}

/** Whether some command lives under these words. */
export function isGroup(path: readonly string[]): boolean {
  return COMMANDS.some((c) => c.path.length > path.length && isWordPrefix(path, c.path));
}

export function findCommand(path: readonly string[]): CommandSpec | undefined {
  return COMMANDS.find((c) => same(c.path, path)) ?? COMMANDS.find((c) => c.isDefault && c.path.length === path.length + 1 && isWordPrefix(path, c.path));
}

/** Leaves under a group, in table order. */
export function commandsUnder(path: readonly string[]): CommandSpec[] {
  return COMMANDS.filter((c) => isWordPrefix(path, c.path));
}

/** `--data-dir D` / `--data-dir=D` may come anywhere before `--`, even before the command. */
function takeDataDir(own: string[]): { dataDir: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let dataDir: string | undefined;
  for (let i = 0; i < own.length; i++) {
    const token = own[i]!;
    if (token === '--data-dir') {
      dataDir = own[++i];
      if (dataDir === undefined || dataDir.startsWith('-')) throw new UsageError('--data-dir needs a folder');
    } else if (token.startsWith('--data-dir=')) dataDir = token.slice('--data-dir='.length);
    else rest.push(token);
  }
  return { dataDir, rest };
}

export function parseCommandLine(argv: readonly string[]): ParseResult {
  const dashes = argv.indexOf('--');
  const { dataDir, rest: own } = takeDataDir(dashes === -1 ? [...argv] : argv.slice(0, dashes));
  const afterDashes = dashes === -1 ? [] : argv.slice(dashes + 1);

  // `mcp-tray help servers add` is `mcp-tray servers add --help`.
  if (own[0] === 'help') {
    const words = commandWords(own.slice(1));
    const unknown = own.slice(1 + words.length).find((t) => !t.startsWith('-'));
    if (unknown !== undefined) throw new UsageError(`no command "${[...words, unknown].join(' ')}"; run "mcp-tray --help" for the list`);
    return { kind: 'help', path: words };
  }
  const words = commandWords(own);
  const wantsHelp = own.some((t) => t === '--help' || t === '-h');
  if (words.length === 0) {
    const first = own.find((t) => !t.startsWith('-'));
    if (first !== undefined) throw new UsageError(`unknown command "${first}"; run "mcp-tray --help" for the list`);
    if (wantsHelp || own.length === 0) return { kind: 'help', path: [] };
  }
  const spec = findCommand(words);
  if (wantsHelp) return { kind: 'help', path: spec && !isGroup(words) ? spec.path : words };
  if (!spec) {
    const next = own[words.length];
    const see = `see: mcp-tray ${words.join(' ')} --help`;
    throw new UsageError(next === undefined || next.startsWith('-') ? `"mcp-tray ${words.join(' ')}" needs a subcommand; ${see}` : `unknown ${words.join(' ')} command "${next}"; ${see}`);
  }
  // When a default subcommand ran (`servers` → `servers list`), its words were not all typed.
  const typed = same(words, spec.path) ? spec.path.length : words.length;
  const rest = own.slice(typed);
  if (typed < spec.path.length && rest[0] !== undefined && !rest[0].startsWith('-')) {
    throw new UsageError(`unknown ${words.join(' ')} command "${rest[0]}"; see: mcp-tray ${words.join(' ')} --help`);
  }
  return { kind: 'run', command: parseOptions(spec, rest, afterDashes, dataDir) };
}

function parseOptions(spec: CommandSpec, rest: string[], afterDashes: string[], dataDir: string | undefined): ParsedCommand {
  const name = `mcp-tray ${spec.path.join(' ')}`;
  const see = `see: ${name} --help`;
  const options: ParseArgsOptionsConfig = {};
  for (const [key, option] of Object.entries({ ...GLOBAL_OPTIONS, ...spec.options })) {
    options[key] = { type: option.type, ...(option.multiple ? { multiple: true } : {}), ...(option.short ? { short: option.short } : {}) };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${describeParseError(error as Error & { code?: string })} for ${name}; ${see}`);
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  for (const [key, option] of Object.entries(spec.options ?? {})) {
    if (option.required && values[key] === undefined) throw new UsageError(`${name} needs --${key}${option.value ? ` ${option.value}` : ''}; ${see}`);
  }
  const positionals = parsed.positionals;
  if (afterDashes.length > 0 && !spec.afterDashes) throw new UsageError(`${name} takes nothing after "--"; ${see}`);

  const args: Record<string, string | string[] | undefined> = {};
  const specs = spec.args ?? [];
  let index = 0;
  for (const arg of specs) {
    if (arg.variadic) {
      const taken = positionals.slice(index);
      index = positionals.length;
      if (taken.length === 0 && !arg.optional) throw new UsageError(`${name} needs ${arg.name} (one or more); ${see}`);
      args[arg.name] = taken;
      continue;
    }
    const value = positionals[index++];
    if (value === undefined) {
      if (!arg.optional) throw new UsageError(`${name} needs ${arg.choices ? arg.choices.join('|') : arg.name}; usage: ${usageLine(spec)}`);
      continue;
    }
    if (arg.choices && !arg.choices.includes(value)) throw new UsageError(`${arg.name} must be ${arg.choices.join(', ')}, not "${value}"; ${see}`);
    args[arg.name] = value;
  }
  if (index < positionals.length) throw new UsageError(`unexpected argument "${positionals[index]}" for ${name}; usage: ${usageLine(spec)}`);
  return { spec, dataDir, values, args, afterDashes };
}

/** Node's messages are long and mention things we do not do; ours say the one fact. */
function describeParseError(error: Error & { code?: string }): string {
  const option = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option ?? ''}`.trim();
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /argument missing/.test(error.message) ? `${option ?? 'an option'} needs a value` : `${option ?? 'an option'} takes no value`;
  }
  return error.message.split('\n')[0]!;
}

/** `servers add ID [options] [-- COMMAND [ARGS...]]`, options spelled out. */
export function usageLine(spec: CommandSpec): string {
  const parts = [`mcp-tray ${spec.path.join(' ')}`];
  for (const arg of spec.args ?? []) {
    const shown = arg.choices ? arg.choices.join('|') : arg.name;
    parts.push(arg.variadic ? (arg.optional ? `[${shown}...]` : `${shown}...`) : arg.optional ? `[${shown}]` : shown);
  }
  for (const [key, option] of Object.entries(spec.options ?? {})) {
    const shown = `--${key}${option.value ? ` ${option.value}` : ''}`;
    parts.push(option.required ? shown : `[${shown}]`);
  }
  if (spec.afterDashes) parts.push(`[-- ${spec.afterDashes}]`);
  return parts.join(' ');
}

// Typed reads of a parsed command, for the handlers.
export const flag = (c: ParsedCommand, name: string): boolean => c.values[name] === true;
export const option = (c: ParsedCommand, name: string): string | undefined => {
  const value = c.values[name];
  return typeof value === 'string' ? value : undefined;
};
export const options = (c: ParsedCommand, name: string): string[] => {
  const value = c.values[name];
  return Array.isArray(value) ? value : [];
};
export const arg = (c: ParsedCommand, name: string): string => {
  const value = c.args[name];
  if (typeof value !== 'string') throw new UsageError(`mcp-tray ${c.spec.path.join(' ')} needs ${name}; usage: ${usageLine(c.spec)}`);
  return value;
};
export const argList = (c: ParsedCommand, name: string): string[] => {
  const value = c.args[name];
  return Array.isArray(value) ? value : [];
};

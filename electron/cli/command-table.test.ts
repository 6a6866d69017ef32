// The command table is the one source of parsing and help: every command parses what its help
// says, refuses what it does not, and the README's CLI section is the generated overview.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from './command-table.ts';
import { helpFor, overview } from './help-text.ts';
import { parseCommandLine, UsageError, type ParsedCommand } from './parse-command.ts';
import { README, readmeCliSection } from './readme-cli.ts';

const run = (argv: string[]): ParsedCommand => {
  const parsed = parseCommandLine(argv);
  if (parsed.kind !== 'run') throw new Error(`expected a command, got help for ${parsed.path.join(' ')}`);
  return parsed.command;
};
const usageError = (argv: string[]): string => {
  try {
    parseCommandLine(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`);
};

describe('the README', () => {
  it("CLI section is the generated overview (run: npm run docs:cli)", () => {
    expect(readmeCliSection(readFileSync(README, 'utf8'))).toBe(overview());
  });

  it('names every command that exists', () => {
    const section = readmeCliSection(readFileSync(README, 'utf8'))!;
    for (const words of [['start'], ['ui', 'open'], ['import'], ['settings'], ['servers', 'tool'], ['service', 'install'], ['cli', 'install']]) {
      expect(section).toContain(`mcp-tray ${words.join(' ')}`);
    }
  });
});

describe('help', () => {
  it.each(COMMANDS.map((c) => [c.path.join(' ')]))('%s --help and help %s show its usage and every option', (words) => {
    const path = words.split(' ');
    const viaFlag = parseCommandLine([...path, '--help']);
    const viaHelp = parseCommandLine(['help', ...path]);
    expect(viaFlag).toEqual(viaHelp);
    expect(viaFlag.kind).toBe('help');
    const spec = COMMANDS.find((c) => c.path.join(' ') === words)!;
    const text = helpFor((viaFlag as { readonly path: readonly string[] }).path);
    expect(text).toContain(`mcp-tray ${words}`);
    for (const option of Object.keys(spec.options ?? {})) expect(text).toContain(`--${option}`);
  });

  it('a group lists its commands', () => {
    const text = helpFor(['servers']);
    for (const sub of ['list', 'add', 'remove', 'write', 'tool']) expect(text).toContain(`mcp-tray servers ${sub}`);
  });

  it('--help wins over missing arguments (approvals approve --help is help, not "needs ID")', () => {
    expect(parseCommandLine(['approvals', 'approve', '--help'])).toEqual({ kind: 'help', path: ['approvals', 'approve'] });
    expect(parseCommandLine(['install', '-h'])).toEqual({ kind: 'help', path: ['install'] });
    expect(parseCommandLine([])).toEqual({ kind: 'help', path: [] });
  });
});

describe('parsing', () => {
  it('reads options, arguments and what follows --', () => {
    const add = run(['servers', 'add', 'gh', '--env', 'A=1', '--env', 'B=2', '--data-dir', '/tmp/d', '--', 'npx', '-y', 'pkg', '--flag']);
    expect(add.spec.path).toEqual(['servers', 'add']);
    expect(add.args).toEqual({ ID: 'gh' });
    expect(add.values.env).toEqual(['A=1', 'B=2']);
    expect(add.dataDir).toBe('/tmp/d');
    expect(run(['--data-dir', '/tmp/e', 'status']).dataDir).toBe('/tmp/e');
    expect(run(['--data-dir=/tmp/f', 'servers']).spec.path).toEqual(['servers', 'list']);
    expect(add.afterDashes).toEqual(['npx', '-y', 'pkg', '--flag']);
  });

  it('runs the default subcommand of a group', () => {
    expect(run(['servers', '--json']).spec.path).toEqual(['servers', 'list']);
    expect(run(['settings']).spec.path).toEqual(['settings']);
    expect(run(['settings', 'denied-paths']).spec.path).toEqual(['settings', 'denied-paths', 'list']);
    expect(run(['settings', 'denied-paths', 'add', '/a', '/b']).args).toEqual({ PATH: ['/a', '/b'] });
  });

  it('refuses, in one line that says where to look, what the table does not allow', () => {
    expect(usageError(['frob'])).toBe('unknown command "frob"; run "mcp-tray --help" for the list');
    expect(usageError(['servers', 'frob'])).toBe('unknown servers command "frob"; see: mcp-tray servers --help');
    expect(usageError(['install', '--bogus', 'cursor'])).toBe('unknown option --bogus for mcp-tray install; see: mcp-tray install --help');
    expect(usageError(['install'])).toMatch(/^mcp-tray install needs CLIENT; usage: mcp-tray install CLIENT/);
    expect(usageError(['install', 'a', 'b'])).toMatch(/^unexpected argument "b" for mcp-tray install/);
    expect(usageError(['servers', 'write', 'fs', 'sometimes'])).toMatch(/^MODE must be off, ask, allow, not "sometimes"/);
    expect(usageError(['log', '--limit'])).toMatch(/^--limit needs a value for mcp-tray log/);
    expect(usageError(['bridge'])).toMatch(/^mcp-tray bridge needs --client ID/);
    expect(usageError(['status', '--', 'x'])).toMatch(/takes nothing after "--"/);
    for (const message of [usageError(['frob']), usageError(['install', '--bogus'])]) expect(message).not.toContain('\n');
  });
});

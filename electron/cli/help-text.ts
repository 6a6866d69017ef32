// The help of `mcp-tray`, made from the command table: the overview (`mcp-tray --help`, which is
// also the README's CLI section), a group's commands (`mcp-tray servers --help`) and one command's
// options (`mcp-tray servers add --help`, `mcp-tray help servers add`).
import { COMMANDS, GLOBAL_OPTIONS, type CommandSpec, type OptionSpec } from './command-table.ts';
import { commandsUnder, findCommand, isGroup, usageLine } from './parse-command.ts';

const INDENT = '    ';

function listing(specs: readonly CommandSpec[]): string {
  return specs.map((spec) => `${usageLine(spec)}\n${INDENT}${spec.summary}`).join('\n');
}

/** Every command, two lines each: how to call it, and what it does. */
export function overview(): string {
  return listing(COMMANDS);
}

const FOOTER =
  'Every command takes --data-dir D (else MCP_TRAY_HOME, else the per-user app data folder) and --help.\n' +
  'More on one command: mcp-tray help COMMAND, or mcp-tray COMMAND --help.';

function optionLines(options: Readonly<Record<string, OptionSpec>>): string[] {
  const rows = Object.entries(options).map(([key, option]) => [`${option.short ? `-${option.short}, ` : ''}--${key}${option.value ? ` ${option.value}` : ''}`, option.description] as const);
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

/** The help for these words: everything, a group, or one command. */
export function helpFor(path: readonly string[]): string {
  if (path.length === 0) return `Usage: mcp-tray COMMAND [options]\n\n${overview()}\n\n${FOOTER}\n`;
  const spec = findCommand(path);
  if (isGroup(path) && !(spec && spec.path.length === path.length)) {
    return `mcp-tray ${path.join(' ')}: ${spec ? `with no subcommand, ${spec.path.at(-1)}` : 'pick one of these'}\n\n${listing(commandsUnder(path))}\n\n${FOOTER}\n`;
  }
  if (!spec) return helpFor([]);
  const lines = [`Usage: ${usageLine(spec)}`, '', spec.summary];
  if (spec.details) lines.push('', spec.details);
  const sub = commandsUnder(spec.path).filter((c) => c !== spec);
  if (sub.length > 0) lines.push('', 'Also:', ...sub.map((c) => `  ${usageLine(c)}`));
  lines.push('', 'Options:', ...optionLines({ ...spec.options, ...GLOBAL_OPTIONS }));
  return `${lines.join('\n')}\n`;
}

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ConfigSyntaxError } from './config-syntax-error.ts';
import { yamlListEntryFormat } from './yaml-entry.ts';

const yaml = yamlListEntryFormat('mcpServers');
const entry = { type: 'stdio', command: '/opt/node', args: ['/opt/mcp-tray.js', 'bridge', '--client', 'continue'] };

const ORIGINALS: Record<string, string> = {
  'block list with comments': 'name: a\n# servers\nmcpServers:\n  - name: x   # note\n    command: npx\n    args: ["-y", "b"]\n  # more later\nmodels: []\n',
  'four-space items': 'mcpServers:\n    -   name: x\n        command: npx\n',
  'list last, no final newline': 'name: a\nmcpServers:\n  - name: x\n    command: npx',
  'flow list': 'name: a\nmcpServers: [{ name: x, command: npx }]\n',
  'empty flow list': 'name: a\nmcpServers: []\n',
  'null list': 'name: a\nmcpServers:\nmodels: []\n',
  'no list key': 'name: a\nversion: 1.0.0\n',
  crlf: 'name: a\r\nmcpServers:\r\n  - name: x\r\n    command: npx\r\n',
};

describe('YAML list entry edits (Continue)', () => {
  for (const [name, original] of Object.entries(ORIGINALS)) {
    it(`${name}: set adds the item, replace keeps it, remove restores the bytes`, () => {
      const { text, createdContainer } = yaml.set(original, 'mcp-tray', entry);
      const items = (parse(text) as { mcpServers: Array<Record<string, unknown>> }).mcpServers;
      expect(items.find((i) => i.name === 'mcp-tray')).toEqual({ name: 'mcp-tray', ...entry });
      const replaced = yaml.set(text, 'mcp-tray', { ...entry, args: ['changed'] }).text;
      expect((parse(replaced) as { mcpServers: Array<Record<string, unknown>> }).mcpServers.find((i) => i.name === 'mcp-tray')!.args).toEqual(['changed']);
      expect(yaml.remove(yaml.set(replaced, 'mcp-tray', entry).text, 'mcp-tray', createdContainer)).toBe(original);
    });
  }

  it('creates config.yaml with the keys Continue requires', () => {
    const { text } = yaml.set('', 'mcp-tray', entry);
    expect(parse(text)).toEqual({ name: 'Local Assistant', version: '1.0.0', schema: 'v1', mcpServers: [{ name: 'mcp-tray', ...entry }] });
    expect(yaml.isEmpty(yaml.remove(text, 'mcp-tray', true))).toBe(true);
  });

  it('keeps the indentation of the existing items', () => {
    const text = yaml.set(ORIGINALS['four-space items']!, 'mcp-tray', entry).text;
    expect(text).toContain('\n    -   name: "mcp-tray"\n        type: "stdio"\n');
  });

  it('refuses a broken file with line and column', () => {
    const misindented = catchError(() => yaml.set('name: a\nmcpServers:\n  - name: x\n   bad: [\n', 'mcp-tray', entry));
    expect(misindented).toBeInstanceOf(ConfigSyntaxError);
    expect(misindented).toMatchObject({ line: 4, column: 1, message: '4:1: Sequence item without - indicator' });
    // An error in the middle of a line: the column points at it, not at the line's start.
    const nested = catchError(() => yaml.set('name: a\nmcpServers:\n  - name: x\n    command: npx: y\n', 'mcp-tray', entry));
    expect(nested).toBeInstanceOf(ConfigSyntaxError);
    expect(nested).toMatchObject({ line: 4, column: 14, message: '4:14: Nested mappings are not allowed in compact mappings' });
  });

  it('refuses a top level that is not a mapping', () => {
    expect(() => yaml.set('- a\n- b\n', 'mcp-tray', entry)).toThrow('1:1: the top level is not a mapping');
  });
});

function catchError(run: () => unknown): ConfigSyntaxError {
  try {
    run();
  } catch (error) {
    return error as ConfigSyntaxError;
  }
  throw new Error('expected an error');
}

import { describe, expect, it } from 'vitest';
import { parse } from 'smol-toml';
import { ConfigSyntaxError } from './config-syntax-error.ts';
import { EntryEditError } from './entry-format.ts';
import { tomlEntryFormat } from './toml-entry.ts';

const toml = tomlEntryFormat('mcp_servers');
const entry = { command: '/opt/node', args: ['/opt/mcp-tray.js', 'bridge', '--client', 'codex'], env: { ELECTRON_RUN_AS_NODE: '1' } };

const ORIGINALS: Record<string, string> = {
  plain: 'model = "o3"\n',
  'no final newline': 'model = "o3"',
  'servers with sub-table and comments':
    '# top\nmodel = "o3" # m\n\n[mcp_servers.github]\ncommand = "npx"\nargs = [\n  "-y",\n  "[not-a-header]",\n]\n\n[mcp_servers.github.env]\nTOKEN = "x" # t\n',
  'table after servers': '[mcp_servers.a]\ncommand = "a"\n\n# about profiles\n[profiles.fast]\nmodel = "o4-mini"\n',
  crlf: 'model = "o3"\r\n\r\n[mcp_servers.a]\r\ncommand = "a"\r\n',
  'multi-line string with a bracket line': 'notes = """\n[mcp_servers.mcp-tray]\n"""\n',
  'explicit parent table': '[mcp_servers]\n\n[mcp_servers.a]\ncommand = "a"\n',
};

describe('TOML entry edits (Codex)', () => {
  for (const [name, original] of Object.entries(ORIGINALS)) {
    it(`${name}: set adds the table, replace keeps it, remove restores the bytes`, () => {
      const { text, createdContainer } = toml.set(original, 'mcp-tray', entry);
      const parsed = parse(text) as { mcp_servers: Record<string, unknown> };
      expect(parsed.mcp_servers['mcp-tray']).toEqual(entry);
      const replaced = toml.set(text, 'mcp-tray', { ...entry, args: ['changed'] }).text;
      expect((parse(replaced) as { mcp_servers: Record<string, { args: string[] }> }).mcp_servers['mcp-tray']!.args).toEqual(['changed']);
      expect(toml.remove(toml.set(replaced, 'mcp-tray', entry).text, 'mcp-tray', createdContainer)).toBe(original);
    });
  }

  it('writes a [mcp_servers.mcp-tray] table with an inline env table', () => {
    expect(toml.set('', 'mcp-tray', entry).text).toBe(
      '[mcp_servers.mcp-tray]\ncommand = "/opt/node"\nargs = ["/opt/mcp-tray.js", "bridge", "--client", "codex"]\nenv = { ELECTRON_RUN_AS_NODE = "1" }\n',
    );
  });

  it('replaces a table of ours that has a sub-table, removing the sub-table too', () => {
    const text = 'a = 1\n\n[mcp_servers.mcp-tray]\ncommand = "old"\n\n[mcp_servers.mcp-tray.env]\nX = "1"\n\n[other]\nb = 2\n';
    const out = toml.set(text, 'mcp-tray', { command: 'new', args: [] }).text;
    expect(parse(out)).toEqual({ a: 1, mcp_servers: { 'mcp-tray': { command: 'new', args: [] } }, other: { b: 2 } });
  });

  it('removes another server with its sub-tables (import)', () => {
    const original = ORIGINALS['servers with sub-table and comments']!;
    const out = toml.remove(original, 'github', false);
    expect(parse(out)).toEqual({ model: 'o3' });
    expect(out).toBe('# top\nmodel = "o3" # m\n');
  });

  it('refuses an entry written as an inline table', () => {
    const text = '[mcp_servers]\nmcp-tray = { command = "x" }\n';
    expect(() => toml.set(text, 'mcp-tray', entry)).toThrow(EntryEditError);
    expect(() => toml.remove(text, 'mcp-tray', false)).toThrow(/inline table or dotted keys/);
  });

  it('refuses a broken file with line and column', () => {
    try {
      toml.set('a = 1\n[x]\nb = = 2\n', 'mcp-tray', entry);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigSyntaxError);
      expect((error as ConfigSyntaxError).message).toBe('3:5: invalid value');
    }
  });
});

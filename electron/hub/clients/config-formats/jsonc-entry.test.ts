import { describe, expect, it } from 'vitest';
import { parse } from 'jsonc-parser';
import { ConfigSyntaxError } from './config-syntax-error.ts';
import { jsoncEntryFormat } from './jsonc-entry.ts';

const entry = { command: '/opt/node', args: ['/opt/mcp-tray.js', 'bridge', '--client', 'x'] };
const lenient = jsoncEntryFormat(['mcpServers'], { comments: true, trailingCommas: true, clientLabel: 'Zed' });
const strict = jsoncEntryFormat(['mcpServers'], { comments: false, trailingCommas: false, clientLabel: 'Cline' });
const commentsOnly = jsoncEntryFormat(['mcpServers'], { comments: true, trailingCommas: false, clientLabel: 'Gemini CLI' });

const ORIGINALS: Record<string, string> = {
  'two spaces': '{\n  "mcpServers": {\n    "a": { "command": "x" }\n  }\n}\n',
  tabs: '{\n\t"mcpServers": {\n\t\t"a": {\n\t\t\t"command": "x"\n\t\t}\n\t}\n}\n',
  crlf: '{\r\n  "mcpServers": {\r\n    "a": { "command": "x" }\r\n  }\r\n}\r\n',
  'no final newline': '{\n  "mcpServers": {\n    "a": { "command": "x" }\n  }\n}',
  'comment after last value': '{\n  "mcpServers": {\n    "a": { "command": "x" } // keep me\n  }\n}\n',
  'comment lines inside': '{\n  "mcpServers": {\n    // first\n    "a": { "command": "x" }\n    // last\n  }\n}\n',
  'trailing commas': '{\n  "mcpServers": {\n    "a": { "command": "x" },\n  },\n}\n',
  'one line': '{"mcpServers": {"a": {"command": "x"}}}',
  'empty servers': '{\n  "theme": "dark",\n  "mcpServers": {}\n}\n',
  'no servers key': '{\n    "theme": "dark"\n}\n',
  'no servers key, comment last': '{\n  "theme": "dark" // note\n}\n',
  'empty object': '{}\n',
  'servers key first': '{\n  "mcpServers": {\n    "a": {}\n  },\n  "z": [1, 2]\n}\n',
};

describe('JSON/JSONC entry edits', () => {
  for (const [name, original] of Object.entries(ORIGINALS)) {
    it(`${name}: set adds the entry, replace keeps it in place, remove restores the bytes`, () => {
      const { text, createdContainer } = lenient.set(original, 'mcp-tray', entry);
      expect(parse(text).mcpServers['mcp-tray']).toEqual(entry);
      // Everything that was there still is.
      const before = parse(original) as Record<string, unknown>;
      const after = parse(text) as { mcpServers: Record<string, unknown> };
      delete after.mcpServers['mcp-tray'];
      if (createdContainer) expect(after.mcpServers).toEqual({});
      else expect(after).toEqual(before);
      const replaced = lenient.set(text, 'mcp-tray', { ...entry, args: ['changed'] }).text;
      expect(parse(replaced).mcpServers['mcp-tray'].args).toEqual(['changed']);
      expect(lenient.remove(lenient.set(replaced, 'mcp-tray', entry).text, 'mcp-tray', createdContainer)).toBe(original);
    });
  }

  it('keeps the file\'s end-of-line style and indentation for the entry', () => {
    const crlf = lenient.set(ORIGINALS.crlf!, 'mcp-tray', entry).text;
    expect(crlf.replace(/\r\n/g, '')).not.toContain('\n');
    const tabs = lenient.set(ORIGINALS.tabs!, 'mcp-tray', entry).text;
    expect(tabs).toContain('\n\t\t"mcp-tray": {\n\t\t\t"command": "/opt/node",');
  });

  it('never adds a trailing comma to a file that has none', () => {
    const text = commentsOnly.set(ORIGINALS['comment after last value']!, 'mcp-tray', entry).text;
    expect(text).toContain('"a": { "command": "x" }, // keep me');
    expect(text).not.toMatch(/,\s*[}\]]/);
  });

  it('creates a whole file from nothing and removes back to an empty document', () => {
    const { text, createdContainer } = strict.set('', 'mcp-tray', entry);
    expect(JSON.parse(text)).toEqual({ mcpServers: { 'mcp-tray': entry } });
    expect(createdContainer).toBe(true);
    expect(strict.isEmpty(strict.remove(text, 'mcp-tray', true))).toBe(true);
  });

  it('nests missing keys along a longer key path', () => {
    const nested = jsoncEntryFormat(['a', 'b'], { comments: true, trailingCommas: false, clientLabel: 'X' });
    const { text } = nested.set('{\n  "a": {}\n}\n', 'mcp-tray', entry);
    expect(parse(text)).toEqual({ a: { b: { 'mcp-tray': entry } } });
  });

  it('reads the servers and leaves an absent entry alone on remove', () => {
    expect(Object.keys(lenient.read(ORIGINALS['comment lines inside']!))).toEqual(['a']);
    expect(lenient.remove(ORIGINALS.tabs!, 'mcp-tray', false)).toBe(ORIGINALS.tabs);
  });

  it('removes an entry in the middle and the first entry cleanly', () => {
    const three = '{\n  "mcpServers": {\n    "a": 1,\n    "mcp-tray": {},\n    "b": 2\n  }\n}\n';
    expect(lenient.remove(three, 'mcp-tray', false)).toBe('{\n  "mcpServers": {\n    "a": 1,\n    "b": 2\n  }\n}\n');
    const first = '{\n  "mcpServers": {\n    "mcp-tray": {},\n    "b": 2\n  }\n}\n';
    expect(lenient.remove(first, 'mcp-tray', false)).toBe('{\n  "mcpServers": {\n    "b": 2\n  }\n}\n');
  });

  it('refuses comments in strict JSON with the position and the client named', () => {
    const text = '{\n  // hi\n  "mcpServers": {}\n}\n';
    const error = catchError(() => strict.set(text, 'mcp-tray', entry));
    expect(error).toBeInstanceOf(ConfigSyntaxError);
    expect(error.message).toBe('2:3: comments are not allowed (Cline reads strict JSON)');
  });

  it('refuses a trailing comma where the client does not accept it', () => {
    const error = catchError(() => commentsOnly.read('{\n  "mcpServers": {\n    "a": 1,\n  }\n}\n'));
    expect(error.message).toBe('4:3: a trailing comma is not allowed (Gemini CLI does not accept them)');
  });

  it('refuses a broken file with line and column', () => {
    const error = catchError(() => lenient.set('{\n  "mcpServers": {\n    "a": { "command": "x" "args": [] }\n  }\n}\n', 'mcp-tray', entry));
    expect(error).toBeInstanceOf(ConfigSyntaxError);
    expect(error.message).toBe('3:27: a comma is expected');
  });

  it('gives an empty object written as "{ }" back as "{}" (the one spelling it cannot tell apart)', () => {
    const original = '{ "mcpServers": { } }\n';
    const { text } = lenient.set(original, 'mcp-tray', entry);
    expect(lenient.remove(text, 'mcp-tray', false)).toBe('{ "mcpServers": {} }\n');
  });

  it('refuses a servers key that is not an object', () => {
    expect(catchError(() => lenient.set('{"mcpServers": []}', 'mcp-tray', entry)).message).toBe('1:16: "mcpServers" is not an object');
    expect(catchError(() => lenient.read('[1]')).message).toBe('1:1: the top level is not an object');
  });
});

function catchError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

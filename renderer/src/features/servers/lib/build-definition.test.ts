// The add-server form → a server definition, with a clear message for what is wrong.
import { describe, expect, it } from 'vitest';
import { buildDefinition, parsePairs, slugify, type ServerDraft } from './build-definition.ts';

const draft = (over: Partial<ServerDraft> = {}): ServerDraft => ({
  kind: 'stdio',
  id: 'github',
  name: ' GitHub ',
  startup: 'eager',
  command: ' npx ',
  args: '-y\n@modelcontextprotocol/server-github\n\n  --flag with space  ',
  pairs: 'LOG_LEVEL=debug\n',
  url: '',
  secrets: [{ name: ' GITHUB_TOKEN ', value: 'x' }, { name: '', value: '' }],
  ...over,
});

describe('build-definition', () => {
  it('slugs a name into an id', () => {
    expect(slugify('My GitHub (work)!')).toBe('my-github-work');
    expect(slugify('x'.repeat(40))).toHaveLength(24);
  });

  it('parses KEY=VALUE and Name: value lines, naming the first bad one', () => {
    expect(parsePairs('A=1\n\n B = two=2 ', '=')).toEqual({ A: '1', B: 'two=2' });
    expect(parsePairs('Authorization: Bearer x', ':')).toEqual({ Authorization: 'Bearer x' });
    expect(() => parsePairs('A=1\nnope', '=')).toThrow('line 2 (“nope”) is not KEY=VALUE');
  });

  it('a stdio server: one argument per line, env pairs, secret names, write mode off', () => {
    expect(buildDefinition(draft())).toEqual({
      id: 'github',
      name: 'GitHub',
      kind: 'stdio',
      startup: 'eager',
      enabled: true,
      writeMode: 'off',
      toolOverrides: {},
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-github', '--flag with space'],
      env: { LOG_LEVEL: 'debug' },
      secretEnv: ['GITHUB_TOKEN'],
    });
  });

  it('an HTTP server: headers and secret headers', () => {
    const def = buildDefinition(draft({ kind: 'http', url: ' https://mcp.example.com/mcp ', pairs: 'X-Team: a', secrets: [{ name: 'Authorization', value: 'v' }] }));
    expect(def).toMatchObject({ kind: 'http', url: 'https://mcp.example.com/mcp', headers: { 'X-Team': 'a' }, secretHeaders: ['Authorization'], secretEnv: [] });
  });

  it('an HTTP server with a sign-in client id and scopes; none when left empty', () => {
    const def = buildDefinition(draft({ kind: 'http', url: 'https://mcp.example.com/mcp', pairs: '', secrets: [], oauthClientId: ' tray-client ', oauthScopes: ' read   write ' }));
    expect(def).toMatchObject({ oauthClientId: 'tray-client', oauthScopes: 'read write' });
    const plain = buildDefinition(draft({ kind: 'http', url: 'https://mcp.example.com/mcp', pairs: '', secrets: [], oauthClientId: '  ', oauthScopes: '' }));
    expect(plain).not.toHaveProperty('oauthClientId');
    expect(plain).not.toHaveProperty('oauthScopes');
  });

  it('refuses a bad id, a missing command, a URL that is not http(s)', () => {
    expect(() => buildDefinition(draft({ id: '-bad' }))).toThrow(/slug of at most 24 characters/);
    expect(() => buildDefinition(draft({ command: '  ' }))).toThrow('Enter the command to run');
    expect(() => buildDefinition(draft({ kind: 'http', url: 'ftp://x' }))).toThrow('starting with https:// or http://');
  });
});

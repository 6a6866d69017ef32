import { describe, expect, it } from 'vitest';
import { ServerDefinitionSchema } from '../settings/schema.ts';
import { definitionFor, describeCandidate, serverIdFor, toCandidate } from './import-candidates.ts';

describe('import candidates', () => {
  it('splits secret env vars from plain ones and builds a valid stdio definition', () => {
    const c = toCandidate('GitHub', { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'], env: { GITHUB_PERSONAL_ACCESS_TOKEN: 'ghp_x1', GITHUB_API_URL: 'https://api.github.com' } });
    expect(c).toMatchObject({ kind: 'stdio', env: { GITHUB_API_URL: 'https://api.github.com' }, secrets: [{ kind: 'env', name: 'GITHUB_PERSONAL_ACCESS_TOKEN', value: 'ghp_x1' }] });
    const def = ServerDefinitionSchema.parse(definitionFor(c, 'github'));
    expect(def).toMatchObject({ id: 'github', name: 'GitHub', kind: 'stdio', secretEnv: ['GITHUB_PERSONAL_ACCESS_TOKEN'], writeMode: 'off' });
    expect(JSON.stringify(def)).not.toContain('ghp_x1');
    expect(describeCandidate(c, 'github').env).toEqual({ GITHUB_API_URL: 'https://api.github.com', GITHUB_PERSONAL_ACCESS_TOKEN: '[secret]' });
  });

  it('reads remote entries of every client shape, with secret headers', () => {
    for (const raw of [
      { url: 'https://m.example.com/mcp', headers: { Authorization: 'Bearer abc' } },
      { serverUrl: 'https://m.example.com/mcp', headers: { Authorization: 'Bearer abc' } },
      { type: 'streamable-http', url: 'https://m.example.com/mcp', requestOptions: { headers: { Authorization: 'Bearer abc' } } },
      { url: 'https://m.example.com/mcp', http_headers: { Authorization: 'Bearer abc' } },
    ]) {
      const c = toCandidate('remote', raw);
      expect(c).toMatchObject({ kind: 'http', url: 'https://m.example.com/mcp', headers: {}, secrets: [{ kind: 'header', name: 'Authorization', value: 'Bearer abc' }] });
      expect(ServerDefinitionSchema.parse(definitionFor(c, 'remote'))).toMatchObject({ kind: 'http', secretHeaders: ['Authorization'] });
    }
  });

  it.each([
    ['DB_CONN', 'Server=db.example;Database=app;User Id=sa;Password=Hunter2Hunter2;'],
    ['SQL', 'Driver={ODBC};Server=db;UID=me;PWD=Sup3rS3cret;'],
    ['BACKEND', 'mysql://root:toortoor@localhost/app'],
    ['UPSTREAM', 'https://ci.example.com/hook?token=abc123def456'],
  ])('moves a connection string with a password (%s) to the keychain, not settings.json', (name, value) => {
    const c = toCandidate('db', { command: 'db-mcp', env: { [name]: value, MODE: 'ro' } });
    expect(c.secrets).toEqual([{ kind: 'env', name, value }]);
    expect(c.env).toEqual({ MODE: 'ro' });
    expect(JSON.stringify(definitionFor(c, 'db'))).not.toContain(value);
  });

  it('reads Zed\'s nested command and a disabled flag', () => {
    expect(toCandidate('z', { command: { path: 'uvx', args: ['a'], env: { X: '1' } }, disabled: true })).toMatchObject({ command: 'uvx', args: ['a'], env: { X: '1' }, enabled: false });
  });

  it.each([
    [{ command: 'npx', env: { KEY: '${input:api-key}' } }, 'only the client resolves'],
    [{ command: 'npx', env: { KEY: '${{ secrets.KEY }}' } }, 'only the client resolves'],
    [{ type: 'sse', url: 'https://m.example.com/sse' }, 'SSE'],
    [{ url: 'https://m.example.com/mcp', bearer_token_env_var: 'TOKEN' }, 'environment variable of the client'],
    [{ command: 'npx', args: ['--token', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'] }, 'argument looks like a token'],
    [{ url: 'https://m.example.com/mcp?api_key=abc' }, 'URL carries a credential'],
    [{ foo: 1 }, 'neither a command nor a url'],
  ])('refuses %j', (raw, reason) => {
    expect(toCandidate('x', raw).reason).toContain(reason);
  });

  it('derives unique slug ids of at most 24 characters', () => {
    expect(serverIdFor('Token Checker', new Set())).toBe('token-checker');
    expect(serverIdFor('GitHub', new Set(['github']))).toBe('github-2');
    expect(serverIdFor('A very long server name that goes on', new Set())).toBe('a-very-long-server-name');
    expect(serverIdFor('a-very-long-server-name-x', new Set(['a-very-long-server-name']))).toBe('a-very-long-server-nam-2');
    expect(serverIdFor('!!!', new Set())).toBe('server');
  });
});

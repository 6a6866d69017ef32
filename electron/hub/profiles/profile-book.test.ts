// The profile book and the precedence of profiles, over an in-memory settings double (the real
// schema validates every change; only the file behind it is left out).
import { describe, expect, it } from 'vitest';
import { ControlError } from '../contract/control-error.ts';
import { SettingsSchema, type Settings } from '../settings/schema.ts';
import { allowsTool, resolveProfile, sessionProfile } from './active-profile.ts';
import { ProfileBook } from './profile-book.ts';

function settingsDouble() {
  let current: Settings = SettingsSchema.parse({
    servers: [
      { id: 'github', name: 'GitHub', kind: 'stdio', command: 'gh-mcp' },
      { id: 'fetch', name: 'Fetch', kind: 'stdio', command: 'fetch-mcp' },
    ],
  });
  return {
    get: () => current,
    update(change: (draft: Settings) => Settings | void) {
      const draft = structuredClone(current);
      current = SettingsSchema.parse(change(draft) ?? draft);
      return current;
    },
  };
}

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error as ControlError;
  }
  throw new Error('expected a refusal');
};

describe('profile book', () => {
  it('adds a profile and refuses unknown servers, tools of servers outside it, and "default"', () => {
    const book = new ProfileBook(settingsDouble());
    expect(book.add('web', { servers: ['github', 'fetch'], tools: ['github:create_issue'] })).toMatchObject({ name: 'web', toolSearch: false });
    expect(refusal(() => book.add('x', { servers: ['gitlab'] })).message).toContain('no server "gitlab"');
    expect(refusal(() => book.add('y', { servers: ['fetch'], tools: ['github:create_issue'] })).message).toContain('not in the profile');
    expect(refusal(() => book.add('default', { servers: ['fetch'] })).message).toContain('built-in');
    expect(refusal(() => book.add('web', { servers: ['fetch'] })).code).toBe('conflict');
  });

  it('refuses to remove a profile a client or token is bound to, naming them', () => {
    const settings = settingsDouble();
    const book = new ProfileBook(settings);
    book.add('web', { servers: ['github'] });
    book.bind('cursor', 'web');
    settings.update((s) => void s.httpClients.push({ clientId: 'vscode', issuedAt: 'now', profile: 'web' }));
    const error = refusal(() => book.remove('web'));
    expect(error.message).toContain('client cursor');
    expect(error.message).toContain('the HTTP token of vscode');
    book.bind('cursor', 'default');
    settings.update((s) => void (s.httpClients = []));
    book.remove('web');
    expect(book.list()).toEqual([]);
  });
});

describe('which profile a session sees', () => {
  it('entry or token first, then the client, then default; a missing profile lets nothing through', () => {
    const settings = settingsDouble();
    const book = new ProfileBook(settings);
    book.add('web', { servers: ['github'], tools: ['github:create_issue'] });
    book.add('all', { servers: ['github', 'fetch'] });
    book.bind('cursor', 'web');
    const s = settings.get();
    expect(resolveProfile(s, { clientId: 'zed' })).toMatchObject({ name: 'default', source: 'default' });
    expect(resolveProfile(s, { clientId: 'cursor' })).toMatchObject({ name: 'web', source: 'client' });
    expect(resolveProfile(s, { clientId: 'cursor', profile: 'all', source: 'entry' })).toMatchObject({ name: 'all', source: 'entry' });
    const web = resolveProfile(s, { clientId: 'cursor' });
    expect(allowsTool(web, 'github', 'create_issue')).toBe(true);
    expect(allowsTool(web, 'github', 'delete_repo')).toBe(false);
    expect(allowsTool(web, 'fetch', 'fetch')).toBe(false);
    const ghost = resolveProfile(s, { clientId: 'cursor', profile: 'ghost', source: 'entry' });
    expect(ghost.missing).toBe(true);
    expect(allowsTool(ghost, 'github', 'create_issue')).toBe(false);
    settings.update((d) => void d.httpClients.push({ clientId: 'cursor', issuedAt: 'now', profile: 'all' }));
    expect(sessionProfile(settings.get(), { clientId: 'cursor', source: 'token' })).toMatchObject({ name: 'all', source: 'token' });
    expect(sessionProfile(settings.get(), { clientId: 'zed', source: 'token' })).toMatchObject({ name: 'default', source: 'default' });
  });
});

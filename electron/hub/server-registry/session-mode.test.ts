// Which servers give each client session its own upstream, which start only when used, and the roots
// the hub answers with on a session no client owns.
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServerDefinitionSchema, type ServerDefinition } from '../settings/schema.ts';
import { asRoots, configuredRoots, sessionMode, startsOnUse } from './session-mode.ts';

const def = (input: Record<string, unknown>): ServerDefinition => ServerDefinitionSchema.parse({ id: 'x', name: 'x', ...input });
const stdio = (extra: Record<string, unknown> = {}) => def({ kind: 'stdio', command: 'node', ...extra });

describe('session mode', () => {
  it('remote servers are always per client, bundled ones always shared, command servers as set (shared unless set)', () => {
    expect(sessionMode(def({ kind: 'http', url: 'https://example.com/mcp' }))).toBe('per-client');
    expect(sessionMode(def({ kind: 'bundled', bundled: 'memory' }))).toBe('shared');
    expect(sessionMode(stdio())).toBe('shared');
    expect(sessionMode(stdio({ sessions: 'per-client' }))).toBe('per-client');
  });

  it('a per-client command server and an on-demand one start only when used', () => {
    expect(startsOnUse(stdio({ sessions: 'per-client' }))).toBe(true);
    expect(startsOnUse(stdio({ startup: 'on-demand' }))).toBe(true);
    expect(startsOnUse(stdio())).toBe(false);
    // A remote server's own session stays open: it tells the hub the server is up and what it offers.
    expect(startsOnUse(def({ kind: 'http', url: 'https://example.com/mcp' }))).toBe(false);
  });

  it('refuses a sessions value that is neither', () => {
    expect(() => stdio({ sessions: 'per-user' })).toThrow();
  });
});

describe('roots', () => {
  it("are the bundled filesystem server's roots option, else the server's roots setting", () => {
    expect(configuredRoots(def({ kind: 'bundled', bundled: 'filesystem', options: { roots: ['/a', '/b'] } }))).toEqual(['/a', '/b']);
    expect(configuredRoots(def({ kind: 'bundled', bundled: 'filesystem', options: { roots: '/a' } }))).toEqual(['/a']);
    expect(configuredRoots(stdio({ roots: ['/srv/project'] }))).toEqual(['/srv/project']);
    expect(configuredRoots(stdio())).toEqual([]);
  });

  it('become absolute file URIs named after their folder, with ~ as the home folder', () => {
    expect(asRoots(['/srv/my project', '~/notes'])).toEqual([
      { uri: 'file:///srv/my%20project', name: 'my project' },
      { uri: `file://${path.join(os.homedir(), 'notes')}`, name: 'notes' },
    ]);
  });
});

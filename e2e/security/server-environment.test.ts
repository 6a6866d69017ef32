// Each server's environment is exactly the hub's small allowlist (HOME, USER, LANG, …), PATH, and
// what that server declares (its env and its own secrets): nothing else of the hub's environment,
// and no other server's secret. (What this cannot stop — a process of the same user reading another
// one's /proc/PID/environ — is said in docs/security.md.) Real hub, real keychain; the environment
// is read both from the server itself (its `env` tool) and from /proc.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerStatus } from '../../electron/hub/contract/contract.ts';
import { cli, cliJson, connectBridge, startHub, tempDir, testServerDefinition, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';
import { testSecret } from '../helpers/test-secrets.ts';

const ALLOWLIST = ['HOME', 'USER', 'LOGNAME', 'SHELL', 'TERM', 'LANG', 'LC_ALL', 'LC_CTYPE', 'TMPDIR', 'TZ', 'XDG_RUNTIME_DIR'];

function environOf(pid: number): Record<string, string> {
  return Object.fromEntries(
    readFileSync(`/proc/${pid}/environ`, 'utf8')
      .split('\0')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );
}

describe.skipIf(process.platform !== 'linux')('server environments', () => {
  const aToken = testSecret('a-token');
  const bToken = testSecret('b-token');
  const hubOnly = testSecret('hub-only');
  let dataDir: string;
  let hub: HubProcess;
  let hubEnv: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dataDir = tempDir();
    writeSettings(dataDir, {
      servers: [
        testServerDefinition('alpha', ['--leaky-tools'], { env: { DECLARED_BY_ALPHA: 'yes' }, secretEnv: ['A_TOKEN'] }),
        testServerDefinition('beta', ['--prefix', 'b_'], { secretEnv: ['B_TOKEN'] }),
        { id: 'filesystem', name: 'Filesystem', kind: 'bundled', bundled: 'filesystem', options: { roots: [tempDir()] } },
      ],
    });
    hubEnv = { AWS_SECRET_ACCESS_KEY: hubOnly, GITHUB_TOKEN: hubOnly, NODE_OPTIONS: '--no-warnings', LANG: 'C.UTF-8', TZ: 'UTC' };
    hub = await startHub(dataDir, { env: hubEnv });
    for (const [server, name, value] of [['alpha', 'A_TOKEN', aToken], ['beta', 'B_TOKEN', bToken]] as const) {
      expect((await cli(dataDir, ['secrets', 'set', server, name], { input: value })).code).toBe(0);
    }
    await waitFor('all running', async () => (await cliJson<ServerStatus[]>(dataDir, ['servers', 'list'])).every((s) => s.state === 'running'), 30_000);
  });

  afterAll(async () => {
    await hub?.stop();
  });

  const expectedBase = () => {
    const source = { ...process.env, ...hubEnv };
    return ALLOWLIST.filter((name) => source[name] !== undefined && !source[name]!.startsWith('()'));
  };
  const pidOf = async (id: string) => (await cliJson<ServerStatus[]>(dataDir, ['servers', 'list'])).find((s) => s.id === id)!.pid!;

  it('a stdio server gets the allowlist, PATH, its env and its own secret: nothing more', async () => {
    const ide = await connectBridge(dataDir, 'env-test');
    let reported: Record<string, string>;
    try {
      const result = await ide.callTool({ name: 'env', arguments: {} });
      reported = JSON.parse((result.content as Array<{ text: string }>)[0]!.text) as Record<string, string>;
    } finally {
      await ide.close();
    }
    const expected = [...expectedBase(), 'PATH', 'DECLARED_BY_ALPHA', 'A_TOKEN'].sort();
    expect(Object.keys(reported).sort()).toEqual(expected);
    expect(Object.keys(environOf(await pidOf('alpha'))).sort()).toEqual(expected);
    expect(reported.A_TOKEN).toBe(aToken);
    expect(JSON.stringify(reported)).not.toContain(bToken);
    expect(JSON.stringify(reported)).not.toContain(hubOnly);
  });

  it('another server gets only its own secret', async () => {
    const env = environOf(await pidOf('beta'));
    expect(Object.keys(env).sort()).toEqual([...expectedBase(), 'PATH', 'B_TOKEN'].sort());
    expect(JSON.stringify(env)).not.toContain(aToken);
  });

  it('a bundled server gets the allowlist, PATH and what MCP Tray declares for it', async () => {
    const env = environOf(await pidOf('filesystem'));
    const declared = ['MCP_TRAY_DENIED_PATHS', ...('NODE_COMPILE_CACHE' in env ? ['NODE_COMPILE_CACHE'] : [])];
    expect(Object.keys(env).sort()).toEqual([...expectedBase(), 'PATH', ...declared].sort());
    expect(JSON.stringify(env)).not.toContain(hubOnly);
  });
});

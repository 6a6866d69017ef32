// Where a client's own CLI manages its config and is on PATH (claude, gemini, codex,
// code), install and uninstall go through it — execFile, argument arrays, no shell — instead of
// editing the file. None of these CLIs exists on the test machine, so each is a TEST DOUBLE: a
// script of that name put first on the hub's PATH that only records the arguments it was given
// (and fails on request). Everything else here is real.
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientRow, InstallResult } from '../../electron/hub/contract/api/clients.ts';
import { BIN, NODE, cli, startHub, tempDir, writeSettings, type HubProcess } from '../helpers/hub-process.ts';
import { EXISTING, clientEnv, configPath, readText, tempHome, writeConfig } from './client-fixtures.ts';

const DOUBLES = ['claude', 'gemini', 'codex', 'code'] as const;

/** TEST DOUBLE of a client CLI: appends {bin, argv} to $MCP_TRAY_TEST_CLI_LOG; exits 1 when <log>.fail-<bin> exists. */
function writeDouble(dir: string, bin: string): void {
  const file = path.join(dir, bin);
  writeFileSync(
    file,
    `#!${NODE}
// TEST DOUBLE for the "${bin}" CLI, which is not installed on the test machine: records its argv.
const fs = require('node:fs');
const log = process.env.MCP_TRAY_TEST_CLI_LOG;
fs.appendFileSync(log, JSON.stringify({ bin: ${JSON.stringify(bin)}, argv: process.argv.slice(2), cwd: process.cwd() }) + '\\n');
if (fs.existsSync(log + '.fail-${bin}')) { process.stderr.write('${bin}: simulated failure\\n'); process.exit(1); }
`,
  );
  chmodSync(file, 0o755);
}

describe('installing through the client\'s own CLI (test doubles of claude, gemini, codex, code)', () => {
  let home: string;
  let dataDir: string;
  let hub: HubProcess;
  let log: string;

  const calls = (): Array<{ bin: string; argv: string[]; cwd: string }> =>
    existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { bin: string; argv: string[]; cwd: string }) : [];
  const bridgeArgs = (id: string) => [BIN, 'bridge', '--client', id, '--data-dir', dataDir];

  beforeAll(async () => {
    home = tempHome();
    dataDir = tempDir();
    const doubles = path.join(tempDir('mcp-tray-doubles-'), 'bin');
    mkdirSync(doubles);
    for (const bin of DOUBLES) writeDouble(doubles, bin);
    log = path.join(doubles, '..', 'calls.jsonl');
    writeSettings(dataDir, { servers: [] });
    writeConfig(configPath('claude-code', home), EXISTING['claude-code']);
    hub = await startHub(dataDir, {
      env: clientEnv(home, { PATH: `${doubles}${path.delimiter}${process.env.PATH}`, MCP_TRAY_TEST_CLI_LOG: log }),
      args: ['--port', '0'],
    });
  });

  afterAll(async () => {
    await hub?.stop();
  });

  it('shows the CLI it found on PATH for each client that has one', async () => {
    const rows = JSON.parse((await cli(dataDir, ['clients', '--json'])).stdout) as ClientRow[];
    for (const [id, bin] of [['claude-code', 'claude'], ['gemini', 'gemini'], ['codex', 'codex'], ['vscode', 'code']] as const) {
      const row = rows.find((r) => r.id === id)!;
      expect(row.cli, id).toMatchObject({ binary: bin, used: true });
      expect(row.cli!.path!.endsWith(`/bin/${bin}`)).toBe(true);
      expect(row.detected, id).toBe(true);
    }
    expect(rows.find((r) => r.id === 'cursor')!.cli).toBeUndefined();
  });

  it('claude-code: `claude mcp add-json --scope user`, never an edit of ~/.claude.json', async () => {
    const before = calls().length;
    const result = JSON.parse((await cli(dataDir, ['install', 'claude-code', '--json'])).stdout) as InstallResult;
    expect(result.via).toBe('cli');
    const made = calls().slice(before);
    expect(made.map((c) => c.argv.slice(0, 4))).toEqual([
      ['mcp', 'remove', '--scope', 'user'],
      ['mcp', 'add-json', '--scope', 'user'],
    ]);
    expect(made[0]!.argv).toEqual(['mcp', 'remove', '--scope', 'user', 'mcp-tray']);
    expect(made[1]!.argv[4]).toBe('mcp-tray');
    expect(JSON.parse(made[1]!.argv[5]!)).toEqual({ type: 'stdio', command: NODE, args: bridgeArgs('claude-code') });
    expect(made[1]!.cwd).toBe(home);
    expect(readText(configPath('claude-code', home))).toBe(EXISTING['claude-code']);
    expect(result.backup).toBeTruthy();
  });

  it('claude-code: uninstall runs `claude mcp remove --scope user mcp-tray`', async () => {
    // What `claude mcp add-json` would have written (the double writes nothing).
    const file = configPath('claude-code', home);
    writeFileSync(file, JSON.stringify({ mcpServers: { 'mcp-tray': { type: 'stdio', command: NODE, args: bridgeArgs('claude-code') } } }, null, 2));
    const written = readText(file);
    const before = calls().length;
    const result = await cli(dataDir, ['uninstall', 'claude-code']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("with claude mcp remove --scope user mcp-tray");
    expect(calls().slice(before).map((c) => c.argv)).toEqual([['mcp', 'remove', '--scope', 'user', 'mcp-tray']]);
    expect(readText(file)).toBe(written);
  });

  it('gemini: `gemini mcp add -s user`, the bridge arguments after --', async () => {
    const before = calls().length;
    expect((await cli(dataDir, ['install', 'gemini'])).code).toBe(0);
    expect(calls().slice(before).map((c) => c.argv)).toEqual([['mcp', 'add', '-s', 'user', 'mcp-tray', NODE, '--', ...bridgeArgs('gemini')]]);
    expect(existsSync(configPath('gemini', home))).toBe(false);
  });

  it('codex: `codex mcp add mcp-tray -- COMMAND ARGS`', async () => {
    const before = calls().length;
    expect((await cli(dataDir, ['install', 'codex'])).code).toBe(0);
    expect(calls().slice(before).map((c) => c.argv)).toEqual([['mcp', 'add', 'mcp-tray', '--', NODE, ...bridgeArgs('codex')]]);
  });

  it('vscode: `code --add-mcp JSON` to install; uninstall edits mcp.json (code has no remove)', async () => {
    const before = calls().length;
    expect((await cli(dataDir, ['install', 'vscode'])).code).toBe(0);
    const made = calls().slice(before);
    expect(made.map((c) => c.argv[0])).toEqual(['--add-mcp']);
    expect(JSON.parse(made[0]!.argv[1]!)).toEqual({ name: 'mcp-tray', type: 'stdio', command: NODE, args: bridgeArgs('vscode') });

    const file = configPath('vscode', home);
    writeConfig(file, EXISTING.vscode);
    expect((await cli(dataDir, ['install', 'vscode'])).code).toBe(0);
    // Simulate what `code --add-mcp` does, then uninstall without the CLI.
    const withEntry = EXISTING.vscode.replace('"servers": {', `"servers": {\n    "mcp-tray": ${JSON.stringify({ type: 'stdio', command: NODE, args: bridgeArgs('vscode') })},`);
    writeFileSync(file, withEntry);
    const count = calls().length;
    const removed = await cli(dataDir, ['uninstall', 'vscode']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(calls().length).toBe(count);
    expect(readText(file)).toBe(EXISTING.vscode);
  });

  it('--dry-run shows the command it would run and runs nothing', async () => {
    const before = calls().length;
    const result = await cli(dataDir, ['install', 'gemini', '--dry-run']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Would run:\n  gemini mcp add -s user mcp-tray ${NODE} -- ${BIN} bridge --client gemini`);
    expect(calls().length).toBe(before);
  });

  it('reports a failing CLI in one line, with its own message', async () => {
    writeFileSync(`${log}.fail-codex`, '');
    try {
      const result = await cli(dataDir, ['install', 'codex']);
      expect(result.code).not.toBe(0);
      expect(result.stderr.trim()).toBe('mcp-tray: Codex: codex mcp add mcp-tray failed (exit 1): codex: simulated failure');
    } finally {
      rmSync(`${log}.fail-codex`);
    }
  });
});

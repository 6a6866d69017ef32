// The real Claude Code CLI for tests: installed once from the npm registry into a cache folder under
// the temp dir (never into this repository's node_modules, whose .bin is on every test's PATH: the
// hub would then find `claude` and install through it where a test expects a file edit). The
// package's native binary comes from the npm registry too (a platform package). With no update
// checks and no nonessential traffic, `claude mcp list` needs no API key and no network.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const MINUTES = 60_000;

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function run(command: string, args: string[], options: { cwd?: string; env: NodeJS.ProcessEnv; timeout?: number }): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: options.cwd, env: options.env, timeout: options.timeout ?? 10 * MINUTES, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The npm cache of the machine, reused so the install needs the registry only for what it lacks. */
export async function npmCache(): Promise<string> {
  return (await run('npm', ['config', 'get', 'cache'], { env: process.env })).stdout.trim();
}

/** The path of the real `claude`, installed on first use. */
export async function claudeCli(cache?: string): Promise<string> {
  const prefix = path.join(os.tmpdir(), 'mcp-tray-test-claude-code');
  const bin = path.join(prefix, 'node_modules', '.bin', 'claude');
  if (!existsSync(bin)) {
    mkdirSync(prefix, { recursive: true });
    const installed = await run('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '@anthropic-ai/claude-code@2'], {
      env: { ...process.env, npm_config_cache: cache ?? (await npmCache()) },
    });
    if (installed.code !== 0) throw new Error(`could not install @anthropic-ai/claude-code from the npm registry:\n${installed.stderr}`);
  }
  return bin;
}

/** Claude Code without update checks or telemetry, in `home`. */
export function claudeEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    HOME: home,
    PATH: '/usr/local/bin:/usr/bin:/bin',
    LANG: 'C.UTF-8',
    DISABLE_AUTOUPDATER: '1',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    ...extra,
  };
}

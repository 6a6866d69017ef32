// Running a client's own CLI (`claude mcp add-json`, `gemini mcp add`, `codex mcp add`,
// `code --add-mcp`) where it manages its config: execFile with an argument array, never a shell,
// bounded in time. Tokens passed to it are masked in anything returned or reported.
import { execFile } from 'node:child_process';
import os from 'node:os';
import type { CliStep } from './client-table.ts';

const TIMEOUT_MS = 30_000;

export class ClientCliError extends Error {
  override readonly name = 'ClientCliError';
}

export function mask(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => (secret ? out.split(secret).join('[token]') : out), text);
}

export function describeSteps(binary: string, steps: readonly CliStep[], secrets: readonly string[]): string[] {
  return steps.map((s) => mask([binary, ...s.args].map(shellQuote).join(' '), secrets));
}

/** Runs the steps in order; a step without mayFail that fails stops the run with its stderr. */
export async function runClientCli(executable: string, binary: string, steps: readonly CliStep[], secrets: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  for (const step of steps) {
    const result = await new Promise<{ code: number | string | null; stderr: string; stdout: string }>((resolve) => {
      execFile(executable, [...step.args], { cwd: os.homedir(), env, timeout: TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024, shell: false, windowsHide: true }, (error, stdout, stderr) =>
        resolve({ code: error ? ((error as NodeJS.ErrnoException & { code?: number | string }).code ?? 1) : 0, stdout: String(stdout), stderr: String(stderr) }),
      );
    });
    if (result.code !== 0 && !step.mayFail) {
      const detail = (result.stderr.trim() || result.stdout.trim()).split('\n').at(-1) ?? '';
      throw new ClientCliError(mask(`${binary} ${step.args.slice(0, 3).join(' ')} failed (exit ${result.code})${detail ? `: ${detail}` : ''}`, secrets));
    }
  }
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

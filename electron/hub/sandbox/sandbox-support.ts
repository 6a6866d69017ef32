// Whether this machine can sandbox servers, and with what (docs/sandbox.md): bubblewrap on Linux,
// sandbox-exec on macOS, nothing yet on Windows. On Linux the answer comes from running bubblewrap
// once with the options every sandbox uses, so a kernel or AppArmor policy that forbids user
// namespaces is found at once and named, instead of failing each server's start.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export interface SandboxSupport {
  readonly available: boolean;
  readonly mechanism?: 'bubblewrap' | 'sandbox-exec';
  /** Why it is not available, and what to do. */
  readonly reason?: string;
  /** The program that sandboxes: bwrap or sandbox-exec, by full path. */
  readonly program?: string;
  /** bubblewrap can forbid new user namespaces inside the sandbox (0.8 and later, where the kernel allows). */
  readonly disableUserns?: boolean;
}

const PROBE_TIMEOUT_MS = 5000;

/** The namespace options of every Linux sandbox (bwrap-args.ts), before any mount. */
export function bwrapNamespaceArgs(disableUserns: boolean): string[] {
  return ['--unshare-user', ...(disableUserns ? ['--disable-userns'] : []), '--unshare-pid', '--unshare-ipc', '--die-with-parent', '--cap-drop', 'ALL'];
}

export async function detectSandboxSupport(platform: NodeJS.Platform = process.platform, searchPath = process.env.PATH ?? ''): Promise<SandboxSupport> {
  if (platform === 'win32') return { available: false, reason: 'not available on Windows yet' };
  if (platform === 'darwin') {
    const program = '/usr/bin/sandbox-exec';
    return existsSync(program) ? { available: true, mechanism: 'sandbox-exec', program } : { available: false, reason: `${program} is missing` };
  }
  if (platform !== 'linux') return { available: false, reason: `not available on ${platform}` };
  const program = findOnPath('bwrap', `${searchPath}${path.delimiter}/usr/bin${path.delimiter}/usr/local/bin`);
  if (!program) {
    return { available: false, reason: 'bubblewrap is not installed; install it (Debian, Ubuntu: sudo apt install bubblewrap; Fedora: sudo dnf install bubblewrap; Arch: sudo pacman -S bubblewrap), then restart MCP Tray' };
  }
  const withoutUserns = await probe(program, true);
  if (withoutUserns === undefined) return { available: true, mechanism: 'bubblewrap', program, disableUserns: true };
  // Older bubblewrap, or a kernel that will not let it forbid user namespaces: the sandbox holds without that.
  const plain = await probe(program, false);
  if (plain === undefined) return { available: true, mechanism: 'bubblewrap', program, disableUserns: false };
  return { available: false, reason: explainProbeFailure(plain) };
}

/** Runs `true` in an empty sandbox; undefined when it worked, else what bubblewrap said. */
function probe(program: string, disableUserns: boolean): Promise<string | undefined> {
  const args = [...bwrapNamespaceArgs(disableUserns), '--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--', 'true'];
  return new Promise((resolve) => {
    execFile(program, args, { timeout: PROBE_TIMEOUT_MS, env: { PATH: '/usr/bin:/bin' } }, (error, _stdout, stderr) => {
      resolve(error ? (stderr.trim().split('\n')[0] || error.message) : undefined);
    });
  });
}

export function explainProbeFailure(message: string): string {
  if (/uid map|user namespace|setting up uid|Operation not permitted|No permissions to create/i.test(message)) {
    return `bubblewrap cannot create a user namespace here (${message}); where AppArmor restricts them (Ubuntu 24.04 and later), allow bwrap with an AppArmor profile or set kernel.apparmor_restrict_unprivileged_userns=0`;
  }
  return `bubblewrap does not run here (${message})`;
}

function findOnPath(command: string, searchPath: string): string | undefined {
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

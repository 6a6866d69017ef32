// The caches a package runner writes to before the server it fetches can start: `npx` unpacks into
// ~/.npm/_npx, `uvx` builds an environment under ~/.cache/uv, and so on. A sandboxed server that
// starts through one of them may write there (and nowhere else by default), or it could not start.
import path from 'node:path';

/** Folders under the home folder, per runner (the command's name without .cmd/.exe). */
const CACHES: Record<string, readonly string[]> = {
  npx: ['.npm'],
  npm: ['.npm'],
  pnpm: ['.cache/pnpm', '.local/share/pnpm', 'Library/Caches/pnpm', 'Library/pnpm'],
  pnpx: ['.cache/pnpm', '.local/share/pnpm', 'Library/Caches/pnpm', 'Library/pnpm'],
  yarn: ['.cache/yarn', '.yarn/berry', 'Library/Caches/Yarn'],
  bun: ['.bun/install/cache'],
  bunx: ['.bun/install/cache'],
  uv: ['.cache/uv', '.local/share/uv'],
  uvx: ['.cache/uv', '.local/share/uv'],
  pipx: ['.local/pipx', '.local/share/pipx', '.cache/pipx'],
  deno: ['.cache/deno', 'Library/Caches/deno'],
};

/** The runner a command is, if any: "npx", "/usr/bin/npx", "npx.cmd" → "npx". */
export function runnerOf(command: string): string | undefined {
  const name = path.basename(command.replace(/\\/g, '/')).replace(/\.(cmd|exe|bat|ps1)$/i, '').toLowerCase();
  return name in CACHES ? name : undefined;
}

/** The cache folders of the command's runner, for this OS (macOS keeps some under ~/Library). */
export function runnerCaches(command: string, home: string, platform: NodeJS.Platform = process.platform): string[] {
  const runner = runnerOf(command);
  if (!runner) return [];
  return CACHES[runner]!.filter((dir) => platform === 'darwin' || !dir.startsWith('Library/')).map((dir) => path.join(home, dir));
}

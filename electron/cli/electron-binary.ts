// Where the Electron binary is, without the `electron` package's habit of downloading it on
// require (which hangs or fails on machines that cannot reach GitHub).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_DIR = fileURLToPath(new URL('../../node_modules/electron/', import.meta.url));

export function electronBinary(env = process.env): { path: string } | { missing: string } {
  const pathFile = path.join(PACKAGE_DIR, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : process.platform === 'win32' ? 'electron.exe' : 'electron';
  const full = env.ELECTRON_OVERRIDE_DIST_PATH ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative) : path.join(PACKAGE_DIR, 'dist', relative);
  if (existsSync(full)) return { path: full };
  return {
    missing: env.ELECTRON_OVERRIDE_DIST_PATH
      ? `no Electron binary at ${full} (from ELECTRON_OVERRIDE_DIST_PATH)`
      : `Electron's binary is not installed (${full} is missing): "npm install" downloads it from GitHub, so run it where GitHub is reachable, or point ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron`,
  };
}

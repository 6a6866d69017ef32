// Builds the UI once before the browser tests, so the hub serves what the sources say.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { REPO } from '../../helpers/hub-process.ts';

export default function globalSetup(): void {
  execFileSync(process.execPath, [path.join(REPO, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: REPO, stdio: 'inherit' });
}

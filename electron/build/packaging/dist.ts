// `npm run dist [-- <electron-builder options>]`: validates electron-builder.yml (electron-builder's
// own schema plus configProblems), checks the app is built, then runs electron-builder. Where
// Electron cannot be downloaded it says so plainly: the configuration is valid, the binary is what
// is missing. `npm run dist:check` stops after the validation (offline).
// ELECTRON_OVERRIDE_DIST_PATH (an unpacked Electron of the same version) is used instead of a download.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { BUILDER_CONFIG, configProblems, isElectronDownloadFailure, missingBuiltFiles, readBuilderConfig } from './builder-config.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const say = (line: string) => process.stderr.write(`mcp-tray dist: ${line}\n`);

/** electron-builder's schema check and ours; resolves with the problems (none: valid). */
export async function validate(root = ROOT): Promise<string[]> {
  const problems: string[] = [];
  try {
    await validateConfiguration(await getConfig(root, path.join(root, BUILDER_CONFIG), null), new DebugLogger(false));
  } catch (error) {
    problems.push(`electron-builder rejects ${BUILDER_CONFIG}: ${(error as Error).message}`);
  }
  return [...problems, ...configProblems(readBuilderConfig(root))];
}

function electronVersion(): string {
  return (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
}

async function main(args: string[]): Promise<number> {
  const problems = await validate();
  if (problems.length > 0) {
    for (const problem of problems) say(problem);
    return 1;
  }
  say(`${BUILDER_CONFIG} is valid (electron-builder's schema and MCP Tray's own checks)`);
  if (args[0] === '--check') return 0;

  const missing = missingBuiltFiles(ROOT);
  if (missing.length > 0) {
    say(`the app is not built (${missing.join(', ')} missing): run "npm run build:ui && npm run build:electron && npm run build:runtime" first`);
    return 1;
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const builderArgs = ['--config', BUILDER_CONFIG, ...(override ? [`-c.electronDist=${override}`] : []), ...args];
  const bin = path.join(ROOT, 'node_modules', 'electron-builder', 'cli.js');
  let output = '';
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [bin, ...builderArgs], { cwd: ROOT, stdio: ['inherit', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(chunk);
    });
    child.on('exit', (exit) => resolve(exit ?? 1));
  });
  if (code !== 0 && isElectronDownloadFailure(output)) {
    say(
      `the configuration is valid, but electron-builder could not download Electron ${electronVersion()} (no network access to GitHub here). ` +
        'On a machine with network access, "npm run dist" builds the installers; here, ELECTRON_OVERRIDE_DIST_PATH can point at an unpacked Electron of the same version.',
    );
  }
  return code;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));

// What IDE entries run in the desktop app (BridgeLauncher, see shell-paths.ts for the choice).
// An AppImage runs from a temporary mount, so its runtime is copied to the data dir first, once per
// version of the app (the copy is kept while the version stays the same).
import { chmodSync, copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BridgeLauncher } from '../hub/clients/bridge-launcher.ts';
import { desktopBridgeLauncher, runtimeFileName, stableBridgeDir, type ShellLayout } from './shell-paths.ts';

export interface IdeEntryInput {
  readonly layout: ShellLayout;
  readonly dataDir: string;
  readonly execPath: string;
  readonly appImage: string | undefined;
  readonly isPackaged: boolean;
  /** The app's version: a new one copies the AppImage's runtime again. */
  readonly appVersion: string;
}

export function ideEntryLauncher(input: IdeEntryInput): BridgeLauncher {
  const runtime = input.appImage && input.isPackaged ? stableRuntime(input.layout.runtime, input.dataDir, input.appVersion) : input.layout.runtime;
  return desktopBridgeLauncher({ execPath: input.execPath, appImage: input.appImage, bridgeScript: input.layout.bridgeScript, runtime, isPackaged: input.isPackaged });
}

interface Stamp {
  readonly version: string;
  readonly bytes: number;
}

/** Copies the runtime out of the AppImage's mount when the copy is missing or from another version. */
export function stableRuntime(source: string, dataDir: string, version: string): string {
  const dir = stableBridgeDir(dataDir);
  const target = path.join(dir, runtimeFileName());
  const stampFile = path.join(dir, 'runtime.json');
  const want: Stamp = { version, bytes: statSync(source).size };
  const have = readStamp(stampFile);
  const current = statSync(target, { throwIfNoEntry: false });
  if (have?.version === want.version && have.bytes === want.bytes && current?.size === want.bytes) return target;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // A running bridge keeps its (unlinked) old file: the new one is renamed over it.
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  copyFileSync(source, partial);
  chmodSync(partial, 0o700);
  renameSync(partial, target);
  writeFileSync(stampFile, `${JSON.stringify(want)}\n`, { mode: 0o600 });
  return target;
}

function readStamp(file: string): Stamp | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Stamp;
  } catch {
    return undefined;
  }
}

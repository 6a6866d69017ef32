// What the packaging configuration (electron-builder.yml) must hold for MCP Tray (docs/desktop-app.md), beyond
// what electron-builder's own schema checks: the targets, the resources the app looks for at run
// time (shell-paths.ts), the unpacked native module, a tray-only app on macOS, and the fuse the
// bridge needs. Checked by `npm run dist:check` and by the unit tests, offline.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export const BUILDER_CONFIG = 'electron-builder.yml';

interface ResourceEntry {
  readonly from: string;
  readonly to: string;
}

/** The parts of the configuration this check reads. */
export interface BuilderConfig {
  readonly files?: readonly string[];
  readonly extraResources?: readonly ResourceEntry[];
  readonly asarUnpack?: readonly string[];
  readonly electronFuses?: { readonly runAsNode?: boolean };
  readonly linux?: { readonly target?: readonly string[] };
  readonly mac?: { readonly target?: readonly string[]; readonly extendInfo?: Record<string, unknown> };
  readonly win?: { readonly target?: readonly string[] };
}

export function readBuilderConfig(root: string): BuilderConfig {
  return parse(readFileSync(path.join(root, BUILDER_CONFIG), 'utf8')) as BuilderConfig;
}

const TARGETS = { linux: ['AppImage', 'deb'], mac: ['dmg'], win: ['nsis'] } as const;

/** What the built app needs on disk before packaging (`npm run build:ui` and `build:electron`). */
export const BUILT_FILES = [
  'dist/electron/main.js',
  'dist/electron/preload.cjs',
  'dist/electron/assets/tray-normal.png',
  'dist/renderer/index.html',
  'dist/bridge/mcp-tray.mjs',
  'dist/servers/package.json',
];

/** Problems with the configuration (empty when it is right). */
export function configProblems(config: BuilderConfig): string[] {
  const problems: string[] = [];
  for (const [platform, targets] of Object.entries(TARGETS)) {
    const configured = config[platform as keyof typeof TARGETS]?.target ?? [];
    for (const target of targets) if (!configured.includes(target)) problems.push(`${platform}.target lacks ${target}`);
  }
  const resource = (to: string) => config.extraResources?.find((entry) => entry.to === to);
  if (resource('servers')?.from !== 'dist/servers') problems.push('extraResources must copy dist/servers to resources/servers (the bundled servers)');
  if (resource('bridge')?.from !== 'dist/bridge') problems.push('extraResources must copy dist/bridge to resources/bridge (what IDE entries run)');
  for (const needed of ['dist/electron/**', 'dist/renderer/**', 'package.json']) {
    if (!config.files?.includes(needed)) problems.push(`files lacks ${needed}`);
  }
  if (!config.asarUnpack?.some((pattern) => pattern.includes('@napi-rs/keyring'))) problems.push('asarUnpack must unpack @napi-rs/keyring (a native module)');
  if (config.electronFuses && config.electronFuses.runAsNode === false) problems.push('electronFuses.runAsNode must stay on: the bridge runs the app as Node');
  if (config.mac?.extendInfo?.LSUIElement !== true) problems.push('mac.extendInfo.LSUIElement must be true (a menu bar app without a Dock icon)');
  return problems;
}

export function missingBuiltFiles(root: string): string[] {
  return BUILT_FILES.filter((file) => !existsSync(path.join(root, file)));
}

/** Whether electron-builder failed because it could not download Electron (or its checksums). */
export function isElectronDownloadFailure(output: string): boolean {
  return /getaddrinfo|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|self[- ]signed certificate/i.test(output) && /github|electron|download/i.test(output);
}

// What the packaging configuration (electron-builder.yml) must hold for MCP Tray (docs/desktop-app.md), beyond
// what electron-builder's own schema checks: the targets, the resources the app looks for at run
// time (shell-paths.ts), the unpacked native module, a tray-only app on macOS, Electron's fuses
// (docs/security.md) and the update feed (docs/updates.md). Checked by `npm run dist:check` and by
// the unit tests, offline.
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
  readonly electronFuses?: Readonly<Record<string, boolean | undefined>>;
  readonly publish?: unknown;
  readonly linux?: { readonly target?: readonly string[] };
  readonly mac?: { readonly target?: readonly string[]; readonly extendInfo?: Record<string, unknown> };
  readonly win?: { readonly target?: readonly string[] };
}

export function readBuilderConfig(root: string): BuilderConfig {
  return parse(readFileSync(path.join(root, BUILDER_CONFIG), 'utf8')) as BuilderConfig;
}

const TARGETS = { linux: ['AppImage', 'deb'], mac: ['dmg', 'zip'], win: ['nsis'] } as const;

/**
 * Electron's fuses as the app must ship them, each with why (Electron's fuse documentation). The
 * IDE entries and the bundled servers run resources/runtime, so nothing needs runAsNode.
 */
export const REQUIRED_FUSES: Readonly<Record<string, { readonly value: boolean; readonly why: string }>> = {
  runAsNode: { value: false, why: 'ELECTRON_RUN_AS_NODE would turn the app, with its keychain access, into a Node anyone can run' },
  enableCookieEncryption: { value: true, why: 'cookies on disk encrypted with the OS keychain' },
  enableNodeOptionsEnvironmentVariable: { value: false, why: 'NODE_OPTIONS could load code into the app' },
  enableNodeCliInspectArguments: { value: false, why: '--inspect or SIGUSR1 would open a debugger into the app' },
  enableEmbeddedAsarIntegrityValidation: { value: true, why: 'app.asar is checked against its hash (macOS, Windows)' },
  onlyLoadAppFromAsar: { value: true, why: 'the app loads only its checked app.asar' },
  grantFileProtocolExtraPrivileges: { value: false, why: 'the UI is served from mcp-tray://, file:// needs no extra rights' },
};

/** What the built app needs on disk before packaging (`npm run build:ui` and `build:electron`). */
export const BUILT_FILES = [
  'dist/electron/main.js',
  'dist/electron/preload.cjs',
  'dist/electron/assets/tray-normal.png',
  'dist/renderer/index.html',
  'dist/bridge/mcp-tray.mjs',
  'dist/servers/package.json',
  'dist/runtime/mcp-tray-runtime',
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
  const runtime = resource('runtime');
  if (runtime?.from !== 'dist/runtime') problems.push('extraResources must copy dist/runtime to resources/runtime (what IDE entries and bundled servers run)');
  for (const [fuse, { value, why }] of Object.entries(REQUIRED_FUSES)) {
    if (config.electronFuses?.[fuse] !== value) problems.push(`electronFuses.${fuse} must be ${value}: ${why}`);
  }
  if (!feedOf(config.publish)) problems.push('publish must name an update feed (provider github or generic) for electron-updater');
  if (config.mac?.extendInfo?.LSUIElement !== true) problems.push('mac.extendInfo.LSUIElement must be true (a menu bar app without a Dock icon)');
  return problems;
}

/** The first update feed in `publish`, as electron-updater will read it. */
export function feedOf(publish: unknown): { provider: string; url?: string } | undefined {
  const first = (Array.isArray(publish) ? publish[0] : publish) as { provider?: unknown; url?: unknown } | undefined;
  if (!first || typeof first !== 'object') return undefined;
  if (first.provider === 'github') return { provider: 'github' };
  if (first.provider === 'generic' && typeof first.url === 'string' && first.url.startsWith('https://')) return { provider: 'generic', url: first.url };
  return undefined;
}

export function missingBuiltFiles(root: string): string[] {
  return BUILT_FILES.filter((file) => !existsSync(path.join(root, file)));
}

/** Whether electron-builder failed because it could not download Electron (or its checksums). */
export function isElectronDownloadFailure(output: string): boolean {
  return /getaddrinfo|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|self[- ]signed certificate/i.test(output) && /github|electron|download/i.test(output);
}

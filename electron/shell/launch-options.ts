// What the app was started with. Electron adds its own switches to argv (and a checkout run puts
// main.js first), so only our two flags are looked for:
//   --data-dir D     the hub's data dir (else MCP_TRAY_HOME, else the per-user app data folder)
//   --background     start in the tray without opening the window (login item, bridge)
import path from 'node:path';

export interface LaunchOptions {
  readonly dataDir: string;
  readonly background: boolean;
}

export function parseLaunchOptions(argv: readonly string[], env: NodeJS.ProcessEnv, userData: string): LaunchOptions {
  let flag: string | undefined;
  let background = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data-dir' && argv[i + 1] !== undefined) flag = argv[++i];
    else if (arg.startsWith('--data-dir=')) flag = arg.slice('--data-dir='.length);
    else if (arg === '--background') background = true;
  }
  return { dataDir: path.resolve(flag || env.MCP_TRAY_HOME || userData), background };
}

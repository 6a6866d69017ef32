// Applies the `startAtLogin` setting to the OS at start and whenever settings change (the tray's
// checkbox and the window's Settings both just change the setting).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app } from 'electron';
import { loginItemPlan } from './login-item.ts';

export interface LoginItemSyncDeps {
  startAtLogin(): boolean;
  onSettingsChanged(listener: () => void): () => void;
  /** Arguments the login start needs besides --background (a non-default --data-dir). */
  readonly extraArgs: readonly string[];
  report(message: string): void;
}

export function syncLoginItem(deps: LoginItemSyncDeps): () => void {
  let applied: boolean | undefined;
  const apply = () => {
    const openAtLogin = deps.startAtLogin();
    if (openAtLogin === applied) return;
    applied = openAtLogin;
    const plan = loginItemPlan({
      platform: process.platform,
      isPackaged: app.isPackaged,
      openAtLogin,
      execPath: process.execPath,
      appImage: process.env.APPIMAGE,
      args: ['--background', ...deps.extraArgs],
      home: os.homedir(),
      xdgConfigHome: process.env.XDG_CONFIG_HOME,
    });
    try {
      if (plan.kind === 'electron') app.setLoginItemSettings(plan.settings);
      else if (plan.kind === 'autostart-file') {
        if (plan.contents === undefined) rmSync(plan.file, { force: true });
        else {
          mkdirSync(path.dirname(plan.file), { recursive: true });
          writeFileSync(plan.file, plan.contents, { mode: 0o644 });
        }
      } else if (openAtLogin) deps.report(plan.reason);
    } catch (error) {
      deps.report(`Start at login could not be changed: ${(error as Error).message}`);
    }
  };
  apply();
  return deps.onSettingsChanged(apply);
}

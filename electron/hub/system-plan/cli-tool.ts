// The command-line tool on this machine: where it is, whether it is installed, and installing or
// removing it (the plans are in cli-tool-plan.ts). Used by `mcp-tray cli …` and the Settings view.
import { accessSync, constants, readlinkSync } from 'node:fs';
import type { BridgeLauncher } from '../clients/bridge-launcher.ts';
import { cliToolInstallPlan, cliToolLocation, cliToolUninstallPlan, currentCliToolContext, ownedOrAbsent, type CliToolContext } from './cli-tool-plan.ts';
import { applyPlan, exists, readIfExists, type AppliedPlan } from './system-plan.ts';

export interface CliToolStatus {
  readonly installed: boolean;
  /** Where `mcp-tray` is (or would be) put. */
  readonly command: string;
  /** Something else has that name there: install refuses. */
  readonly conflict: boolean;
}

const io: Pick<CliToolContext, 'existing' | 'canWrite' | 'linkTarget'> = {
  existing: readIfExists,
  canWrite: (folder) => {
    try {
      accessSync(folder, constants.W_OK);
      return true;
    } catch {
      return false;
    }
  },
  linkTarget: (file) => {
    try {
      return readlinkSync(file);
    } catch {
      return undefined;
    }
  },
};

export function cliToolStatus(dataDir: string, launcher: BridgeLauncher): CliToolStatus {
  const ctx = currentCliToolContext(dataDir, launcher, io);
  const where = cliToolLocation(ctx);
  const text = readIfExists(where.command);
  const present = exists(where.command);
  return { installed: present && text !== undefined && ownedOrAbsent(text), command: where.command, conflict: present && !ownedOrAbsent(text) };
}

export function installCliTool(dataDir: string, launcher: BridgeLauncher): Promise<AppliedPlan> {
  return applyPlan(cliToolInstallPlan(currentCliToolContext(dataDir, launcher, io)));
}

export function uninstallCliTool(dataDir: string, launcher: BridgeLauncher): Promise<AppliedPlan> {
  return applyPlan(cliToolUninstallPlan(currentCliToolContext(dataDir, launcher, io)));
}

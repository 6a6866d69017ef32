// `mcp-tray service install | uninstall`: the headless hub started at login
// (hub/system-plan/login-service-plan.ts). Local files only: works with or without a running hub.
import { currentServiceContext, serviceFiles, serviceInstallPlan, serviceUninstallPlan } from '../../hub/system-plan/login-service-plan.ts';
import { applyPlan, exists, PlanError } from '../../hub/system-plan/system-plan.ts';
import { ensureDataDir } from '../../hub/paths.ts';
import { CliError } from '../cli-error.ts';
import type { CliContext } from '../cli-context.ts';
import { ownLauncher } from '../own-launcher.ts';
import type { ParsedCommand } from '../parse-command.ts';
import { report } from './cli-tool.ts';

export async function install(_command: ParsedCommand, ctx: CliContext): Promise<number> {
  ensureDataDir(ctx.dataDir);
  const service = currentServiceContext(ctx.dataDir, ownLauncher());
  const applied = await applyPlan(serviceInstallPlan(service)).catch((error: Error) => {
    throw new CliError(error instanceof PlanError ? error.message : error.message.split('\n')[0]!);
  });
  ctx.stdout.write(`The MCP Tray hub now starts at login (${serviceFiles(service).file})\n`);
  report(applied, ctx);
  if (applied.skipped.length > 0) ctx.stdout.write('  It starts at your next login; until then, run: mcp-tray serve\n');
  return 0;
}

export async function uninstall(_command: ParsedCommand, ctx: CliContext): Promise<number> {
  const service = currentServiceContext(ctx.dataDir, ownLauncher());
  const { file } = serviceFiles(service);
  const was = exists(file);
  const applied = await applyPlan(serviceUninstallPlan(service));
  ctx.stdout.write(was ? `The MCP Tray hub no longer starts at login (removed ${file})\n` : `It was not set to start at login (no ${file}); nothing to remove\n`);
  report(applied, ctx);
  return 0;
}

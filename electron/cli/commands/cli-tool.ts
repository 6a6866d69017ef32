// `mcp-tray cli install | uninstall`: the `mcp-tray` command on PATH (hub/system-plan/cli-tool-plan.ts).
// Local files only: works with or without a running hub.
import { CliToolConflict } from '../../hub/system-plan/cli-tool-plan.ts';
import { cliToolStatus, installCliTool, uninstallCliTool } from '../../hub/system-plan/cli-tool.ts';
import { PlanError, type AppliedPlan } from '../../hub/system-plan/system-plan.ts';
import { CliError } from '../cli-error.ts';
import type { CliContext } from '../cli-context.ts';
import { ownLauncher } from '../own-launcher.ts';
import type { ParsedCommand } from '../parse-command.ts';

export function report(applied: AppliedPlan, ctx: CliContext): void {
  for (const step of applied.done) ctx.stdout.write(`  ${step}\n`);
  for (const step of applied.skipped) ctx.stdout.write(`  ${step}\n`);
  for (const note of applied.notes) ctx.stdout.write(`! ${note}\n`);
}

async function carryOut(work: () => Promise<AppliedPlan>): Promise<AppliedPlan> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CliToolConflict || error instanceof PlanError) throw new CliError(error.message);
    const err = error as NodeJS.ErrnoException;
    throw new CliError(`${err.message}${err.code === 'EACCES' ? ' (permission denied)' : ''}`);
  }
}

export async function install(_command: ParsedCommand, ctx: CliContext): Promise<number> {
  const applied = await carryOut(() => installCliTool(ctx.dataDir, ownLauncher()));
  ctx.stdout.write(`Installed the mcp-tray command: ${cliToolStatus(ctx.dataDir, ownLauncher()).command}\n`);
  report(applied, ctx);
  return 0;
}

export async function uninstall(_command: ParsedCommand, ctx: CliContext): Promise<number> {
  const before = cliToolStatus(ctx.dataDir, ownLauncher());
  const applied = await carryOut(() => uninstallCliTool(ctx.dataDir, ownLauncher()));
  ctx.stdout.write(before.installed ? `Removed the mcp-tray command (${before.command})\n` : `The mcp-tray command was not installed at ${before.command}; nothing to remove\n`);
  report(applied, ctx);
  return 0;
}

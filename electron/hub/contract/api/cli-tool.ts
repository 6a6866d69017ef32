// Control API: the `mcp-tray` command on PATH ("Install the command-line tool" in Settings), the
// way an editor installs its own command. Where it goes depends on the OS (docs/cli.md).
import { z } from 'zod';

export const cliToolRequests = {
  'cliTool.status': z.object({}).strict(),
  'cliTool.install': z.object({}).strict(),
  'cliTool.uninstall': z.object({}).strict(),
} as const;

export interface CliToolInfo {
  readonly installed: boolean;
  /** Where `mcp-tray` is, or would be put. */
  readonly command: string;
  /** Another program has that name there: install refuses. */
  readonly conflict: boolean;
}

export interface CliToolChange {
  readonly status: CliToolInfo;
  /** What was done, one line each. */
  readonly done: readonly string[];
  /** Steps that could not be done, and why. */
  readonly skipped: readonly string[];
  /** What to do next (a folder to add to PATH, a new terminal to open). */
  readonly notes: readonly string[];
}

export interface CliToolResults {
  'cliTool.status': CliToolInfo;
  'cliTool.install': CliToolChange;
  'cliTool.uninstall': CliToolChange;
}

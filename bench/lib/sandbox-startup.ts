// Start-up cost of a sandbox: the bundled filesystem server started the way the hub starts it
// (its launch plan, sandbox/sandbox-service.ts), from spawn until it answers `initialize`, with
// its sandbox off, standard and strict; the median of several starts each, taking turns.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { effectiveDeniedPaths } from '../../electron/hub/policy/denied-paths.ts';
import { defaultBundledDefinition } from '../../electron/hub/server-registry/bundled-catalog.ts';
import { currentNodeRuntime, launchPlanFor } from '../../electron/hub/server-registry/launch-plan.ts';
import { SandboxService } from '../../electron/hub/sandbox/sandbox-service.ts';
import { DEFAULT_DENIED_PATHS } from '../../electron/hub/settings/denied-path-defaults.ts';
import type { SandboxLevel } from '../../electron/hub/settings/schema.ts';
import { tempDir } from '../../e2e/helpers/hub-process.ts';
import { percentile } from './stats.ts';

export type SandboxStartup = Partial<Record<SandboxLevel, number>> & { readonly mechanism?: string; readonly unavailable?: string };

export async function sandboxStartup(runs: number): Promise<SandboxStartup> {
  const dataDir = tempDir('mcp-tray-bench-sandbox-');
  const folder = tempDir('mcp-tray-bench-sandbox-folder-');
  const service = new SandboxService({ dataDir, node: currentNodeRuntime(), allowedHosts: () => [], log: () => undefined });
  const support = await service.support();
  if (!support.available) return { unavailable: support.reason };
  const deniedPaths = effectiveDeniedPaths(DEFAULT_DENIED_PATHS, dataDir);
  const levels = ['off', 'standard', 'strict'] as const;
  const times: Record<(typeof levels)[number], number[]> = { off: [], standard: [], strict: [] };
  try {
    // Levels take turns, so a busy moment of the machine falls on each alike; the first round is
    // not measured (it warms the page cache for all of them).
    for (let round = 0; round <= runs; round++) {
      for (const level of levels) {
        const def = { ...defaultBundledDefinition('filesystem', dataDir), options: { roots: [folder] }, sandbox: level };
        const plan = await launchPlanFor(def, { dataDir, node: currentNodeRuntime(), secrets: {}, deniedPaths, sandbox: service });
        if (plan.kind !== 'process') throw new Error('the filesystem server is a process');
        const started = performance.now();
        const client = new Client({ name: 'bench', version: '1' });
        await client.connect(new StdioClientTransport({ command: plan.spawn.command, args: [...plan.spawn.args], env: plan.spawn.env, cwd: plan.spawn.cwd, stderr: 'ignore' }));
        if (round > 0) times[level].push(performance.now() - started);
        await client.close();
      }
    }
  } finally {
    await service.stopAll();
  }
  const result = Object.fromEntries(levels.map((level) => [level, percentile(times[level].sort((a, b) => a - b), 50)]));
  return { ...result, mechanism: support.mechanism };
}

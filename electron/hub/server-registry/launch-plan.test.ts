import { describe, expect, it } from 'vitest';
import { bundledEntry, defaultBundledDefinition } from './bundled-catalog.ts';
import { BUNDLED_NODE_FLAGS, launchPlanFor } from './launch-plan.ts';

describe('launch plan of a bundled server', () => {
  it('gives Node the memory flags before the entry, so they hold from the first module on', async () => {
    const plan = await launchPlanFor(defaultBundledDefinition('memory', '/tmp/data'), { dataDir: '/tmp/data', node: { command: '/usr/bin/node', env: {}, takesNodeFlags: true }, secrets: {}, deniedPaths: [] });
    if (plan.kind !== 'process') throw new Error('expected a process');
    expect(BUNDLED_NODE_FLAGS).toContain('--max-semi-space-size=1');
    expect(plan.spawn.args.slice(0, BUNDLED_NODE_FLAGS.length + 1)).toEqual([...BUNDLED_NODE_FLAGS, bundledEntry('memory')]);
  });

  it("gives the packaged app's runtime the entry first: it runs nothing but a bundled server's entry", async () => {
    const plan = await launchPlanFor(defaultBundledDefinition('memory', '/tmp/data'), { dataDir: '/tmp/data', node: { command: '/opt/app/resources/runtime/mcp-tray-runtime', env: {} }, secrets: {}, deniedPaths: [] });
    if (plan.kind !== 'process') throw new Error('expected a process');
    expect(plan.spawn.args[0]).toBe(bundledEntry('memory'));
  });
});

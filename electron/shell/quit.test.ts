import { describe, expect, it } from 'vitest';
import { createQuitter } from './quit.ts';

function recorder(stopHub: () => Promise<void>, timeoutMs?: number) {
  const steps: string[] = [];
  const quitter = createQuitter({
    beforeStop: () => steps.push('before-stop'),
    stopHub: async () => {
      steps.push('stop-hub');
      await stopHub();
      steps.push('hub-stopped');
    },
    exit: (code) => steps.push(`exit ${code}`),
    report: (message) => steps.push(`report ${message}`),
    timeoutMs,
  });
  return { steps, quitter };
}

describe('quit', () => {
  it('stops every server (the hub) before exiting, once however often it is asked', async () => {
    const { steps, quitter } = recorder(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(quitter.quitting).toBe(false);
    const first = quitter.quit();
    const second = quitter.quit();
    expect(quitter.quitting).toBe(true);
    await Promise.all([first, second]);
    expect(steps).toEqual(['before-stop', 'stop-hub', 'hub-stopped', 'exit 0']);
  });

  it('exits with 1 and says why when stopping fails', async () => {
    const { steps, quitter } = recorder(() => Promise.reject(new Error('socket busy')));
    await quitter.quit();
    expect(steps).toEqual(['before-stop', 'stop-hub', 'report stopping the hub failed: socket busy', 'exit 1']);
  });

  it('does not hang on a hub that never stops', async () => {
    const { steps, quitter } = recorder(() => new Promise(() => undefined), 30);
    await quitter.quit();
    expect(steps).toEqual(['before-stop', 'stop-hub', 'report the hub did not stop in time; exiting anyway', 'exit 1']);
  });

  it('installs a downloaded update only after every server stopped, and lets the updater quit to restart', async () => {
    const steps: string[] = [];
    const quitter = createQuitter({
      beforeStop: () => steps.push('before-stop'),
      stopHub: async () => void steps.push('hub-stopped'),
      afterStop: (code) => {
        steps.push(`install update (exit code ${code}), stopped=${quitter.stopped}`);
        return true;
      },
      exit: (code) => steps.push(`exit ${code}`),
      updaterGraceMs: 20,
    });
    expect(quitter.stopped).toBe(false);
    await quitter.quit();
    expect(steps).toEqual(['before-stop', 'hub-stopped', 'install update (exit code 0), stopped=true']);
    // The updater did not quit the app: it exits anyway.
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(steps.at(-1)).toBe('exit 0');
  });
});

// Quitting (docs/desktop-app.md): every server is stopped (their whole process trees) before the app exits.
// Tray → Quit, Cmd+Q, a logout or a signal all come here once; a second request waits for the
// first. A hub that does not stop in time does not keep the app alive.
export interface QuitDeps {
  /** Lets the window close for real and takes the tray away. */
  beforeStop(): void;
  stopHub(): Promise<void>;
  /**
   * Once every server is stopped: installs a downloaded update (shell/app-updater.ts). True when the
   * updater quits the app itself (to restart into the new version); it then gets `updaterGraceMs`.
   */
  afterStop?(code: number): boolean;
  exit(code: number): void;
  report?(message: string): void;
  timeoutMs?: number;
  updaterGraceMs?: number;
}

export interface Quitter {
  quit(): Promise<void>;
  readonly quitting: boolean;
  /** The hub has stopped: a quit that follows (the updater's) may go ahead. */
  readonly stopped: boolean;
}

export function createQuitter(deps: QuitDeps): Quitter {
  let running: Promise<void> | undefined;
  let stopped = false;
  return {
    get quitting() {
      return running !== undefined;
    },
    get stopped() {
      return stopped;
    },
    quit() {
      running ??= (async () => {
        deps.beforeStop();
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), deps.timeoutMs ?? 10_000);
        });
        let code = 0;
        try {
          const outcome = await Promise.race([deps.stopHub().then(() => 'stopped' as const), timeout]);
          if (outcome === 'timeout') {
            code = 1;
            deps.report?.('the hub did not stop in time; exiting anyway');
          }
        } catch (error) {
          code = 1;
          deps.report?.(`stopping the hub failed: ${error instanceof Error ? error.message : String(error)}`);
        } finally {
          clearTimeout(timer);
        }
        stopped = true;
        let updaterQuits = false;
        try {
          updaterQuits = deps.afterStop?.(code) ?? false;
        } catch (error) {
          deps.report?.(`installing the update failed: ${error instanceof Error ? error.message : String(error)}`);
        }
        // The updater quits the app to restart it; should it not, the app still exits.
        if (updaterQuits) setTimeout(() => deps.exit(code), deps.updaterGraceMs ?? 15_000);
        else deps.exit(code);
      })();
      return running;
    },
  };
}

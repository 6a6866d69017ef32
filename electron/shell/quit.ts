// Quitting (docs/desktop-app.md): every server is stopped (their whole process trees) before the app exits.
// Tray → Quit, Cmd+Q, a logout or a signal all come here once; a second request waits for the
// first. A hub that does not stop in time does not keep the app alive.
export interface QuitDeps {
  /** Lets the window close for real and takes the tray away. */
  beforeStop(): void;
  stopHub(): Promise<void>;
  exit(code: number): void;
  report?(message: string): void;
  timeoutMs?: number;
}

export interface Quitter {
  quit(): Promise<void>;
  readonly quitting: boolean;
}

export function createQuitter(deps: QuitDeps): Quitter {
  let running: Promise<void> | undefined;
  return {
    get quitting() {
      return running !== undefined;
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
        deps.exit(code);
      })();
      return running;
    },
  };
}

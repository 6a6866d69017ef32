// Refreshes a server's access token before it expires, so calls rarely meet an expired one (a call
// that does is refreshed on the 401 anyway). The refresh starts a fifth of the token's lifetime
// before expiry, at most a minute before, and not sooner than a second from now.
const MAX_LEAD_MS = 60_000;
const MIN_DELAY_MS = 1000;

/** Milliseconds from `now` until the refresh of a token received at `receivedAt` that expires at `expiresAt`. */
export function refreshDelay(receivedAt: number, expiresAt: number, now: number): number {
  const lifetime = Math.max(0, expiresAt - receivedAt);
  const lead = Math.min(MAX_LEAD_MS, lifetime / 5);
  return Math.max(MIN_DELAY_MS, expiresAt - lead - now);
}

export class RefreshTimer {
  readonly #run: () => Promise<void>;
  #timer: NodeJS.Timeout | undefined;

  constructor(run: () => Promise<void>) {
    this.#run = run;
  }

  /** Plans the next refresh, replacing any planned one. */
  at(receivedAt: number, expiresAt: number): void {
    this.after(refreshDelay(receivedAt, expiresAt, Date.now()));
  }

  after(ms: number): void {
    this.stop();
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#run();
    }, ms);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

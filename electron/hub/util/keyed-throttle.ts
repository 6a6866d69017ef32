// Runs a function at most once per interval per key, always including the last call (trailing),
// so a client making thousands of calls a second produces a few session updates, not thousands.
export class KeyedThrottle<T> {
  readonly #intervalMs: number;
  readonly #run: (value: T) => void;
  readonly #last = new Map<string, number>();
  readonly #waiting = new Map<string, { value: T; timer: NodeJS.Timeout }>();

  constructor(intervalMs: number, run: (value: T) => void) {
    this.#intervalMs = intervalMs;
    this.#run = run;
  }

  push(key: string, value: T): void {
    const waiting = this.#waiting.get(key);
    if (waiting) {
      waiting.value = value;
      return;
    }
    const since = Date.now() - (this.#last.get(key) ?? 0);
    if (since >= this.#intervalMs) return this.#fire(key, value);
    const timer = setTimeout(() => {
      const latest = this.#waiting.get(key);
      this.#waiting.delete(key);
      if (latest) this.#fire(key, latest.value);
    }, this.#intervalMs - since);
    timer.unref();
    this.#waiting.set(key, { value, timer });
  }

  /** Forgets a key (its session closed); a pending run is dropped. */
  forget(key: string): void {
    const waiting = this.#waiting.get(key);
    if (waiting) clearTimeout(waiting.timer);
    this.#waiting.delete(key);
    this.#last.delete(key);
  }

  #fire(key: string, value: T): void {
    this.#last.set(key, Date.now());
    this.#run(value);
  }
}

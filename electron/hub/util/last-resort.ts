// The last line of defence against an error nothing closer caught. Every listener of the hub (the
// HTTP server, the local socket, event streams) wraps its handlers with these, and `serve` and the
// Electron main process install the process-wide handlers, so that no request, header, body or
// frame can end the process: a web page can send any of them to 127.0.0.1 (an <img> tag is enough).
//
// Why keep running after an uncaught exception, which Node calls unsafe in general: the hub's state
// that matters (settings, secrets, the call log) is written through its own stores, each write whole
// or not at all; what an escaped exception can leave half-done is the one request, connection or
// timer it came from. Exiting instead would end every server the hub supervises, drop every IDE
// session and every pending approval, and hand anyone who can reach the port a way to do that at
// will. So the error is recorded (stderr and the hub's problems, which the UI shows) and the hub
// goes on; a person reading the problem can restart it.

export type ErrorReporter = (where: string, error: unknown) => void;

/** One line: the error's name and message, and the first frame of its stack, if any. */
export function describeUnexpected(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const frame = error.stack
    ?.split('\n')
    .slice(1)
    .find((line) => line.trim().startsWith('at '))
    ?.trim();
  return `${error.name}: ${error.message}${frame ? ` (${frame})` : ''}`;
}

/** Wraps an event handler so that a synchronous throw is reported instead of crashing the process. */
export function guarded<A extends unknown[]>(where: string, report: ErrorReporter, handler: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      handler(...args);
    } catch (error) {
      report(where, error);
    }
  };
}

/** Network errors that only mean the peer went away: expected, never worth a problem entry. */
export function isPeerGone(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED' || code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ERR_STREAM_DESTROYED' || code === 'ERR_STREAM_WRITE_AFTER_END';
}

const WINDOW_MS = 60_000;
const PER_WINDOW = 20;

/**
 * A reporter that writes each unexpected error to a sink (stderr, the hub's problems) at most 20
 * times a minute, so a flood of bad requests cannot flood the log either; what was held back is
 * counted in the next line written.
 */
export function throttledReporter(sink: (message: string) => void, now = () => Date.now()): ErrorReporter {
  let windowStart = 0;
  let written = 0;
  let held = 0;
  return (where, error) => {
    if (isPeerGone(error)) return;
    const t = now();
    if (t - windowStart >= WINDOW_MS) {
      windowStart = t;
      written = 0;
    }
    if (written >= PER_WINDOW) {
      held++;
      return;
    }
    written++;
    const suffix = held > 0 ? ` (${held} more held back in the last minute)` : '';
    held = 0;
    sink(`unexpected error in ${where}, answered and kept running: ${describeUnexpected(error)}${suffix}`);
  };
}

/**
 * Process-wide: an exception or rejection nothing handled is reported, and the process goes on
 * (see the top of this file for why). Returns a function that removes the handlers.
 */
export function installProcessLastResort(report: ErrorReporter): () => void {
  const onException = (error: Error, origin: string) => report(origin === 'unhandledRejection' ? 'a promise nothing awaited' : 'an event handler', error);
  const onRejection = (reason: unknown) => report('a promise nothing awaited', reason);
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}

// After a dropped oversized frame the hub holds tens of MB of garbage that V8 only collects at its
// next allocation burst; an idle hub would keep it. This runs one full collection soon after such
// an event (at most every 5 s). V8's gc() is made reachable the way Node documents for
// v8.setFlagsFromString, only here and only for this rare path.
import v8 from 'node:v8';
import vm from 'node:vm';

let collect: (() => void) | undefined;
let scheduled = false;

export function releaseMemorySoon(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(() => {
    scheduled = false;
    if (!collect) {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
    }
    collect();
  }, 1000).unref();
}

/**
 * For listeners that may see bursts (thousands of HTTP requests, many of them refused): call the
 * returned function once per request. After at least `threshold` requests and then `idleMs`
 * without one, one full collection runs, so a hub that goes idle after a burst gives back what
 * the burst left (V8 alone would keep it until its next allocation burst).
 */
export function collectWhenIdleAfterBurst(threshold = 500, idleMs = 2000): () => void {
  let count = 0;
  let timer: NodeJS.Timeout | undefined;
  // A request only counts; the timer looks at the count when it fires (idle is then between
  // idleMs and twice that), so a busy listener does not re-arm a timer per request.
  const check = (seen: number) => {
    if (count !== seen) {
      timer = setTimeout(check, idleMs, count).unref();
      return;
    }
    timer = undefined;
    if (count < threshold) return;
    count = 0;
    releaseMemorySoon();
  };
  return () => {
    count++;
    timer ??= setTimeout(check, idleMs, count).unref();
  };
}

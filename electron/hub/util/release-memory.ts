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

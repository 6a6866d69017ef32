// The hub's memory at rest. V8 grows the young generation (where new objects are made) whenever a
// burst of allocation outgrows it, up to tens of megabytes, and keeps what it grew: start-up alone
// (loading and compiling the hub's modules, reading settings, connecting servers) leaves about
// 25 MB of young generation resident in a hub that then sits idle for days. Holding it at its
// first size costs more frequent young-generation collections under load, each of them short
// because little of what a forwarded call allocates lives past it (measured in bench/).
import v8 from 'node:v8';

let done = false;

/** Stops the young generation from growing past its first size (once per process). */
export function keepYoungGenerationSmall(): void {
  if (done) return;
  done = true;
  // Read by V8 each time it would grow the space, so it holds from here on.
  v8.setFlagsFromString('--semi-space-growth-factor=1');
}

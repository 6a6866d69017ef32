// Bundled servers exit when whoever started them is gone: when stdin closes (the SDK's stdio server
// transport ignores that, see typescript-sdk #2002) or when the parent process dies (re-parenting).
// Without this, a hub killed with SIGKILL would leave servers running forever.
const WATCH_MS = 1000;

export function exitWithParent(onExit: () => void | Promise<void> = () => undefined): void {
  let exiting = false;
  const exit = () => {
    if (exiting) return;
    exiting = true;
    void Promise.resolve(onExit())
      .catch(() => undefined)
      .finally(() => process.exit(0));
    // A cleanup that hangs must not keep the process alive.
    setTimeout(() => process.exit(0), 500).unref();
  };
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent || !alive(parent)) exit();
  }, WATCH_MS).unref();
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Whether a process of that pid exists: signal 0 checks without sending anything, and EPERM means
// it exists but belongs to someone else.
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

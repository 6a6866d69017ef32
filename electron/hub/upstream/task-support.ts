// Tasks (protocol 2025-11-25): a tool may say it runs only as a task (`execution.taskSupport:
// "required"`), answered with a task id that the client then polls. MCP Tray does not pass tasks
// on (it declares no `tasks` capability to clients or servers), so such a tool is never listed and
// a call to it is refused with a clear message: a client is never shown a tool it cannot call.

export function requiresTask(tool: object): boolean {
  const execution = (tool as { execution?: { taskSupport?: unknown } }).execution;
  return execution?.taskSupport === 'required';
}

export function taskOnlyMessage(serverId: string, tool: string): string {
  return `MCP Tray cannot call "${tool}" of server "${serverId}": the server runs it only as a task, and MCP Tray does not pass tasks on yet`;
}

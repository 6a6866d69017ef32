// Words for the options of the bundled servers (the settings keys are for files and the CLI).
const LABELS: Readonly<Record<string, { label: string; hint?: string }>> = {
  roots: { label: 'Folders it may read', hint: 'Comma-separated; nothing outside them is reachable' },
  repos: { label: 'Repositories it may use', hint: 'Comma-separated paths of git repositories' },
  memoryFile: { label: 'Memory file', hint: 'Where the knowledge graph is kept' },
  rowLimit: { label: 'Rows per query, at most' },
  statementTimeoutMs: { label: 'Statement time limit (ms)' },
};

export function optionLabel(key: string, isList: boolean): { label: string; hint?: string } {
  return LABELS[key] ?? { label: key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase()), hint: isList ? 'Comma-separated' : undefined };
}

/** A server that cannot do anything before a secret is set (PostgreSQL as it is seeded, say). */
export function setupNeeded(server: { readonly secrets: ReadonlyArray<{ readonly name: string; readonly set: boolean }>; readonly state: string; readonly toolCounts: { readonly read: number; readonly write: number } }): string | undefined {
  const missing = server.secrets.filter((s) => !s.set).map((s) => s.name);
  if (missing.length === 0 || server.state === 'running' || server.toolCounts.read + server.toolCounts.write > 0) return undefined;
  return `Not set up: set ${missing.join(', ')} under Secrets${server.state === 'disabled' ? ', then enable it' : ''}`;
}

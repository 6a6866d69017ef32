// Display names of the client ids the bridge and tokens announce (docs/cli.md). Unknown ids (a user's
// own script, a test) are allowed and shown as they are.
export const CLIENT_LABELS: Readonly<Record<string, string>> = {
  'claude-desktop': 'Claude Desktop',
  'claude-code': 'Claude Code',
  cursor: 'Cursor',
  vscode: 'VS Code',
  windsurf: 'Windsurf',
  gemini: 'Gemini CLI',
  codex: 'Codex',
  zed: 'Zed',
  cline: 'Cline',
  lmstudio: 'LM Studio',
  continue: 'Continue',
};

export function clientLabel(clientId: string): string {
  return CLIENT_LABELS[clientId] ?? clientId;
}

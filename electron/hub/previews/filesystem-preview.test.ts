// How the filesystem server's answers become a preview. The server is a double here (a table of
// answers, named as such); e2e/hub/approval-previews.test.ts runs the real one behind the hub.
import { describe, expect, it } from 'vitest';
import { filesystemPreview, MAX_DIFF_CHARS, type ToolCaller } from './filesystem-preview.ts';

/** Double of the filesystem server: answers by tool name, records what it was asked. */
function serverDouble(answers: Record<string, { text: string; isError?: boolean }>) {
  const asked: Array<{ tool: string; args: Record<string, unknown> }> = [];
  const call: ToolCaller = async (tool, args) => {
    asked.push({ tool, args });
    const answer = answers[tool] ?? { text: `no answer for ${tool}`, isError: true };
    return { text: answer.text, isError: answer.isError === true };
  };
  return { call, asked };
}

describe('filesystem previews', () => {
  it('edit_file asks for a dry run and takes the diff out of its fence, however many backticks', async () => {
    const server = serverDouble({ edit_file: { text: '````diff\n--- a\n+++ a\n@@ -1 +1 @@\n-x\n+```y\n````\n\n' } });
    const preview = await filesystemPreview('edit_file', { path: '/n/a', edits: [] }, server.call);
    expect(server.asked).toEqual([{ tool: 'edit_file', args: { path: '/n/a', edits: [], dryRun: true } }]);
    expect(preview).toEqual({ kind: 'diff', path: '/n/a', diff: '--- a\n+++ a\n@@ -1 +1 @@\n-x\n+```y\n' });
  });

  it('write_file of a missing file is a new file; a file the server refuses to read is no preview', async () => {
    const missing = serverDouble({ read_text_file: { text: "Error: ENOENT: no such file or directory, open '/n/b'", isError: true } });
    expect(await filesystemPreview('write_file', { path: '/n/b', content: 'hi\n' }, missing.call)).toMatchObject({ kind: 'diff', created: true, diff: expect.stringContaining('+hi') });
    const denied = serverDouble({ read_text_file: { text: 'Access denied - path outside allowed directories', isError: true } });
    expect(await filesystemPreview('write_file', { path: '/etc/x', content: 'hi' }, denied.call)).toEqual({
      kind: 'none',
      reason: 'the server cannot read the file as it is: Access denied - path outside allowed directories',
    });
  });

  it('a very long diff is cut at a line, and says so', async () => {
    const server = serverDouble({ read_text_file: { text: '' } });
    const content = 'line of text\n'.repeat(Math.ceil((MAX_DIFF_CHARS * 2) / 13));
    const preview = await filesystemPreview('write_file', { path: '/n/c', content }, server.call);
    expect(preview.kind === 'diff' && preview.diff.length).toBeLessThan(MAX_DIFF_CHARS + 100);
    expect(preview.kind === 'diff' && preview.diff).toMatch(/\n\[… the diff goes on for \d+ more characters\]\n$/);
  });
});

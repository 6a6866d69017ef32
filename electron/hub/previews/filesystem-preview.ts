// Previews of the bundled filesystem server's writes, asked of the server itself so its roots, the
// denied paths and the sandbox hold (the hub never reads the path on its own): edit_file with
// dryRun (the server's own diff), write_file as a diff of read_text_file against the new content,
// move_file as from → to and whether get_file_info finds the target.
import { createTwoFilesPatch } from 'diff';
import type { ApprovalPreview } from '../contract/contract.ts';

/** Calls one tool of the server; the text of its answer, or the error it gave. */
export type ToolCaller = (tool: string, args: Record<string, unknown>) => Promise<{ text: string; isError: boolean }>;

const NOT_FOUND = /ENOENT|no such file/i;
/** A diff longer than this is cut (the prompt, the UIs and the control API carry it whole otherwise). */
export const MAX_DIFF_CHARS = 200_000;

function capped(diff: string): string {
  if (diff.length <= MAX_DIFF_CHARS) return diff;
  const kept = diff.slice(0, diff.lastIndexOf('\n', MAX_DIFF_CHARS) + 1);
  return `${kept}[… the diff goes on for ${diff.length - kept.length} more characters]\n`;
}

/** The diff inside the server's ```diff fence (as many backticks as it needed). */
function fencedDiff(text: string): string | undefined {
  const match = /(`{3,})diff\n([\s\S]*?)\1/.exec(text);
  return match?.[2];
}

export async function filesystemPreview(tool: string, args: Record<string, unknown>, call: ToolCaller): Promise<ApprovalPreview> {
  const path = typeof args.path === 'string' ? args.path : undefined;
  switch (tool) {
    case 'edit_file': {
      if (!path) return { kind: 'none', reason: 'the call names no path' };
      const answer = await call('edit_file', { ...args, dryRun: true });
      if (answer.isError) return { kind: 'none', reason: `the server refused the dry run: ${answer.text}` };
      const diff = fencedDiff(answer.text);
      return diff === undefined ? { kind: 'none', reason: 'the server answered the dry run without a diff' } : { kind: 'diff', path, diff: capped(diff) };
    }
    case 'write_file': {
      if (!path || typeof args.content !== 'string') return { kind: 'none', reason: 'the call names no path or no content' };
      const current = await call('read_text_file', { path });
      if (current.isError && !NOT_FOUND.test(current.text)) return { kind: 'none', reason: `the server cannot read the file as it is: ${current.text}` };
      const before = current.isError ? '' : current.text;
      const diff = createTwoFilesPatch(path, path, before, args.content, current.isError ? 'new file' : 'original', 'modified');
      return { kind: 'diff', path, diff: capped(diff), ...(current.isError ? { created: true } : {}) };
    }
    case 'move_file': {
      const from = typeof args.source === 'string' ? args.source : undefined;
      const to = typeof args.destination === 'string' ? args.destination : undefined;
      if (!from || !to) return { kind: 'none', reason: 'the call names no source or no destination' };
      const source = await call('get_file_info', { path: from });
      if (source.isError) return { kind: 'none', reason: `the server cannot see the source: ${source.text}` };
      const target = await call('get_file_info', { path: to });
      if (target.isError && !NOT_FOUND.test(target.text)) return { kind: 'none', reason: `the server cannot see the destination: ${target.text}` };
      const targetExists = !target.isError;
      return { kind: 'move', from, to, targetExists, ...(targetExists ? { note: 'the destination exists: the server will refuse the move' } : {}) };
    }
    default:
      return { kind: 'none', reason: `MCP Tray has no preview for the filesystem tool ${tool}` };
  }
}

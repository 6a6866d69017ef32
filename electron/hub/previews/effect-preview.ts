// The effect of a write call, computed before the user is asked (docs/approval-previews.md): always
// through the server that would run the call, with a tool that changes nothing, within 5 s. Every
// failure (a server without previews, a timeout, an error, an answer of the wrong shape) becomes a
// `none` preview with the reason, and the prompt shows the raw arguments as before.
import { z } from 'zod';
import type { ApprovalPreview } from '../contract/contract.ts';
import type { ServerDefinition } from '../settings/schema.ts';
import type { Upstream } from '../upstream/upstream-connection.ts';
import { filesystemPreview, type ToolCaller } from './filesystem-preview.ts';
import { PREVIEW_TOOL } from './preview-tool.ts';

export const PREVIEW_TIMEOUT_MS = 5000;

const Section = z.object({ title: z.string(), items: z.array(z.string()) });
/** What a bundled server's preview tool may answer; anything else is not shown. */
const ServerPreviewSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('rows'),
    command: z.string(),
    rowsAffected: z.number().int().nullable(),
    columns: z.array(z.string()),
    rows: z.array(z.array(z.unknown())),
    note: z.string().optional(),
  }),
  z.object({ kind: z.literal('lists'), summary: z.string(), sections: z.array(Section) }),
  z.object({ kind: z.literal('none'), reason: z.string() }),
]);

export interface PreviewTarget {
  readonly def: ServerDefinition;
  /** The connection the approved call would use (the server, or the session's lane of it). */
  connection(): Promise<Upstream>;
}

function textOf(result: Record<string, unknown>): string {
  const content = Array.isArray(result.content) ? (result.content as Array<{ type?: string; text?: string }>) : [];
  return content
    .filter((block) => block.type === 'text' && typeof block.text === 'string')
    .map((block) => block.text)
    .join('\n');
}

/** The preview of `tool` with `args`, or `none` with the reason; never throws, never takes more than 5 s. */
export async function previewEffect(target: PreviewTarget, tool: string, args: Record<string, unknown>, signal: AbortSignal): Promise<ApprovalPreview> {
  const { def } = target;
  if (def.kind !== 'bundled') return { kind: 'none', reason: `"${def.id}" is not a bundled server of MCP Tray: nothing can tell what its tools would change without running them` };
  const deadline = AbortSignal.any([signal, AbortSignal.timeout(PREVIEW_TIMEOUT_MS)]);
  const call: ToolCaller = async (name, callArgs) => {
    const connection = await target.connection();
    const result = await connection.request('tools/call', { name, arguments: callArgs }, { signal: deadline, timeout: PREVIEW_TIMEOUT_MS });
    return { text: textOf(result), isError: result.isError === true };
  };
  try {
    const work = def.bundled === 'filesystem' ? filesystemPreview(tool, args, call) : askPreviewTool(target, tool, args, deadline);
    return await raceDeadline(work, deadline);
  } catch (error) {
    if (deadline.aborted && !signal.aborted) return { kind: 'none', reason: `the preview took longer than ${PREVIEW_TIMEOUT_MS / 1000} s` };
    return { kind: 'none', reason: `the preview failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function askPreviewTool(target: PreviewTarget, tool: string, args: Record<string, unknown>, signal: AbortSignal): Promise<ApprovalPreview> {
  const connection = await target.connection();
  const result = await connection.request('tools/call', { name: PREVIEW_TOOL, arguments: { tool, arguments: args } }, { signal, timeout: PREVIEW_TIMEOUT_MS });
  if (result.isError === true) return { kind: 'none', reason: `the server could not preview the call: ${textOf(result)}` };
  const parsed = ServerPreviewSchema.safeParse((result.structuredContent as { preview?: unknown } | undefined)?.preview);
  if (!parsed.success) return { kind: 'none', reason: `the server ("${target.def.id}") answered without a preview; it may be an older version` };
  return parsed.data;
}

/** Settles when `work` does, or rejects when the deadline passes (a connection still starting is not waited for). */
function raceDeadline<T>(work: Promise<T>, deadline: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (deadline.aborted) return reject(new Error('aborted'));
    const onAbort = () => reject(new Error('aborted'));
    deadline.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => deadline.removeEventListener('abort', onAbort));
  });
}

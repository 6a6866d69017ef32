// What of a tool is pinned (docs/pinned-tools.md): everything a model or the user reads or relies
// on: name, title, description, input and output schema, annotations. Two definitions are the
// same when these are, whatever the order of their keys.
import { createHash } from 'node:crypto';
import { createTwoFilesPatch } from 'diff';
import type { UpstreamTool } from '../upstream/passthrough-schemas.ts';

export interface PinnedDefinition {
  readonly name: string;
  readonly title?: string;
  readonly description?: string;
  readonly inputSchema?: unknown;
  readonly outputSchema?: unknown;
  readonly annotations?: Record<string, unknown>;
}

export function pinnedDefinition(tool: UpstreamTool): PinnedDefinition {
  const t = tool as Record<string, unknown>;
  const def: Record<string, unknown> = { name: tool.name };
  for (const key of ['title', 'description', 'inputSchema', 'outputSchema', 'annotations'] as const) {
    if (t[key] !== undefined) def[key] = canonical(t[key]);
  }
  return def as unknown as PinnedDefinition;
}

/** The definition as text, keys sorted: what is compared, hashed and shown in a diff. */
export function definitionText(def: PinnedDefinition): string {
  return `${JSON.stringify(canonical(def), null, 2)}\n`;
}

export function definitionDigest(def: PinnedDefinition): string {
  return createHash('sha256').update(definitionText(def)).digest('hex');
}

export function sameDefinition(a: PinnedDefinition, b: PinnedDefinition): boolean {
  return definitionText(a) === definitionText(b);
}

/** Which top-level fields differ, in a fixed order. */
export function changedFields(before: PinnedDefinition | undefined, after: PinnedDefinition): string[] {
  if (!before) return ['new tool'];
  const fields = ['title', 'description', 'inputSchema', 'outputSchema', 'annotations'] as const;
  return fields.filter((f) => JSON.stringify(canonical(before[f])) !== JSON.stringify(canonical(after[f])));
}

/** A change that would make the tool read-only (and so callable without write mode). */
export function becomesReadOnly(before: PinnedDefinition | undefined, after: PinnedDefinition): boolean {
  return before !== undefined && before.annotations?.readOnlyHint !== true && after.annotations?.readOnlyHint === true;
}

/** A unified diff of the pinned definition against the one the server presents now. */
export function definitionDiff(serverId: string, before: PinnedDefinition | undefined, after: PinnedDefinition): string {
  const patch = createTwoFilesPatch(`${serverId}/${after.name} (pinned)`, `${serverId}/${after.name} (now)`, before ? definitionText(before) : '', definitionText(after), undefined, undefined, { context: 3 });
  // The library's "=====" separator line says nothing here.
  return patch.replace(/^=+\n/, '');
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonical(v);
    }
    return out;
  }
  return value;
}

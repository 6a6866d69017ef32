// Keeping secrets out of the call log (docs/call-log.md): values under keys that look like secrets, and any
// string that contains a secret MCP Tray stores, become "[redacted]". Arguments and previews are
// capped so one huge call cannot bloat the log.
export const REDACTED = '[redacted]';
const SECRET_KEY = /pass(word|phrase)?|secret|token|api[-_]?key|auth|credential|private[-_]?key|cookie|session[-_]?id|bearer/i;
const MAX_STRING = 2000;
const MAX_ARGUMENTS_JSON = 16 * 1024;
const MAX_PREVIEW = 300;
const MAX_DEPTH = 8;

/** Secret values known to the hub (from the keychain), for matching inside arguments and results. */
export class KnownSecrets {
  readonly #values = new Set<string>();

  add(value: string): void {
    // Very short values would redact half the log ("1", "ab"); secrets are not that short.
    if (value.length >= 6) this.#values.add(value);
  }

  delete(value: string): void {
    this.#values.delete(value);
  }

  scrub(text: string): string {
    let result = text;
    for (const value of this.#values) if (result.includes(value)) result = result.split(value).join(REDACTED);
    return result;
  }

  get size(): number {
    return this.#values.size;
  }
}

export function redactArguments(value: unknown, secrets: KnownSecrets): unknown {
  const redacted = redactValue(value, secrets, 0);
  const json = JSON.stringify(redacted) ?? 'null';
  if (json.length <= MAX_ARGUMENTS_JSON) return redacted;
  return { '[truncated]': `${json.length} characters of arguments; the first ${MAX_ARGUMENTS_JSON} follow`, head: json.slice(0, MAX_ARGUMENTS_JSON) };
}

function redactValue(value: unknown, secrets: KnownSecrets, depth: number): unknown {
  if (typeof value === 'string') return capString(secrets.scrub(value));
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[nested too deep]';
  if (Array.isArray(value)) return value.slice(0, 200).map((item) => redactValue(item, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) && item !== null && typeof item !== 'object' ? REDACTED : redactValue(item, secrets, depth + 1);
  }
  return out;
}

function capString(text: string): string {
  return text.length <= MAX_STRING ? text : `${text.slice(0, MAX_STRING)}… [${text.length - MAX_STRING} more characters]`;
}

interface ContentLike {
  type?: string;
  text?: string;
  data?: string;
  resource?: { text?: string; blob?: string; uri?: string };
  uri?: string;
}

/** The size of a result and a short preview of it, without serializing an 8 MB result again. */
export function summarizeResult(result: Record<string, unknown>, secrets: KnownSecrets): { bytes: number; preview: string } {
  let bytes = 0;
  let preview = '';
  const take = (text: string) => {
    if (preview.length < MAX_PREVIEW) preview += (preview ? ' ' : '') + text.slice(0, MAX_PREVIEW);
  };
  const items = [
    ...((result.content as ContentLike[] | undefined) ?? []),
    ...((result.contents as ContentLike[] | undefined) ?? []),
    ...(((result.messages as Array<{ content?: ContentLike }> | undefined) ?? []).map((m) => m.content ?? {})),
  ];
  for (const item of items) {
    if (typeof item.text === 'string') {
      bytes += item.text.length;
      take(item.text);
    } else if (typeof item.data === 'string') {
      bytes += item.data.length;
      take(`[${item.type ?? 'data'} ${item.data.length} base64 characters]`);
    } else if (item.resource) {
      bytes += (item.resource.text ?? item.resource.blob ?? '').length;
      take(item.resource.text ?? `[resource ${item.resource.uri ?? ''}]`);
    } else if (typeof item.uri === 'string') {
      take(`[link ${item.uri}]`);
    }
  }
  if (result.structuredContent !== undefined) {
    const json = JSON.stringify(result.structuredContent);
    bytes += json.length;
    if (!preview) take(json);
  }
  return { bytes, preview: secrets.scrub(preview).slice(0, MAX_PREVIEW) };
}

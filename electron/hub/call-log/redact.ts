// Keeping secrets out of the call log: values under keys named like secrets (whatever they hold),
// every value MCP Tray stores (and the password inside a stored URL or connection string), and
// anything shaped like a secret (secret-scan.ts: secretlint's recommended rules and a few more)
// become "[redacted]", in arguments, targets (a resource URI), previews and errors. Arguments and
// previews are capped so one huge call cannot bloat the log.
import { redactFound } from '../secrets/secret-scan.ts';
import { CleanTexts } from './clean-texts.ts';

export const REDACTED = '[redacted]';
const MAX_STRING = 2000;
const MAX_ARGUMENTS_JSON = 16 * 1024;
const MAX_PREVIEW = 300;
const MAX_DEPTH = 8;
/** Known values shorter than this are not matched: they would redact half the log ("1", "ab"). */
const MIN_KNOWN = 6;

/** Key names whose values are secrets, matched on the name's words ("db_pass", "apiKey", "X-Auth-Token"). */
const SECRET_KEY_WORDS =
  /(^|_)(PASSWORD|PASSWD|PASSPHRASE|PWD|PASS|SECRET|SECRETS|TOKEN|AUTH|AUTHORIZATION|CREDENTIAL|CREDENTIALS|COOKIE|BEARER|DSN)(_|$)|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|SESSION_?ID|CLIENT_?SECRET|CONNECTION_?STRING/;

export function isSecretKey(key: string): boolean {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean)
    .join('_');
  return SECRET_KEY_WORDS.test(words);
}

/** Secret values known to the hub (from the keychain), for matching inside arguments and results. */
export class KnownSecrets {
  /** Each stored value → the strings that count as that secret (itself, its password, its encodings). */
  readonly #values = new Map<string, string[]>();
  #sorted: string[] | undefined;

  add(value: string): void {
    if (value.length < MIN_KNOWN || this.#values.has(value)) return;
    this.#values.set(value, variantsOf(value).filter((v) => v.length >= MIN_KNOWN));
    this.#sorted = undefined;
  }

  delete(value: string): void {
    if (this.#values.delete(value)) this.#sorted = undefined;
  }

  scrub(text: string): string {
    let result = text;
    for (const value of this.#matchOrder()) if (result.includes(value)) result = result.split(value).join(REDACTED);
    return result;
  }

  get size(): number {
    return this.#values.size;
  }

  /** Longest first, so a URL is replaced whole before its password alone is. */
  #matchOrder(): string[] {
    this.#sorted ??= [...new Set([...this.#values.values()].flat())].sort((a, b) => b.length - a.length);
    return this.#sorted;
  }
}

/** A secret, the password inside it when it is a URL or a connection string, and how each looks when escaped. */
function variantsOf(value: string): string[] {
  const parts = [value];
  const inUrl = /^[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:([^\s@/]+)@/i.exec(value.trim());
  if (inUrl) {
    parts.push(inUrl[1]!);
    try {
      parts.push(decodeURIComponent(inUrl[1]!));
    } catch {
      // not percent-encoded
    }
  }
  for (const match of value.matchAll(/(?:^|;)\s*(?:password|pwd)\s*=\s*("[^"]*"|'[^']*'|[^;]*)/gi)) {
    parts.push(match[1]!.replace(/^["']|["']$/g, ''));
  }
  const variants = new Set<string>();
  for (const part of parts) {
    variants.add(part);
    variants.add(JSON.stringify(part).slice(1, -1));
    variants.add(encodeURIComponent(part));
  }
  return [...variants];
}

/** Texts found free of secret shapes before (after known secrets were scrubbed): not scanned again. */
const cleanTexts = new CleanTexts();

/** A text for the log: known secrets and secret-shaped values redacted. */
export function redactText(text: string, secrets: KnownSecrets): string {
  const scrubbed = secrets.scrub(text);
  if (cleanTexts.has(scrubbed)) return scrubbed;
  const redacted = redactFound(scrubbed, REDACTED);
  if (redacted === scrubbed) cleanTexts.add(scrubbed);
  return redacted;
}

export function redactArguments(value: unknown, secrets: KnownSecrets): unknown {
  const redacted = redactValue(value, secrets, 0);
  const json = JSON.stringify(redacted) ?? 'null';
  if (json.length <= MAX_ARGUMENTS_JSON) return redacted;
  return { '[truncated]': `${json.length} characters of arguments; the first ${MAX_ARGUMENTS_JSON} follow`, head: json.slice(0, MAX_ARGUMENTS_JSON) };
}

function redactValue(value: unknown, secrets: KnownSecrets, depth: number): unknown {
  if (typeof value === 'string') return capString(redactText(value, secrets));
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[nested too deep]';
  if (Array.isArray(value)) return value.slice(0, 200).map((item) => redactValue(item, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    // Everything under a secret-named key goes, however deeply nested ({"password": ["…"]}).
    out[key] = isSecretKey(key) && item !== null && item !== undefined ? REDACTED : redactValue(item, secrets, depth + 1);
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
  // Twice the preview is gathered and scrubbed before it is cut, so a secret that straddles the
  // cut is still found whole.
  const gather = MAX_PREVIEW * 2;
  const take = (text: string) => {
    if (preview.length < gather) preview += (preview ? ' ' : '') + text.slice(0, gather);
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
  return { bytes, preview: redactText(preview.slice(0, gather), secrets).slice(0, MAX_PREVIEW) };
}

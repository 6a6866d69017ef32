// Finding secrets in text by their shape: the maintained rule set of secretlint's recommended
// preset (cloud keys, VCS and SaaS tokens, private keys, database connection strings, basic auth
// URLs) plus the few shapes that preset does not cover because they need context (a value under a
// password-like key, an Authorization scheme, a JWT). Used by the call log's redaction and by import.
//
// The preset's rules are run through their own rule interface (`create(context).file(source)`),
// synchronously: secretlint's engine is promise-based, and redaction happens on the hot path of a
// call, before the client is answered.
import { rules as recommendedRules } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretLintRuleContext, SecretLintRuleCreator, SecretLintSourceCode } from '@secretlint/types';

export type Range = readonly [start: number, end: number];

/** Values under keys named like credentials: `password=…;`, `"apiKey": "…"`, `token: …`, `?api_key=…`. */
const KEYED_VALUE =
  /(?<![A-Za-z0-9])(?:[A-Za-z0-9]*[-_.]?)?(?:password|passwd|passphrase|pwd|pass|secret|token|api[-_]?key|access[-_]?key|auth[-_]?token|credentials?|private[-_]?key|client[-_]?secret|session[-_]?id|cookie)["']?\s*(?:=|:|=>)\s*(?:"((?:[^"\\]|\\.)+)"|'([^']+)'|([^\s"',;&}\]]+))/gi;
/** An HTTP Authorization value: `Bearer …`, `Basic …`, `Token …`. */
const AUTH_SCHEME = /\b(?:Bearer|Basic|Token)\s+([A-Za-z0-9\-._~+/]{8,}=*)/g;
/** A JSON Web Token. */
const JWT = /\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;
/** The password part of `scheme://user:password@host`. */
const URL_PASSWORD = /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:([^\s@/]+)@/gi;
/** Token shapes the preset lacks (Stripe, DigitalOcean, Google API keys, AWS key ids, OpenAI's older keys). */
const EXTRA_TOKENS = /\b(?:sk_(?:live|test)_[A-Za-z0-9]{10,}|rk_(?:live|test)_[A-Za-z0-9]{10,}|dop_v1_[a-f0-9]{20,}|AIza[0-9A-Za-z_-]{30,}|(?:AKIA|ASIA)[0-9A-Z]{16}|sk-(?:proj-)?[A-Za-z0-9_-]{20,})\b/g;

const CONTEXT_RULES: ReadonlyArray<{ pattern: RegExp; group: boolean }> = [
  { pattern: KEYED_VALUE, group: true },
  { pattern: AUTH_SCHEME, group: true },
  { pattern: JWT, group: false },
  { pattern: URL_PASSWORD, group: true },
  { pattern: EXTRA_TOKENS, group: false },
];

// "filter-comments" is not a finder: it lets `secretlint-disable` comments silence the others in
// a source file, which has no meaning for (and must not be steerable by) text a server returns.
const scanners = (recommendedRules as unknown as SecretLintRuleCreator[]).filter(
  (rule) => rule.meta.type === 'scanner' && !rule.meta.id.endsWith('/secretlint-rule-filter-comments') && rule.meta.supportedContentTypes.some((t) => t === 'text' || t === 'all'),
);

/** Where the rules report while one text is scanned (scanning is synchronous, so one is enough). */
let reported: Range[] = [];
/** Each rule's handler, made once: a rule keeps nothing between texts, and making them per text cost more than the scan. */
let handlers: Array<ReturnType<SecretLintRuleCreator['create']>> | undefined;

function ruleHandlers(): NonNullable<typeof handlers> {
  if (handlers) return handlers;
  const context: SecretLintRuleContext = {
    sharedOptions: {},
    createTranslator: ((_messages: Record<string, unknown>) => (id: string, data?: unknown) => ({ message: id, messageId: id, data })) as unknown as SecretLintRuleContext['createTranslator'],
    report: (descriptor) => void reported.push([descriptor.range[0], descriptor.range[1]]),
    ignore: () => undefined,
  };
  handlers = [];
  for (const rule of scanners) {
    try {
      handlers.push(rule.create(context, {}));
    } catch {
      // A rule that cannot start is skipped; the others still run.
    }
  }
  return handlers;
}

function presetRanges(text: string): Range[] {
  const source = {
    content: text,
    filePath: undefined,
    ext: '.txt',
    contentType: 'text',
    indexToPosition: () => ({ line: 1, column: 0 }),
    positionToIndex: () => 0,
    locationToRange: () => [0, 0],
    rangeToLocation: () => ({ start: { line: 1, column: 0 }, end: { line: 1, column: 0 } }),
  } as unknown as SecretLintSourceCode;
  reported = [];
  for (const handler of ruleHandlers()) {
    try {
      const pending = handler.file?.(source);
      // Only binary-file rules (PKCS#12) are asynchronous; text never reaches them.
      if (pending instanceof Promise) pending.catch(() => undefined);
    } catch {
      // One rule failing on odd input must not stop the others.
    }
  }
  const found = reported;
  reported = [];
  return found.map((range) => narrowToPassword(text, range));
}

/** A connection string or basic-auth URL found whole: only its password is the secret. */
function narrowToPassword(text: string, [start, end]: Range): Range {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:([^\s@/]+)@/i.exec(text.slice(start, end));
  if (!match) return [start, end];
  const from = start + match[0].length - 1 - match[1]!.length;
  return [from, from + match[1]!.length];
}

function contextRanges(text: string): Range[] {
  const found: Range[] = [];
  for (const { pattern, group } of CONTEXT_RULES) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      const index = match.index ?? 0;
      if (!group) {
        found.push([index, index + match[0].length]);
        continue;
      }
      const value = match.slice(1).find((g) => g !== undefined);
      if (!value) continue;
      const offset = match[0].lastIndexOf(value);
      found.push([index + offset, index + offset + value.length]);
    }
  }
  return found;
}

/** Where secrets are in `text`, as sorted, merged [start, end) ranges. */
export function findSecrets(text: string): Range[] {
  if (text.length < 4) return [];
  const ranges = [...presetRanges(text), ...contextRanges(text)].filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of ranges) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

export function containsSecret(text: string): boolean {
  return findSecrets(text).length > 0;
}

/** `text` with every secret found replaced by `replacement`. */
export function redactFound(text: string, replacement: string): string {
  const ranges = findSecrets(text);
  if (ranges.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out += text.slice(at, start) + replacement;
    at = end;
  }
  return out + text.slice(at);
}

// Keeps the connection URL and its password out of everything the server says: tool results,
// error messages and its stderr log. The password is looked for as written in the URL
// (percent-encoded), decoded, and re-encoded, since a driver or server message may echo any form.
export const REDACTED = '[redacted]';

export class SecretScrubber {
  readonly #secrets: string[];

  constructor(connectionUrl: string) {
    const found = new Set<string>([connectionUrl]);
    const addPassword = (raw: string) => {
      if (!raw) return;
      found.add(raw);
      const decoded = safeDecode(raw);
      found.add(decoded);
      found.add(encodeURIComponent(decoded));
    };
    try {
      const url = new URL(connectionUrl);
      addPassword(url.password);
      for (const value of url.searchParams.getAll('password')) addPassword(value);
    } catch {
      // Not a URL (a keyword/value string): the password=… part below still applies.
    }
    for (const match of connectionUrl.matchAll(/password=([^&\s]+)/gi)) addPassword(match[1] ?? '');
    // Longest first, so the whole URL is replaced before the password inside it.
    this.#secrets = [...found].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  }

  scrub(text: string): string {
    let out = text;
    for (const secret of this.#secrets) out = out.split(secret).join(REDACTED);
    return out;
  }

  /** The same for every string inside a JSON-like value (structured results). */
  scrubDeep<T>(value: T): T {
    if (typeof value === 'string') return this.scrub(value) as T;
    if (Array.isArray(value)) return value.map((v) => this.scrubDeep(v)) as T;
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [this.scrub(k), this.scrubDeep(v)])) as T;
    }
    return value;
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

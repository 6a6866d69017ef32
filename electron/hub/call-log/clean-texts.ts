// Texts the secret scan has already found free of secret shapes. Scanning a short text costs tens of
// microseconds however short it is (secretlint's preset runs some thirty rules), and calls repeat
// their texts often: the same path, branch, query or status line. Only texts found clean are kept,
// so nothing held here is a secret the scan knows the shape of; known secrets are scrubbed before
// the lookup, so a secret added later is still caught in a text seen before. Bounded in count and
// length; the oldest goes first.

export class CleanTexts {
  readonly #texts = new Set<string>();
  readonly #maxEntries: number;
  readonly #maxLength: number;

  constructor(maxEntries = 512, maxLength = 512) {
    this.#maxEntries = maxEntries;
    this.#maxLength = maxLength;
  }

  has(text: string): boolean {
    return this.#texts.has(text);
  }

  /** Remembers a text the scan found clean (longer texts are not kept). */
  add(text: string): void {
    if (text.length > this.#maxLength || this.#texts.has(text)) return;
    if (this.#texts.size >= this.#maxEntries) this.#texts.delete(this.#texts.values().next().value!);
    this.#texts.add(text);
  }

  get size(): number {
    return this.#texts.size;
  }
}

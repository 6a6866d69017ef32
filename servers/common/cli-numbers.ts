// Numeric command-line options of bundled servers (`--row-limit 500`), checked at startup so a
// bad setting fails loudly instead of being silently replaced.
export function integerOption(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new Error(`--${name} must be an integer from ${min} to ${max}, got "${value}"`);
  }
  return parsed;
}

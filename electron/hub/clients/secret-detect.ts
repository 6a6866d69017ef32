// Which values in a client's server config are secrets that belong in the keychain: env vars and
// headers named like credentials, and values shaped like tokens whatever their name. Errs on the
// side of "secret": a value moved to the keychain still works, one left in a file leaks.

const SECRET_NAME_PARTS = new Set([
  'TOKEN', 'TOKENS', 'SECRET', 'SECRETS', 'PASSWORD', 'PASSWD', 'PWD', 'PASS', 'KEY', 'APIKEY', 'AUTH', 'AUTHORIZATION', 'CREDENTIAL',
  'CREDENTIALS', 'BEARER', 'COOKIE', 'PAT', 'DSN', 'JWT', 'OTP',
]);

const TOKEN_PREFIXES = [
  /^gh[pousr]_[A-Za-z0-9]{20,}/, /^github_pat_/, /^glpat-/, /^sk-[A-Za-z0-9_-]{16,}/, /^sk_(live|test)_/, /^rk_(live|test)_/, /^xox[abposr]-/,
  /^AKIA[0-9A-Z]{16}$/, /^AIza[0-9A-Za-z_-]{30,}/, /^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\./, /^(Bearer|Basic|Token)\s+\S{8,}/i, /^mtr_/, /^npm_[A-Za-z0-9]{30,}/,
  /^hf_[A-Za-z0-9]{30,}/, /^lin_api_/, /^ntn_/, /^secret_[A-Za-z0-9]{30,}/, /^pk_(live|test)_/, /^dop_v1_/, /^shpat_/,
];

/** NAME_PARTS of an env var or header name: "X-Api-Key" → X, API, KEY. */
function nameParts(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
}

export function looksSecretName(name: string): boolean {
  const parts = nameParts(name);
  if (parts.some((p) => SECRET_NAME_PARTS.has(p))) return true;
  const joined = parts.join('');
  return /APIKEY|ACCESSKEY|PRIVATEKEY|CLIENTSECRET|CONNECTIONSTRING|DATABASEURL|CONNSTR/.test(joined);
}

export function looksSecretValue(value: string): boolean {
  const v = value.trim();
  if (TOKEN_PREFIXES.some((re) => re.test(v))) return true;
  // A URL with a password in it.
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i.test(v)) return true;
  // A long random-looking run with no spaces or path separators.
  if (v.length >= 32 && !/[\s/\\]/.test(v) && /[A-Za-z]/.test(v) && /\d/.test(v) && entropy(v) >= 3.5) return true;
  return false;
}

export function isSecretEntry(name: string, value: string): boolean {
  if (value.trim() === '') return false;
  return looksSecretName(name) || looksSecretValue(value);
}

/** A URL whose query carries a credential (…?api_key=…). */
export function urlHoldsSecret(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.password) return true;
    for (const [key, value] of parsed.searchParams) if (isSecretEntry(key, value)) return true;
  } catch {
    // not a URL
  }
  return false;
}

function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

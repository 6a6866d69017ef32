// Which values in a client's server config are secrets that belong in the keychain: env vars and
// headers named like credentials, and values shaped like secrets whatever their name (the shapes
// come from secrets/secret-scan.ts: secretlint's recommended rules, connection strings with a
// password, Authorization values). Errs on the side of "secret": a value moved to the keychain
// still works, one left in a file leaks.
import { containsSecret } from '../secrets/secret-scan.ts';

const SECRET_NAME_PARTS = new Set([
  'TOKEN', 'TOKENS', 'SECRET', 'SECRETS', 'PASSWORD', 'PASSWD', 'PWD', 'PASS', 'KEY', 'APIKEY', 'AUTH', 'AUTHORIZATION', 'CREDENTIAL',
  'CREDENTIALS', 'BEARER', 'COOKIE', 'PAT', 'DSN', 'JWT', 'OTP',
]);

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
  if (containsSecret(v)) return true;
  // MCP Tray's own client tokens.
  if (/^mtr_[A-Za-z0-9_-]{20,}/.test(v)) return true;
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

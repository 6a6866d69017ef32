import { describe, expect, it, vi } from 'vitest';
import { redactFound } from '../secrets/secret-scan.ts';
import { KnownSecrets, REDACTED, isSecretKey, redactArguments, redactText, summarizeResult } from './redact.ts';

// The real scan, watched: a repeated clean text must not be scanned again.
vi.mock('../secrets/secret-scan.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../secrets/secret-scan.ts')>();
  return { ...real, redactFound: vi.fn(real.redactFound) };
});

const known = (...values: string[]) => {
  const secrets = new KnownSecrets();
  for (const value of values) secrets.add(value);
  return secrets;
};
const json = (value: unknown) => JSON.stringify(value);

describe('call-log redaction', () => {
  it.each([
    ['nested array under a secret key', { password: ['hunter2hunter2'] }, 'hunter2hunter2'],
    ['nested object under a secret key', { db: { pass: 'pa55word-x' } }, 'pa55word-x'],
    ['object under "auth"', { auth: { user: 'me', key: 'k-9f8e7d6c5b' } }, 'k-9f8e7d6c5b'],
    ['header map', { headers: { 'X-Api-Key': 'abc123abc123' } }, 'abc123abc123'],
    ['connection string with a password', { url: 'postgres://app:S3cr3tPw@db/app' }, 'S3cr3tPw'],
    ['ADO.NET connection string', { conn: 'Server=db;User Id=sa;Password=Hunter2Hunter2;' }, 'Hunter2Hunter2'],
    ['Bearer in a string', { note: 'send Authorization: Bearer abcdefghijklmnop1234' }, 'abcdefghijklmnop1234'],
    ['a known secret anywhere', { text: 'the value is kn0wn-s3cret-value ok' }, 'kn0wn-s3cret-value'],
    ['the bare password of a known URL', { text: 'password is T0pS3cretDb' }, 'T0pS3cretDb'],
    ['a percent-encoded known password', { text: 'p=T0p%40S3cret' }, 'T0p%40S3cret'],
  ])('%s', (_label, args, secret) => {
    const secrets = known('kn0wn-s3cret-value', 'postgres://app:T0pS3cretDb@db.example/app', 'postgres://u:T0p%40S3cret@h/db');
    const out = json(redactArguments(args, secrets));
    expect(out).not.toContain(secret);
    expect(out).toContain(REDACTED);
  });

  it('keeps what is not secret', () => {
    const args = { path: '/home/me/notes.md', max_tokens: 5, author: 'Ada', compass: 'north', passthrough: true };
    expect(redactArguments(args, known())).toEqual(args);
  });

  it.each([
    ['apiKey', true],
    ['db_pass', true],
    ['X-Auth-Token', true],
    ['client_secret', true],
    ['sessionId', true],
    ['author', false],
    ['max_tokens', false],
    ['passthrough', false],
    ['keyboard', false],
  ])('key %s is secret: %s', (key, expected) => expect(isSecretKey(key)).toBe(expected));

  it('redacts a secret inside a resources/read URI', () => {
    const secrets = known('uri-t0ken-123456');
    expect(redactText('https://files.example/doc?token=uri-t0ken-123456', secrets)).not.toContain('uri-t0ken-123456');
    expect(redactText('db://report?api_key=unknownbutshaped1', secrets)).not.toContain('unknownbutshaped1');
  });

  it('redacts apiKey and Bearer values in result previews, even across the preview cut', () => {
    const text = `${'x'.repeat(290)} Authorization: Bearer abcdefghijklmnopqrstuvwxyz0123456789`;
    const summary = summarizeResult({ content: [{ type: 'text', text: '{"apiKey":"k-abcdef0123456"}' }, { type: 'text', text }] }, known());
    expect(summary.preview).not.toContain('k-abcdef0123456');
    expect(summary.preview).not.toContain('abcdefghijklmnop');
    expect(summary.preview.length).toBeLessThanOrEqual(300);
  });

  it('forgets a deleted secret and its password', () => {
    const secrets = known('postgres://app:T0pS3cretDb@db.example/app');
    secrets.delete('postgres://app:T0pS3cretDb@db.example/app');
    expect(secrets.scrub('T0pS3cretDb')).toBe('T0pS3cretDb');
  });
});

describe('call-log redaction of a text seen before', () => {
  it('still redacts a secret shape in a repeated text', () => {
    const text = 'call with api_key=repeatedSecretValue42';
    for (let i = 0; i < 3; i++) expect(redactText(text, known())).not.toContain('repeatedSecretValue42');
  });

  it('redacts a known secret added after the text was first logged clean', () => {
    const text = 'the deploy key is plain-looking-value-77';
    const secrets = known();
    expect(redactText(text, secrets)).toBe(text);
    expect(redactText(text, secrets)).toBe(text);
    secrets.add('plain-looking-value-77');
    expect(redactText(text, secrets)).toBe(`the deploy key is ${REDACTED}`);
  });

  it('scans a repeated clean text once', () => {
    const text = 'a text logged twice';
    vi.mocked(redactFound).mockClear();
    redactText(text, known());
    redactText(text, known());
    expect(vi.mocked(redactFound).mock.calls.filter(([scanned]) => scanned === text)).toHaveLength(1);
  });
});

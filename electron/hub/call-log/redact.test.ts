import { describe, expect, it } from 'vitest';
import { KnownSecrets, REDACTED, isSecretKey, redactArguments, redactText, summarizeResult } from './redact.ts';

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

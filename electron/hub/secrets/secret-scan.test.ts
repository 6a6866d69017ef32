import { describe, expect, it } from 'vitest';
import { findSecrets, redactFound } from './secret-scan.ts';

const R = '[redacted]';

describe('secret-scan: secrets found by shape', () => {
  it.each([
    // [text, what must disappear, what must stay]
    ['postgres://alice:s3cretPa55@db.example:5432/app', 's3cretPa55', 'postgres://alice:'],
    ['mongodb+srv://u:p4ssw0rd!@cluster0.example.net/test', 'p4ssw0rd!', '@cluster0.example.net'],
    ['Server=tcp:db.example;Database=app;User Id=sa;Password=Hunter2Hunter2;Encrypt=true', 'Hunter2Hunter2', 'Encrypt=true'],
    ['Driver={x};PWD=Sup3rS3cret;UID=me', 'Sup3rS3cret', 'UID=me'],
    ['{"apiKey": "k-1234567890abcdef"}', 'k-1234567890abcdef', '"apiKey"'],
    ["{ password: 'hunter2hunter2' }", 'hunter2hunter2', 'password'],
    ['GET /data?api_key=abcdef0123456789&page=2', 'abcdef0123456789', 'page=2'],
    ['Authorization: Bearer abcdefghijklmnopqrstuvwxyz123456', 'abcdefghijklmnopqrstuvwxyz123456', 'Authorization: Bearer '],
    ['token: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl', 'eyJhbGciOiJIUzI1NiJ9', 'token'],
    ['use ghp_abcdefghijklmnopqrstuvwxyz0123456789 here', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'use '],
    ['slack xoxb-123456789012-1234567890123-abcdefghijABCDEFGHIJklmn done', 'xoxb-123456789012', 'done'],
    ['npm_abcdefghijklmnopqrstuvwxyz0123456789', 'npm_abcdefghij', ''],
    ['stripe sk_live_abcdefghijklmnop1234', 'sk_live_abcdefghijklmnop1234', 'stripe'],
    ['aws AKIAZ7Q2EXAMPLEKEY9A end', 'AKIAZ7Q2EXAMPLEKEY9A', 'end'],
  ])('%s', (text, secret, kept) => {
    const out = redactFound(text, R);
    expect(out).not.toContain(secret);
    expect(out).toContain(R);
    expect(out).toContain(kept);
  });

  it.each([
    'hello world',
    'https://api.github.com/repos/o/r',
    'postgresql://localhost/db',
    'max_tokens: 1000 is not a token',
    'the file /Users/me/projects/app/src/index.ts',
    'counter=3',
    '--verbose --token-file /tmp/x',
  ])('leaves %s alone', (text) => {
    expect(findSecrets(text)).toEqual([]);
  });
});

// The scrubber finds the password in every spelling a driver or server message might echo.
import { describe, expect, it } from 'vitest';
import { SecretScrubber } from './secret-scrubber.ts';

describe('SecretScrubber', () => {
  it('removes the URL, the encoded and the decoded password', () => {
    const url = 'postgres://app:p%40ss%2Fw0rd%25@db.example:5432/shop?sslmode=require';
    const s = new SecretScrubber(url);
    expect(s.scrub(`failed: ${url}`)).toBe('failed: [redacted]');
    expect(s.scrub('echo p@ss/w0rd% and p%40ss%2Fw0rd%25')).toBe('echo [redacted] and [redacted]');
    expect(s.scrubDeep({ rows: [['p@ss/w0rd%', 1, null]] })).toEqual({ rows: [['[redacted]', 1, null]] });
    expect(s.scrub('app connected to db.example')).toBe('app connected to db.example');
  });

  it('handles a password given as a query parameter or keyword', () => {
    expect(new SecretScrubber('postgres://app@db/shop?password=hunter2x').scrub('is hunter2x')).toBe('is [redacted]');
    expect(new SecretScrubber('host=db user=app password=kw-secret dbname=shop').scrub('got kw-secret')).toBe('got [redacted]');
  });
});

import { describe, expect, it } from 'vitest';
import { HostPatternSchema } from '../settings/schema.ts';
import { hostAllowed, parseHostPattern } from './host-patterns.ts';

describe('allowed hosts of a strict sandbox', () => {
  it('reads names, wildcards, IP addresses and ports', () => {
    expect(parseHostPattern('API.GitHub.com:443')).toEqual({ host: 'api.github.com', wildcard: false, port: 443 });
    expect(parseHostPattern('*.example.org')).toEqual({ host: 'example.org', wildcard: true });
    expect(parseHostPattern('[::1]:8080')).toEqual({ host: '::1', wildcard: false, port: 8080 });
    expect(parseHostPattern('127.0.0.1')).toEqual({ host: '127.0.0.1', wildcard: false });
  });

  it('lets through only what is listed: the port when given, subdomains for a wildcard but not the domain itself', () => {
    const list = ['api.github.com:443', '*.example.org', '127.0.0.1:8080'];
    expect(hostAllowed(list, 'api.github.com', 443)).toBe(true);
    expect(hostAllowed(list, 'API.GITHUB.COM.', 443)).toBe(true);
    expect(hostAllowed(list, 'api.github.com', 80)).toBe(false);
    expect(hostAllowed(list, 'evil-api.github.com', 443)).toBe(false);
    expect(hostAllowed(list, 'a.b.example.org', 1)).toBe(true);
    expect(hostAllowed(list, 'example.org', 443)).toBe(false);
    expect(hostAllowed(list, 'notexample.org', 443)).toBe(false);
    expect(hostAllowed(list, '127.0.0.1', 8080)).toBe(true);
    expect(hostAllowed(list, '127.0.0.1', 8081)).toBe(false);
    expect(hostAllowed([], 'api.github.com', 443)).toBe(false);
  });

  it('settings refuse what is not a host', () => {
    for (const good of ['example.com', '*.example.com:443', '10.0.0.1', '[::1]:80']) expect(HostPatternSchema.safeParse(good).success, good).toBe(true);
    for (const bad of ['http://example.com', 'example.com/path', '*', 'a b', '*.*.com', '']) expect(HostPatternSchema.safeParse(bad).success, bad).toBe(false);
  });
});

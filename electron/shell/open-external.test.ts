import { describe, expect, it } from 'vitest';
import { openExternalPage } from './open-external.ts';

describe('openExternalPage', () => {
  const shell = () => {
    const opened: string[] = [];
    return { opened, openExternal: async (url: string) => void opened.push(url) };
  };

  it('opens http and https pages in the default browser', async () => {
    const s = shell();
    expect(await openExternalPage(s, 'https://auth.example.com/authorize?client_id=x&state=y')).toBe(true);
    expect(await openExternalPage(s, 'http://127.0.0.1:4000/auth')).toBe(true);
    expect(s.opened).toHaveLength(2);
  });

  it('refuses other schemes and garbage without opening anything', async () => {
    const s = shell();
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'mcp-tray://app/', 'smb://host/share', 'not a url']) expect(await openExternalPage(s, url)).toBe(false);
    expect(s.opened).toEqual([]);
  });

  it('says false when the desktop cannot open it', async () => {
    expect(await openExternalPage({ openExternal: () => Promise.reject(new Error('no handler')) }, 'https://a.example/')).toBe(false);
  });
});

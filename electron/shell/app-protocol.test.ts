import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appUrl, assetHeaders, resolveAppAsset } from './app-protocol.ts';
import { CONTENT_SECURITY_POLICY } from './content-security.ts';

const ROOT = path.resolve('/opt/mcp-tray/dist/renderer');

describe('the app scheme', () => {
  it('builds window URLs with hash routes', () => {
    expect(appUrl()).toBe('mcp-tray://app/index.html');
    expect(appUrl('/approvals/a1')).toBe('mcp-tray://app/index.html#/approvals/a1');
  });

  it('maps requests to files of the built UI with their content type', () => {
    expect(resolveAppAsset('mcp-tray://app/index.html', ROOT)).toEqual({ file: path.join(ROOT, 'index.html'), contentType: 'text/html; charset=utf-8' });
    expect(resolveAppAsset('mcp-tray://app/', ROOT)).toMatchObject({ file: path.join(ROOT, 'index.html') });
    expect(resolveAppAsset('mcp-tray://app/assets/index-abc.js?v=1#x', ROOT)).toEqual({
      file: path.join(ROOT, 'assets', 'index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
  });

  it('refuses paths that leave the UI folder, other hosts and other schemes', () => {
    expect(resolveAppAsset('mcp-tray://app/..%2f..%2f..%2fetc%2fpasswd.txt', ROOT)).toEqual({ status: 403 });
    // Encoded dot segments are resolved by the URL parser before the path is mapped, so they can only
    // climb to the UI folder's own root: the request maps to a file inside it.
    expect(resolveAppAsset('mcp-tray://app/%2e%2e/%2e%2e/etc/passwd.txt', ROOT)).toEqual({ file: path.join(ROOT, 'etc', 'passwd.txt'), contentType: 'text/plain; charset=utf-8' });
    expect(resolveAppAsset('mcp-tray://app/assets/%00.js', ROOT)).toEqual({ status: 403 });
    expect(resolveAppAsset('mcp-tray://elsewhere/index.html', ROOT)).toEqual({ status: 403 });
    expect(resolveAppAsset('file:///etc/passwd', ROOT)).toEqual({ status: 403 });
    expect(resolveAppAsset('mcp-tray://app/%E0%A4%A', ROOT)).toEqual({ status: 403 });
  });

  it('answers 404 for unknown kinds of files', () => {
    expect(resolveAppAsset('mcp-tray://app/run.exe', ROOT)).toEqual({ status: 404 });
  });

  it('sends the CSP and nosniff with every response', () => {
    expect(assetHeaders('text/html; charset=utf-8')).toMatchObject({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    });
  });
});

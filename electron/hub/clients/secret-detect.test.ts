import { describe, expect, it } from 'vitest';
import { isSecretEntry, looksSecretName, looksSecretValue, urlHoldsSecret } from './secret-detect.ts';

describe('secret detection', () => {
  it.each(['GITHUB_PERSONAL_ACCESS_TOKEN', 'API_KEY', 'OPENAI_API_KEY', 'apiKey', 'SLACK_BOT_TOKEN', 'DB_PASSWORD', 'Authorization', 'X-Api-Key', 'CLIENT_SECRET', 'DATABASE_URL', 'AWS_SECRET_ACCESS_KEY', 'Cookie'])(
    '%s is a secret name',
    (name) => expect(looksSecretName(name)).toBe(true),
  );

  it.each(['PATH', 'HOME', 'LOG_LEVEL', 'GREETING', 'NODE_ENV', 'PASSTHROUGH_MODE', 'X-Team', 'REGION', 'MONKEY_MODE'])('%s is not', (name) => expect(looksSecretName(name)).toBe(false));

  it.each([
    'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
    'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz',
    'sk-proj-abcdefghijklmnopqrstuvwx',
    'xoxb-123456789012-1234567890123-abcdefghijklmnopqrstuvwx',
    'glpat-abcdefghijklmnopqrst',
    'AKIAIOSFODNN7EXAMPLE',
    'Bearer abcdef123456',
    'postgresql://user:hunter2@db.example.com/app',
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig',
    'q8Zr4Lm2Xv9Tn6Wb1Yc7Kd3Hf5Gs0Pj2Qa8Rt',
    'Server=db;User Id=sa;Password=Hunter2Hunter2;',
    'Driver={x};PWD=Sup3rS3cret;',
    'mongodb+srv://u:p4ssw0rd@cluster0.example.net/test',
    'npm_abcdefghijklmnopqrstuvwxyz0123456789',
    'sk_live_abcdefghijklmnop1234',
  ])('%s looks like a token', (value) => expect(looksSecretValue(value)).toBe(true));

  it.each(['hello', '/Users/me/projects/some/long/path/to/a/folder', 'https://api.github.com', 'info', 'us-east-1', '--verbose', 'postgresql://localhost/db'])('%s does not', (value) =>
    expect(looksSecretValue(value)).toBe(false),
  );

  it('treats empty values as not secret, whatever the name', () => {
    expect(isSecretEntry('API_TOKEN', '')).toBe(false);
    expect(isSecretEntry('API_TOKEN', 'x')).toBe(true);
    expect(isSecretEntry('MODE', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789')).toBe(true);
  });

  it('finds credentials in URLs', () => {
    expect(urlHoldsSecret('https://mcp.example.com/mcp?api_key=abc')).toBe(true);
    expect(urlHoldsSecret('https://u:p@mcp.example.com/mcp')).toBe(true);
    expect(urlHoldsSecret('https://mcp.example.com/mcp?team=core')).toBe(false);
  });
});

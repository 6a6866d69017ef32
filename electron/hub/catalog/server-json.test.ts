import { describe, expect, it } from 'vitest';
import { checkServerJson, schemaCompiled } from './server-json.ts';

describe('server.json check', () => {
  it('compiles the registry schema at the first check, not when the catalog loads, and then checks with it', async () => {
    await import('./catalog-source.ts');
    expect(schemaCompiled()).toBe(false);
    const checked = checkServerJson({ name: 'io.example/x', description: 42 });
    expect(schemaCompiled()).toBe(true);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problem).toMatch(/does not fit the server\.json schema/);
  });
});

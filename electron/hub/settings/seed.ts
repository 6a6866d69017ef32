// What a first start puts into settings: the bundled servers (docs/bundled-servers.md), read-only.
import { BUNDLED_SERVERS, defaultBundledDefinition } from '../server-registry/bundled-catalog.ts';
import type { BundledKind } from './schema.ts';
import type { Settings } from './schema.ts';

export function seedSettings(settings: Settings, isNew: boolean, dataDir: string): Settings {
  if (!isNew) return settings;
  const seeded = (Object.keys(BUNDLED_SERVERS) as BundledKind[])
    .filter((kind) => BUNDLED_SERVERS[kind].seeded && !settings.servers.some((s) => s.id === kind))
    .map((kind) => defaultBundledDefinition(kind, dataDir));
  return { ...settings, servers: [...settings.servers, ...seeded] };
}

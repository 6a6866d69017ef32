// What a first start puts into settings: the bundled servers (docs/bundled-servers.md), read-only.
// Later starts only move what an earlier version kept elsewhere (the memory file into its folder).
import { BUNDLED_SERVERS, defaultBundledDefinition } from '../server-registry/bundled-catalog.ts';
import { memoryFileIntoItsFolder } from '../server-registry/memory-folder.ts';
import type { BundledKind } from './schema.ts';
import type { Settings } from './schema.ts';

export function seedSettings(settings: Settings, isNew: boolean, dataDir: string): Settings {
  if (!isNew) return memoryFileIntoItsFolder(settings, dataDir);
  const seeded = (Object.keys(BUNDLED_SERVERS) as BundledKind[])
    .filter((kind) => BUNDLED_SERVERS[kind].seeded && !settings.servers.some((s) => s.id === kind))
    .map((kind) => defaultBundledDefinition(kind, dataDir));
  return { ...settings, servers: [...settings.servers, ...seeded] };
}

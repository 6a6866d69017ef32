// Words for an entry's card: how it runs here, and where it came from.
import type { CatalogChoiceInfo, CatalogEntryInfo, CatalogOrigin } from '../../../api/contract-types.ts';

/** "npx", "docker", "remote": each way MCP Tray can run it (a missing runtime says so). */
export function runsAs(entry: CatalogEntryInfo): { label: string; missing: boolean }[] {
  const seen = new Map<string, boolean>();
  for (const choice of entry.choices.filter((c) => !c.unsupported)) {
    const label = choice.kind === 'remote' ? 'Remote (HTTP)' : `Local · ${choice.runtime}`;
    seen.set(label, (seen.get(label) ?? true) && choice.runtimeMissing === true);
  }
  return [...seen].map(([label, missing]) => ({ label, missing }));
}

/** Why the entry cannot be added here, when no way to run it is usable. */
export function cannotAdd(entry: CatalogEntryInfo): string | undefined {
  const supported = entry.choices.filter((c) => !c.unsupported);
  if (supported.length === 0) return entry.choices.map((c) => c.unsupported).filter(Boolean)[0] ?? 'it lists nothing to run';
  if (supported.every((c) => c.runtimeMissing)) return `needs ${[...new Set(supported.map((c) => c.runtime))].join(' or ')}, which is not installed`;
  return undefined;
}

export function sourceLabel(origin: CatalogOrigin | undefined): string {
  if (!origin) return '';
  if (origin.source === 'offline') return 'Offline snapshot';
  try {
    return new URL(origin.registryUrl).host;
  } catch {
    return origin.registryUrl;
  }
}

export function choiceLabel(choice: CatalogChoiceInfo): string {
  return `${choice.kind === 'remote' ? 'Remote' : choice.runtime}: ${choice.label}${choice.runtimeMissing ? ` (${choice.runtime} is not installed)` : ''}`;
}

// The words on a catalog card: how an entry runs here, why it cannot be added, where it came from.
import { describe, expect, it } from 'vitest';
import type { CatalogChoiceInfo, CatalogEntryInfo } from '../../../api/contract-types.ts';
import { cannotAdd, choiceLabel, runsAs, sourceLabel } from './entry-labels.ts';

function entry(choices: CatalogChoiceInfo[]): CatalogEntryInfo {
  return { name: 'io.github.x/y', description: 'd', version: '1.0.0', hasIcon: false, transports: [], choices, added: [] };
}

const npm: CatalogChoiceInfo = { id: 'package:npm:y', kind: 'package', label: 'npm y', runtime: 'npx' };
const pypi: CatalogChoiceInfo = { id: 'package:pypi:y', kind: 'package', label: 'pypi y', runtime: 'uvx', runtimeMissing: true };
const remote: CatalogChoiceInfo = { id: 'remote:https://x/mcp', kind: 'remote', label: 'Streamable HTTP https://x/mcp' };
const sse: CatalogChoiceInfo = { id: 'remote:https://x/sse', kind: 'remote', label: 'SSE https://x/sse', unsupported: 'SSE remotes are not supported' };

describe('catalog card labels', () => {
  it('lists each usable way to run once, a missing runtime marked', () => {
    expect(runsAs(entry([npm, pypi, remote, sse, { ...npm, id: 'package:npm:z' }]))).toEqual([
      { label: 'Local · npx', missing: false },
      { label: 'Local · uvx', missing: true },
      { label: 'Remote (HTTP)', missing: false },
    ]);
  });

  it('can add when one way runs here; says why not otherwise', () => {
    expect(cannotAdd(entry([pypi, npm]))).toBeUndefined();
    expect(cannotAdd(entry([pypi]))).toBe('needs uvx, which is not installed');
    expect(cannotAdd(entry([sse]))).toBe('SSE remotes are not supported');
    expect(cannotAdd(entry([]))).toBe('it lists nothing to run');
  });

  it('names the source: the registry host, or the offline snapshot', () => {
    expect(sourceLabel({ source: 'registry', registryUrl: 'https://registry.modelcontextprotocol.io' })).toBe('registry.modelcontextprotocol.io');
    expect(sourceLabel({ source: 'offline', registryUrl: 'https://registry.modelcontextprotocol.io' })).toBe('Offline snapshot');
    expect(sourceLabel(undefined)).toBe('');
  });

  it('labels a choice with its runtime, and says when it is missing', () => {
    expect(choiceLabel(npm)).toBe('npx: npm y');
    expect(choiceLabel(pypi)).toBe('uvx: pypi y (uvx is not installed)');
    expect(choiceLabel(remote)).toBe('Remote: Streamable HTTP https://x/mcp');
  });
});

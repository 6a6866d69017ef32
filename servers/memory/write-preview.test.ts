// What a memory write would create or delete, read from a graph as the official server loads it.
import { describe, expect, it } from 'vitest';
import { previewMemoryCall, type Graph } from './write-preview.ts';

const graph: Graph = {
  entities: [
    { name: 'Ada', entityType: 'person', observations: ['writes programs'] },
    { name: 'Engine', entityType: 'machine', observations: [] },
  ],
  relations: [
    { from: 'Ada', to: 'Engine', relationType: 'programs' },
    { from: 'Engine', to: 'Ada', relationType: 'runs for' },
  ],
};

describe('memory previews', () => {
  it('create_entities: new ones created, existing names skipped (as the server does)', () => {
    const preview = previewMemoryCall(graph, 'create_entities', {
      entities: [
        { name: 'Ada', entityType: 'person', observations: [] },
        { name: 'Charles', entityType: 'person', observations: ['designs engines', 'is early'] },
      ],
    });
    expect(preview).toEqual({
      kind: 'lists',
      summary: 'Creates 1 entity.',
      sections: [
        { title: 'Entities created', items: ['Charles (person): 2 observation(s)'] },
        { title: 'Already there (skipped)', items: ['Ada'] },
      ],
    });
  });

  it('delete_entities: the entity and every relation touching it', () => {
    const preview = previewMemoryCall(graph, 'delete_entities', { entityNames: ['Engine', 'Nobody'] });
    expect(preview).toMatchObject({ summary: 'Deletes 1 entity and 2 relation(s).' });
    expect(preview.kind === 'lists' && preview.sections[1]?.items).toEqual(['Ada —programs→ Engine', 'Engine —runs for→ Ada']);
  });

  it('create_relations and delete_relations: only those not there / there', () => {
    expect(previewMemoryCall(graph, 'create_relations', { relations: [{ from: 'Ada', to: 'Engine', relationType: 'programs' }] })).toMatchObject({ summary: 'Creates 0 relation(s).' });
    expect(previewMemoryCall(graph, 'delete_relations', { relations: [{ from: 'Ada', to: 'Engine', relationType: 'programs' }, { from: 'X', to: 'Y', relationType: 'z' }] })).toMatchObject({
      summary: 'Deletes 1 relation(s).',
    });
  });

  it('add_observations to a missing entity: the call will fail, nothing changes', () => {
    expect(previewMemoryCall(graph, 'add_observations', { observations: [{ entityName: 'Nobody', contents: ['x'] }] })).toMatchObject({ summary: expect.stringContaining('will fail') });
  });

  it('a read or unknown tool: no preview, with the reason', () => {
    expect(previewMemoryCall(graph, 'read_graph', {})).toEqual({ kind: 'none', reason: 'the memory server has no preview for read_graph' });
  });
});

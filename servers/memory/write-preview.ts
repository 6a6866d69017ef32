// What a memory write call would create or delete, asked by MCP Tray before the user approves it
// (docs/approval-previews.md). Read from the graph as the official server's own KnowledgeGraphManager
// loads it (the same file, the same rules: a name that exists is skipped, deleting an entity deletes
// its relations); nothing is saved.
import type { PreviewSection, ServerPreview } from '../common/preview-tool.ts';

interface Entity {
  name: string;
  entityType: string;
  observations: string[];
}
interface Relation {
  from: string;
  to: string;
  relationType: string;
}
export interface Graph {
  entities: Entity[];
  relations: Relation[];
}

const MAX_ITEMS = 50;
const list = (items: readonly string[]) => (items.length === 0 ? ['(none)'] : items.length <= MAX_ITEMS ? [...items] : [...items.slice(0, MAX_ITEMS), `… and ${items.length - MAX_ITEMS} more`]);
const entityLine = (e: Entity) => `${e.name} (${e.entityType})${e.observations?.length ? `: ${e.observations.length} observation(s)` : ''}`;
const relationLine = (r: Relation) => `${r.from} —${r.relationType}→ ${r.to}`;
const sameRelation = (a: Relation, b: Relation) => a.from === b.from && a.to === b.to && a.relationType === b.relationType;
const arrayOf = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

export function previewMemoryCall(graph: Graph, tool: string, args: Record<string, unknown>): ServerPreview {
  const sections: PreviewSection[] = [];
  const exists = (name: string) => graph.entities.some((e) => e.name === name);
  switch (tool) {
    case 'create_entities': {
      const given = arrayOf<Entity>(args.entities);
      const created = given.filter((e) => !exists(e.name));
      const skipped = given.filter((e) => exists(e.name));
      sections.push({ title: 'Entities created', items: list(created.map(entityLine)) });
      if (skipped.length) sections.push({ title: 'Already there (skipped)', items: list(skipped.map((e) => e.name)) });
      return { kind: 'lists', summary: `Creates ${created.length} entit${created.length === 1 ? 'y' : 'ies'}.`, sections };
    }
    case 'create_relations': {
      const given = arrayOf<Relation>(args.relations);
      const created = given.filter((r) => !graph.relations.some((existing) => sameRelation(existing, r)));
      sections.push({ title: 'Relations created', items: list(created.map(relationLine)) });
      const dangling = created.filter((r) => !exists(r.from) || !exists(r.to));
      if (dangling.length) sections.push({ title: 'Relations to entities that do not exist', items: list(dangling.map(relationLine)) });
      return { kind: 'lists', summary: `Creates ${created.length} relation(s).`, sections };
    }
    case 'add_observations': {
      const items: string[] = [];
      for (const o of arrayOf<{ entityName: string; contents: string[] }>(args.observations)) {
        const entity = graph.entities.find((e) => e.name === o.entityName);
        if (!entity) return { kind: 'lists', summary: `The call will fail: there is no entity "${o.entityName}"; nothing changes.`, sections: [] };
        for (const content of arrayOf<string>(o.contents)) if (!entity.observations.includes(content)) items.push(`${o.entityName}: ${content}`);
      }
      return { kind: 'lists', summary: `Adds ${items.length} observation(s).`, sections: [{ title: 'Observations added', items: list(items) }] };
    }
    case 'delete_entities': {
      const names = arrayOf<string>(args.entityNames);
      const deleted = graph.entities.filter((e) => names.includes(e.name));
      const relations = graph.relations.filter((r) => names.includes(r.from) || names.includes(r.to));
      return {
        kind: 'lists',
        summary: `Deletes ${deleted.length} entit${deleted.length === 1 ? 'y' : 'ies'} and ${relations.length} relation(s).`,
        sections: [
          { title: 'Entities deleted', items: list(deleted.map(entityLine)) },
          { title: 'Relations deleted with them', items: list(relations.map(relationLine)) },
        ],
      };
    }
    case 'delete_observations': {
      const items: string[] = [];
      for (const d of arrayOf<{ entityName: string; observations: string[] }>(args.deletions)) {
        const entity = graph.entities.find((e) => e.name === d.entityName);
        for (const observation of entity ? entity.observations.filter((o) => arrayOf<string>(d.observations).includes(o)) : []) items.push(`${d.entityName}: ${observation}`);
      }
      return { kind: 'lists', summary: `Deletes ${items.length} observation(s).`, sections: [{ title: 'Observations deleted', items: list(items) }] };
    }
    case 'delete_relations': {
      const given = arrayOf<Relation>(args.relations);
      const deleted = graph.relations.filter((r) => given.some((g) => sameRelation(g, r)));
      return { kind: 'lists', summary: `Deletes ${deleted.length} relation(s).`, sections: [{ title: 'Relations deleted', items: list(deleted.map(relationLine)) }] };
    }
    default:
      return { kind: 'none', reason: `the memory server has no preview for ${tool}` };
  }
}

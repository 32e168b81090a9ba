// The path search's view of the database (see path-search.ts): nodes are element ids, relationships are read
// frontier by frontier within the allowed types, excluded entities left out.
import { RELATION_TYPES } from '../../contract/vocabulary.ts';
import type { Expansion, GraphSource } from './path-search.ts';
import { relTypeExpression } from './nodes.ts';
import type { Run } from './run.ts';

/**
 * The relationships of nodes `$from`, to any entity or (with `$to`) to those nodes only, one row per node.
 * The reached node's degree is its total degree (a cost estimate: one store read, where a degree over the
 * allowed types reads one count per type and direction and makes the query twice as slow).
 */
function stepsCypher(types: string, toSet: boolean): string {
  return `
UNWIND $from AS id
MATCH (v) WHERE elementId(v) = id
MATCH (v)-[r${types}]-(w:Entity)
WHERE ${toSet ? 'elementId(w) IN $to' : 'NOT w.id IN $exclude'}
RETURN id AS v, collect([elementId(r), type(r), startNode(r) = v, elementId(w), w:Region, COUNT { (w)--() }]) AS steps`;
}

export function databaseSource(
  run: Run,
  relTypes: readonly string[] | undefined,
  exclude: string[],
): GraphSource {
  const types = relTypeExpression(relTypes && relTypes.length > 0 ? relTypes : RELATION_TYPES);
  const expandCypher = stepsCypher(types, false);
  const connectCypher = stepsCypher(types, true);
  const read = async (cypher: string, params: Record<string, unknown>): Promise<Expansion> => {
    const records = await run(cypher, params);
    const expansion: Expansion = { steps: [], regions: [], degrees: new Map() };
    const regions: string[] = [];
    for (const record of records) {
      const from = record.get('v') as string;
      for (const [rel, type, out, to, region, degree] of record.get('steps') as Array<
        [string, string, boolean, string, boolean, unknown]
      >) {
        expansion.steps.push({ from, rel, type, out, to });
        if (region) regions.push(to);
        expansion.degrees.set(to, Number(degree));
      }
    }
    expansion.regions = regions;
    return expansion;
  };
  return {
    expand: (nodes) => read(expandCypher, { from: nodes, exclude }),
    connect: (from, to) => read(connectCypher, { from, to }),
  };
}

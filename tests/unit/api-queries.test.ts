// Saved queries: the header format, parameter binding, and every shipped cypher/queries file parses and
// passes the console's lexical read-only check.
import { describe, expect, it } from 'vitest';
import {
  bindParams,
  loadSavedQueries,
  parseSavedQuery,
  SavedQueryError,
} from '../../server/graph/queries.ts';
import { checkQueryText } from '../../server/graph/read-only.ts';
import { QUERIES_DIR } from '../../server/routes/cypher.ts';

const SAMPLE = `// name: sample
// description: A sample query.
// params: id:string, limit:int=5, min:float=1.5, flag:boolean=true, names:string[]=a|b
MATCH (n {id: $id}) RETURN n LIMIT $limit
`;

describe('saved queries', () => {
  it('parses the header and body', () => {
    const query = parseSavedQuery(SAMPLE, 'sample.cypher');
    expect(query.name).toBe('sample');
    expect(query.description).toBe('A sample query.');
    expect(query.params).toEqual([
      { name: 'id', type: 'string' },
      { name: 'limit', type: 'int', default: 5 },
      { name: 'min', type: 'float', default: 1.5 },
      { name: 'flag', type: 'boolean', default: true },
      { name: 'names', type: 'string[]', default: ['a', 'b'] },
    ]);
    expect(query.query).toBe('MATCH (n {id: $id}) RETURN n LIMIT $limit');
  });

  it('rejects malformed headers with the file name', () => {
    expect(() => parseSavedQuery('MATCH (n) RETURN n', 'x.cypher')).toThrow(/x.cypher: missing/);
    expect(() => parseSavedQuery('// name: x\n// params: n:date\nRETURN 1', 'y.cypher')).toThrow(
      SavedQueryError,
    );
    expect(() => parseSavedQuery('// name: x\n// params: n:int=1.5\nRETURN 1', 'z.cypher')).toThrow(
      /not a valid int/,
    );
  });

  it('binds values with defaults and type checks', () => {
    const query = parseSavedQuery(SAMPLE, 'sample.cypher');
    expect(bindParams(query, { id: 'x', limit: '7' })).toEqual({
      id: 'x',
      limit: 7,
      min: 1.5,
      flag: true,
      names: ['a', 'b'],
    });
    expect(() => bindParams(query, {})).toThrow('params.id: required');
    expect(() => bindParams(query, { id: 'x', limit: 1.5 })).toThrow('params.limit: expected int');
    expect(() => bindParams(query, { id: 'x', other: 1 })).toThrow('params.other: not a parameter of sample');
  });

  it('ships at least six read-only queries with unique names', async () => {
    const queries = await loadSavedQueries(QUERIES_DIR);
    expect(queries.length).toBeGreaterThanOrEqual(6);
    for (const query of queries) expect(checkQueryText(query.query), query.name).toEqual({ ok: true });
  });
});

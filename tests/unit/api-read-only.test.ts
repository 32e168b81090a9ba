// The console's read-only rules without a database: the lexical pre-check and the plan check.
import { describe, expect, it } from 'vitest';
import { calledNames, tokenizeCypher } from '../../server/graph/cypher-lexer.ts';
import { checkPlan, checkQueryText, isAllowedProcedure } from '../../server/graph/read-only.ts';

describe('tokenizeCypher', () => {
  it('drops comments, keeps strings opaque and unquotes backticked names', () => {
    const tokens = tokenizeCypher(
      "MATCH (n) // CREATE\n/* DELETE */ WHERE n.name = 'SET \\' x' RETURN `CREATE`",
    );
    const words = tokens.filter((t) => t.kind === 'word').map((t) => [t.text, t.quoted]);
    expect(words).toEqual([
      ['MATCH', false],
      ['n', false],
      ['WHERE', false],
      ['n', false],
      ['name', false],
      ['RETURN', false],
      ['CREATE', true],
    ]);
    expect(tokens.find((t) => t.kind === 'string')?.text).toBe("'SET \\' x'");
  });

  it('finds dotted procedure and function names', () => {
    const calls = calledNames(
      tokenizeCypher("CALL db.labels() YIELD label RETURN apoc.text.join([label], ','), n.name"),
    );
    expect(calls).toEqual([
      { name: 'db.labels', afterCall: true },
      { name: 'apoc.text.join', afterCall: false },
    ]);
  });
});

describe('checkQueryText', () => {
  it.each([
    'MATCH (n:Entity) RETURN n LIMIT 10',
    "MATCH (n) WHERE n.name STARTS WITH '宁夏' RETURN n.name AS created",
    "MATCH (n) WHERE n.note = 'CREATE (x)' RETURN n",
    'MATCH (n) RETURN n.set, n.delete, {create: 1, merge: 2} AS m',
    'MATCH ()-[r]->() RETURN r.start AS start, r.end AS stop',
    "CALL db.index.fulltext.queryNodes('entity_names', 'x') YIELD node RETURN node",
    'CALL db.labels()',
    'MATCH (n) RETURN n;',
    'MATCH (n:`DELETE`) RETURN n',
    'SHOW INDEXES',
  ])('lets %s through', (query) => {
    expect(checkQueryText(query)).toEqual({ ok: true });
  });

  it.each([
    'CREATE (n)',
    'merge (n {id: 1})',
    'MATCH (n) SET n.x = 1',
    'MATCH (n) DETACH DELETE n',
    'MATCH (n) REMOVE n.x',
    'FOREACH (x IN [1] | CREATE ())',
    "LOAD CSV FROM 'file:///x' AS r RETURN r",
    'DROP INDEX x',
    'USE system SHOW USERS',
    'CALL () { MATCH (n) RETURN n } IN TRANSACTIONS RETURN n',
    'CALL dbms.components()',
    "CALL db.createLabel('X')",
    'CALL db.awaitIndexes()',
    'RETURN apoc.version()',
    'RETURN 1; RETURN 2',
    'STOP DATABASE neo4j',
  ])('refuses %s', (query) => {
    expect(checkQueryText(query).ok).toBe(false);
  });

  it('allow-lists procedures case-insensitively', () => {
    expect(isAllowedProcedure('DB.LABELS')).toBe(true);
    expect(isAllowedProcedure('db.createLabel')).toBe(false);
  });
});

describe('checkPlan', () => {
  const leaf = (operatorType: string, details?: string) => ({
    operatorType,
    arguments: details ? { Details: details } : {},
    children: [],
  });
  it('accepts a read plan and an allow-listed procedure', () => {
    expect(
      checkPlan('r', { operatorType: 'ProduceResults@neo4j', children: [leaf('AllNodesScan@neo4j')] }).ok,
    ).toBe(true);
    expect(checkPlan('r', leaf('ProcedureCall@neo4j', 'db.labels() :: (label :: STRING)')).ok).toBe(true);
  });

  it('refuses non-read query types, writing operators and other procedures', () => {
    expect(checkPlan('rw', leaf('ProduceResults@neo4j')).ok).toBe(false);
    expect(checkPlan('s', leaf('CreateIndex@neo4j')).ok).toBe(false);
    expect(checkPlan(undefined, leaf('ProduceResults@neo4j')).ok).toBe(false);
    expect(checkPlan('r', false).ok).toBe(false);
    const nested = {
      operatorType: 'ProduceResults@neo4j',
      children: [{ operatorType: 'Apply', children: [leaf('LoadCSV@neo4j')] }],
    };
    expect(checkPlan('r', nested)).toEqual({ ok: false, reason: 'the plan contains LoadCSV' });
    expect(checkPlan('r', leaf('ProcedureCall@neo4j', 'db.awaitIndexes(300) :: ()')).ok).toBe(false);
  });
});

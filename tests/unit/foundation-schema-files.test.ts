// The schema files cover the vocabulary: every entity label has a unique id constraint and a name index,
// every relationship type an id index; every statement is idempotent (IF NOT EXISTS).
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES, RELATION_TYPES } from '../../contract/vocabulary.ts';
import { schemaStatements, splitStatements } from '../../server/db/schema.ts';

const statements = schemaStatements().map((s) => s.statement.replace(/\s+/g, ' '));

describe('cypher/schema', () => {
  it('splits files into statements and drops comment lines', () => {
    expect(
      splitStatements(
        '// header; with a semicolon\nCREATE INDEX a IF NOT EXISTS\nFOR (n:X)\nON (n.y);\n\nRETURN 1;',
      ),
    ).toEqual(['CREATE INDEX a IF NOT EXISTS\nFOR (n:X)\nON (n.y)', 'RETURN 1']);
  });

  it('makes every statement idempotent', () => {
    expect(statements.length).toBeGreaterThan(10);
    for (const s of statements) expect(s).toMatch(/ IF NOT EXISTS /);
  });

  it.each(['Entity', 'Document', ...ENTITY_TYPES])('has a unique id constraint for :%s', (label) => {
    expect(statements).toContainEqual(
      expect.stringMatching(new RegExp(`FOR \\(n:${label}\\) REQUIRE n\\.id IS UNIQUE`)),
    );
  });

  it.each(['Entity', ...ENTITY_TYPES])('has a name index for :%s', (label) => {
    expect(statements).toContainEqual(
      expect.stringMatching(new RegExp(`FOR \\(n:${label}\\) ON \\(n\\.name\\)`)),
    );
  });

  it.each(RELATION_TYPES)('has an id index for :%s', (type) => {
    expect(statements).toContainEqual(
      expect.stringMatching(new RegExp(`FOR \\(\\)-\\[r:${type}\\]-\\(\\) ON \\(r\\.id\\)`)),
    );
  });

  it('has the cjk full-text index over names, aliases, English names and pinyin', () => {
    const fulltext = statements.find((s) => s.includes('FULLTEXT INDEX entity_names'));
    expect(fulltext).toContain('ON EACH [n.name, n.aliases, n.nameEn, n.pinyin]');
    expect(fulltext).toContain("`fulltext.analyzer`: 'cjk'");
  });
});

// The held-out fixtures of tests/fixtures/extract whose id matches a pattern, extracted and scored one by one
// and together (regression floors of the held-out rounds).
import { readdirSync, readFileSync } from 'node:fs';
import { extractDocument, readDocumentFile } from '../../scripts/extract/index.ts';
import { scoreAll } from '../../scripts/extract/scoring.ts';

const DIR = 'tests/fixtures/extract';

export function fixtureIds(pattern: RegExp): string[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.gold.json') && pattern.test(f))
    .map((f) => f.replace('.gold.json', ''));
}

export async function scoreFixtures(
  ids: string[],
): Promise<{ each: Map<string, ReturnType<typeof scoreAll>>; all: ReturnType<typeof scoreAll> }> {
  const pairs = [];
  const each = new Map<string, ReturnType<typeof scoreAll>>();
  for (const id of ids) {
    const doc = await readDocumentFile(`${DIR}/${id}.txt`);
    const gold = JSON.parse(readFileSync(`${DIR}/${id}.gold.json`, 'utf8'));
    const one = { label: id, gold, pred: extractDocument(doc) };
    each.set(id, scoreAll([one]));
    pairs.push(one);
  }
  return { each, all: scoreAll(pairs) };
}

// The seed and the invented fixtures scored with the TypeScript scorer (regression thresholds just under
// the levels reached), offsets of every mention and relation checked against the original text, and the
// TypeScript scorer compared with shared/eval/score.mjs when that file is present.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Extraction } from '../../contract/extraction.ts';
import { extractDocument, readDocumentFile } from '../../scripts/extract/index.ts';
import { normSurface, scoreAll } from '../../scripts/extract/scoring.ts';

const SEED = 'seeds/000_c33f146bbfe86eac.txt';
const SEED_GOLD = 'tests/fixtures/eval/000_c33f146bbfe86eac.gold.json';
const FIXTURES = [
  '001_jiangsu_shaanxi',
  '002_fujian_ningxia',
  '003_guangdong_guangxi',
  '004_zhejiang_sichuan',
  '005_tianjin_gansu',
  '006_jiangsu_xinjiang',
  '007_shanghai_guizhou',
  '008_beijing_neimenggu',
  '009_chongqing_shandong',
  '010_shanghai_yunnan',
  '011_sinopec_qinghai',
];
const SCORE_MJS = '../shared/eval/score.mjs';

let seedText: string;
let seed: Extraction;
beforeAll(async () => {
  const doc = await readDocumentFile(SEED);
  seedText = doc.text;
  seed = extractDocument(doc);
});

const gold = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const listTs = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? listTs(p) : p.endsWith('.ts') ? [p] : [];
  });

describe('seed', () => {
  it('keeps the scores reached (entity F1 ≥ 0.98, typed relation F1 ≥ 0.97)', () => {
    const r = scoreAll([{ label: 'seed', gold: gold(SEED_GOLD), pred: seed }]);
    expect(r.entities.f1).toBeGreaterThanOrEqual(0.98);
    expect(r.relationsTyped.f1).toBeGreaterThanOrEqual(0.97);
  });

  it('points every mention at its exact span of the original text', () => {
    for (const e of seed.entities) {
      const surfaces = new Set([e.name, ...e.aliases].map(normSurface));
      for (const m of e.mentions) {
        const slice = normSurface(seedText.slice(m.start, m.end));
        // compound parts (鲁 of 鲁甘) stand for the region without being a surface of it
        if (slice.length === 1) continue;
        expect(surfaces.has(slice) || [...surfaces].some((s) => s.endsWith(slice) || slice.endsWith(s))).toBe(
          true,
        );
      }
    }
  });

  it('quotes the evidence sentence verbatim, with its offsets', () => {
    for (const r of seed.relations.filter((x) => x.rule !== 'gazetteer')) {
      expect(seedText.slice(r.start!, r.end!)).toBe(r.evidence);
      expect(r.evidence.length).toBeGreaterThan(0);
    }
    const broken = seed.relations.find((r) => r.evidence.includes('成都交\n\n子金'));
    expect(broken).toBeDefined();
  });

  it('names no seed organization, person or event in the extractor sources', () => {
    // national ministries belong to the general list of State Council departments; 总书记 is a title
    const general = new Set(['科学技术部', '科技部', '总书记']);
    const names = (gold(SEED_GOLD).entities as Array<{ name: string; type: string; aliases?: string[] }>)
      .filter((e) => e.type !== 'Region' && e.type !== 'Other')
      .flatMap((e) => [e.name, ...(e.aliases ?? [])])
      .filter((n) => n.length >= 3 && !general.has(n));
    const sources = listTs('scripts/extract').filter((f) => !f.includes('/gazetteer/'));
    const found = sources.flatMap((f) =>
      names.filter((n) => readFileSync(f, 'utf8').includes(n)).map((n) => `${f}: ${n}`),
    );
    expect(found).toEqual([]);
  });
});

describe('invented fixtures (other provinces)', () => {
  it.each(FIXTURES)('%s: entity F1 ≥ 0.95, typed relation F1 ≥ 0.85', async (id) => {
    const doc = await readDocumentFile(`tests/fixtures/extract/${id}.txt`);
    const r = scoreAll([
      { label: id, gold: gold(`tests/fixtures/extract/${id}.gold.json`), pred: extractDocument(doc) },
    ]);
    expect(r.entities.f1).toBeGreaterThanOrEqual(0.95);
    expect(r.relationsTyped.f1).toBeGreaterThanOrEqual(0.85);
  });
});

describe('scorer', () => {
  it.skipIf(!existsSync(SCORE_MJS))(
    'agrees with shared/eval/score.mjs on the seed and the fixtures',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'dongxi-score-'));
      const args: string[] = [];
      const pairs = [];
      for (const id of ['000_c33f146bbfe86eac', ...FIXTURES]) {
        const goldPath = id.startsWith('000') ? SEED_GOLD : `tests/fixtures/extract/${id}.gold.json`;
        const src = id.startsWith('000') ? SEED : `tests/fixtures/extract/${id}.txt`;
        const pred = extractDocument(await readDocumentFile(src));
        writeFileSync(join(dir, `${id}.json`), JSON.stringify(pred));
        args.push(goldPath, join(dir, `${id}.json`));
        pairs.push({ label: id, gold: gold(goldPath), pred });
      }
      const res = spawnSync(process.execPath, [SCORE_MJS, ...args, '--json'], { encoding: 'utf8' });
      const theirs = JSON.parse(res.stdout);
      const ours = scoreAll(pairs);
      for (const k of ['entities', 'entitiesTyped', 'relations', 'relationsTyped'] as const) {
        const { tp, fp, fn } = ours[k];
        expect({ tp, fp, fn }).toEqual({ tp: theirs[k].tp, fp: theirs[k].fp, fn: theirs[k].fn });
      }
    },
  );

  it('counts a wrong type, a miss and an extra', () => {
    const g = {
      entities: [
        { name: '甲大学', type: 'University' },
        { name: '乙公司', type: 'Company' },
        { name: '丙省', type: 'Region', optional: true },
      ],
      relations: [{ source: '甲大学', target: '乙公司', type: 'COOPERATION' }],
    };
    const p = {
      entities: [
        { id: 'a', name: '甲大学', type: 'ResearchInstitute' },
        { id: 'b', name: '乙公司', type: 'Company' },
        { id: 'c', name: '丁局', type: 'GovernmentAgency' },
        { id: 'd', name: '丙省', type: 'Region' },
      ],
      relations: [
        { source: 'b', target: 'a', type: 'AGREEMENT' },
        { source: 'a', target: 'd', type: 'COOPERATION' },
      ],
    };
    const r = scoreAll([{ label: 't', gold: g, pred: p }]);
    expect(r.entities).toMatchObject({ tp: 2, fp: 1, fn: 0 });
    expect(r.entitiesTyped).toMatchObject({ tp: 1, fp: 2, fn: 1 });
    expect(r.relations).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(r.relationsTyped).toMatchObject({ tp: 0, fp: 1, fn: 1 });
  });
});

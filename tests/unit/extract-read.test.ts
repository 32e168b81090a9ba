// Reading documents: encodings, HTML, metadata, and one-line InputErrors for bad files; the CLI keeps
// going after a bad file and exits 1.
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Extraction } from '../../contract/extraction.ts';
import { runCli } from '../../scripts/extract/cli.ts';
import { InputError, readDocumentFile } from '../../scripts/extract/index.ts';

let dir: string;
const TEXT = '闽宁协作结硕果\n\n5月8日,第五届闽宁科技合作交流会在银川市召开。';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dongxi-extract-'));
  writeFileSync(join(dir, 'utf8.txt'), TEXT);
  writeFileSync(join(dir, 'bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]));
  writeFileSync(join(dir, 'gbk.txt'), iconv.encode(TEXT, 'gbk'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'blank.txt'), ' \n\t\n ');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0xff]));
  writeFileSync(
    join(dir, 'page.html'),
    '<html><head><title>闽宁协作</title><style>p{color:red}</style><script>var x="签约";</script></head>' +
      '<body><h1>闽宁协作结硕果</h1><p>5月8日,第五届闽宁科技合作交流会在银川市召开&amp;闭幕。</p></body></html>',
  );
  writeFileSync(join(dir, 'meta.txt'), TEXT);
  writeFileSync(
    join(dir, 'meta.meta.json'),
    JSON.stringify({ title: '自定义标题', date: '2025-05-09', source: '测试' }),
  );
});
afterAll(() => vi.restoreAllMocks());

describe('readDocumentFile', () => {
  it.each(['utf8.txt', 'bom.txt', 'gbk.txt'])('decodes %s to the same text', async (name) => {
    const doc = await readDocumentFile(join(dir, name));
    expect(doc.text.replace(/^\uFEFF/, '')).toBe(TEXT);
    expect(doc.title).toBe('闽宁协作结硕果');
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
  it('strips HTML, drops scripts and styles, decodes entities', async () => {
    const doc = await readDocumentFile(join(dir, 'page.html'));
    expect(doc.text).toContain('在银川市召开&闭幕。');
    expect(doc.text).not.toMatch(/<|color|var x/);
    expect(doc.title).toBe('闽宁协作');
  });
  it('reads a sidecar .meta.json', async () => {
    const doc = await readDocumentFile(join(dir, 'meta.txt'));
    expect(doc).toMatchObject({ id: 'meta', title: '自定义标题', date: '2025-05-09', source: '测试' });
  });
  it('reads seeds/index.yaml for the seed', async () => {
    const doc = await readDocumentFile('seeds/000_c33f146bbfe86eac.txt');
    expect(doc.date).toBe('2025-03-28');
  });
  it.each(['empty.txt', 'blank.txt', 'binary.txt', 'missing.txt'])(
    '%s → InputError naming the file',
    async (name) => {
      const err = await readDocumentFile(join(dir, name)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).code).toBe('INPUT_ERROR');
      expect((err as Error).message).toContain(name);
      expect((err as Error).message).not.toContain('\n');
    },
  );
});

describe('extract CLI', () => {
  it('writes valid JSON for good files, one line per bad file, exit code 1', async () => {
    const out = join(dir, 'out');
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((m: string) => void errors.push(m));
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const code = await runCli([
      '--out',
      out,
      join(dir, 'utf8.txt'),
      join(dir, 'binary.txt'),
      join(dir, 'gbk.txt'),
    ]);
    expect(code).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['gbk.json', 'utf8.json']);
    const parsed = Extraction.parse(JSON.parse(readFileSync(join(out, 'utf8.json'), 'utf8')));
    expect(parsed.entities.some((e) => e.type === 'Event')).toBe(true);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('binary.txt');
  });
  it('answers usage errors with exit code 2', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await runCli(['only-a-file.txt'])).toBe(2);
  });
});

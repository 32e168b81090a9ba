// Reliability of the reading path: bad documents (empty, binary, legacy and mixed encodings, scripts,
// oversized, hostile file names) and 10,000 tiny files give a document or a one-line error naming the file.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError, readDocumentFile } from '../../scripts/extract/index.ts';
import { buildRows, loadFiles } from '../../scripts/load/index.ts';
import { documentFiles } from '../../scripts/load/files.ts';

const GOOD = '宁夏回族自治区与浙江省杭州市签署科技合作协议。\n福建省与宁夏回族自治区开展对口协作。\n';
const FIXTURE = readFileSync(new URL('../fixtures/extract/002_fujian_ningxia.txt', import.meta.url), 'utf8');
let dir: string;

function put(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function rejection(path: string): Promise<InputError> {
  const err = await readDocumentFile(path).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputError);
  const message = (err as InputError).message;
  expect(message.split('\n')).toHaveLength(1);
  expect(message).not.toMatch(/\bat .*\.ts:\d+/);
  return err as InputError;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dongxi-reliability-read-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bad documents are refused with one line naming the file', () => {
  it.each([
    ['empty.txt', Buffer.alloc(0)],
    ['blank.txt', Buffer.from(' \n\t\r\n\u3000\u00a0\n')],
    ['nul.txt', Buffer.from('宁夏\u0000杭州')],
    ['random.txt', randomBytes(64 * 1024)],
    // random bytes without NUL: decodes to control-character soup in every candidate encoding
    ['random-no-nul.txt', Buffer.from([...randomBytes(64 * 1024)].map((b) => b || 1))],
    [
      'png.html',
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(512)]),
    ],
  ])('%s', async (name, bytes) => {
    const err = await rejection(put(name, bytes));
    expect(err.message.startsWith(`${name}: `)).toBe(true);
  });

  it('an oversized single line is refused from its size alone, without reading it into memory', async () => {
    const path = join(dir, 'huge-line.txt');
    // 50 MB, one line, written in 1 MB pieces so the test itself does not hold it.
    const piece = Buffer.from('合作'.repeat(Math.floor((1024 * 1024) / 6)));
    writeFileSync(path, '');
    for (let written = 0; written < 50 * 1024 * 1024; written += piece.length)
      writeFileSync(path, piece, { flag: 'a' });
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const err = await readDocumentFile(path, { maxBytes: 16 * 1024 * 1024 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toBe('huge-line.txt: larger than 16 MB, not loaded');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(process.memoryUsage().rss - before).toBeLessThan(20 * 1024 * 1024);
  });

  it('a FIFO named like a document is refused at once, and skipped when a folder is listed', async () => {
    const fifoDir = join(dir, 'fifo');
    mkdirSync(fifoDir);
    const fifo = join(fifoDir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    put('fifo/real.txt', GOOD);
    const err = await rejection(fifo);
    expect(err.message).toBe('pipe.txt: not a regular file');
    expect(await documentFiles([fifoDir])).toEqual([join(fifoDir, 'real.txt')]);
  });

  it.each(['back\\slash.txt', 'new\nline.txt', 'tab\there.txt'])(
    'a file name with a backslash or control character (%j) is refused on one line',
    async (name) => {
      const err = await rejection(put(name, GOOD));
      expect(err.message).toMatch(/rename the file$/);
    },
  );
});

describe('documents that are odd but fine are decoded right', () => {
  it.each(['gbk', 'gb18030'])('%s without any declaration', async (encoding) => {
    const doc = await readDocumentFile(put(`legacy-${encoding}.txt`, iconv.encode(FIXTURE, encoding)));
    expect(doc.text).toBe(FIXTURE);
    const names = buildRows(doc).entities.map((e) => e.props.name);
    expect(names).toEqual(expect.arrayContaining(['宁夏回族自治区', '福建省', '福建农林大学']));
  });

  it('a UTF-8 half and a GBK half are decoded line by line (best effort, documented in read.ts)', async () => {
    const cut = FIXTURE.slice(0, 300).lastIndexOf('\n') + 1;
    const [utf8Part, gbkPart] = [FIXTURE.slice(0, cut), FIXTURE.slice(cut)];
    expect(cut).toBeGreaterThan(20);
    const doc = await readDocumentFile(
      put('mixed.txt', Buffer.concat([Buffer.from(utf8Part), iconv.encode(gbkPart, 'gbk')])),
    );
    expect(doc.text).toBe(FIXTURE);
    // and the other way round
    const reversed = await readDocumentFile(
      put('mixed-rev.txt', Buffer.concat([iconv.encode(utf8Part, 'gbk'), Buffer.from(gbkPart)])),
    );
    expect(reversed.text).toBe(FIXTURE);
  });

  it('a mixed file whose non-UTF-8 part is garbage is still refused', async () => {
    const bytes = Buffer.concat([Buffer.from(GOOD), Buffer.from([...randomBytes(8192)].map((b) => b || 1))]);
    await rejection(put('mixed-garbage.txt', bytes));
  });

  it.each([
    [
      'page.html',
      `<html><head><script>var x = "恶意脚本公司";</script></head><body><p>${GOOD}</p></body></html>`,
    ],
    ['inline.txt', `<script type="text/javascript">document.write("恶意脚本公司")</script>\n${GOOD}`],
    ['style.txt', `${GOOD}<style>.恶意脚本公司 { color: red }</style>`],
    ['unclosed.html', `<html><body><p>${GOOD}</p><script>alert("恶意脚本公司")`],
  ])('script and style content never reaches the text (%s)', async (name, content) => {
    const doc = await readDocumentFile(put(name, content));
    expect(doc.text).not.toContain('恶意脚本公司');
    expect(doc.text).not.toMatch(/<\/?script|alert|document\.write/);
    expect(doc.text).toContain('宁夏回族自治区与浙江省杭州市签署科技合作协议');
  });

  it.each([
    'semi;colon && rm -rf x.txt',
    'pipe | cat.txt',
    'dollar $(touch PWNED).txt',
    'back `touch PWNED` tick.txt',
    `quotes "double" 'single'.txt`,
    'spaces  and  glob *?[a].txt',
    'redirect > out < in.txt',
    '-dash-first.txt',
  ])('file name %j: read under its own name, nothing executed', async (name) => {
    const doc = await readDocumentFile(put(name, GOOD));
    expect(doc.id).toBe(name.slice(0, -'.txt'.length));
    expect(doc.id).not.toMatch(/[/\\]/);
  });

  it('dir/../x.txt is read by its real name', async () => {
    mkdirSync(join(dir, 'sub'), { recursive: true });
    put('real-name.txt', GOOD);
    const doc = await readDocumentFile(`${dir}/sub/../real-name.txt`);
    expect(doc.id).toBe('real-name');
    expect((await documentFiles([`${dir}/sub/../real-name.txt`])).length).toBe(1);
  });
});

describe('10,000 tiny files', () => {
  it('are read, extracted and validated one by one (dry run); the bad ones are reported by name', async () => {
    const folder = join(dir, 'tiny');
    mkdirSync(folder);
    const bad = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const name = `t${String(i).padStart(5, '0')}.txt`;
      if (i % 10 === 3) {
        writeFileSync(join(folder, name), i % 20 === 3 ? '' : Buffer.from([0, 1, 2, 3]));
        bad.add(`t${String(i).padStart(5, '0')}`);
      } else writeFileSync(join(folder, name), `第${i}号:宁夏回族自治区与浙江省杭州市合作。`);
    }
    const started = performance.now();
    const files = await documentFiles([folder]);
    expect(files).toHaveLength(10_000);
    const summary = await loadFiles(null, files, { dryRun: true });
    const seconds = (performance.now() - started) / 1000;
    expect(summary.documents).toBe(9_000);
    expect(summary.failed).toHaveLength(1_000);
    for (const f of summary.failed) {
      expect(f.message.split('\n')).toHaveLength(1);
      const id = /(t\d{5})\.txt: /.exec(f.message)?.[1] ?? '';
      expect(bad.has(id)).toBe(true);
      expect(f.document.endsWith(`${id}.txt`)).toBe(true);
    }
    expect(summary.dryRun!.labels.Document).toBe(9_000);
    expect(seconds).toBeLessThan(60);
    console.log(`reliability-read: 10,000 tiny files read+extracted (dry run) in ${seconds.toFixed(1)} s`);
  }, 90_000);
});

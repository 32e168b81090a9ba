// The load CLI without a database: --dry-run prints counts and sample facts, errors are one line with no stack.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/load.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:1', DEBUG: '' },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('npm run load', () => {
  it('--dry-run prints what would be written without a database', () => {
    const { code, out } = cli('--dry-run', 'seeds');
    expect(code).toBe(0);
    expect(out).toMatch(/^would load 1 documents, 0 failed: \d+ entities, \d+ facts/m);
    expect(out).toMatch(/^nodes by label: .*Company \d+.*Document 1/m);
    expect(out).toMatch(/^relationships by type: .*MENTIONS \d+/m);
    expect(out.split('\n').filter((l) => / -\[[A-Z_]+\]-> /.test(l))).toHaveLength(5);
  }, 60_000);

  it('reports a wrong curation file in one line naming the line and entry, with no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dongxi-cli-'));
    const file = join(dir, 'curation.yaml');
    writeFileSync(file, 'drop:\n  - fact: 12\n');
    const { code, err } = cli('--dry-run', '--curation', file, 'seeds');
    expect(code).toBe(1);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/curation\.yaml:2: drop\[0\]/);
    expect(err).not.toMatch(/\bat .*\.ts:\d+/);
  }, 60_000);

  it('exits 2 with the usage when given nothing to do', () => {
    const { code, err } = cli();
    expect(code).toBe(2);
    expect(err).toMatch(/^usage: npm run load/);
  }, 60_000);
});

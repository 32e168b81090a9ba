// Progress for the load CLI: a bar on a terminal (documents, facts, rate), plain lines otherwise.
import cliProgress from 'cli-progress';
import type { LoadProgress, LoadSummary } from './index.ts';

export interface ProgressReporter {
  update(progress: LoadProgress): void;
  stop(): void;
}

export function createProgress(tty: boolean, total: number, write: (line: string) => void): ProgressReporter {
  const started = performance.now();
  const rate = (facts: number) => Math.round(facts / Math.max((performance.now() - started) / 1000, 0.001));
  if (!tty) {
    return {
      update: (p) =>
        write(`load: ${p.done}/${p.total} ${p.current} (${p.facts} facts, ${rate(p.facts)} facts/s)`),
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: 'load [{bar}] {value}/{total} documents | {facts} facts | {rate} facts/s | {current}',
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { facts: 0, rate: 0, current: '' });
  return {
    update: (p) => bar.update(p.done, { facts: p.facts, rate: rate(p.facts), current: p.current }),
    stop: () => bar.stop(),
  };
}

export function formatSummary(s: LoadSummary): string[] {
  const lines = [
    `${s.dryRun ? 'would load' : 'loaded'} ${s.documents} documents, ${s.failed.length} failed: ` +
      `${s.entities} entities, ${s.facts} facts` +
      (s.skippedFacts ? `, ${s.skippedFacts} relations skipped` : '') +
      ` in ${s.seconds.toFixed(1)} s`,
  ];
  if (s.dryRun) {
    const counts = (m: Record<string, number>) =>
      Object.entries(m)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
    lines.push(`nodes by label: ${counts(s.dryRun.labels) || 'none'}`);
    lines.push(`relationships by type: ${counts(s.dryRun.types) || 'none'}`);
    for (const f of s.dryRun.sample)
      lines.push(`  ${f.source} -[${f.type}]-> ${f.target}: ${f.evidence.slice(0, 80)}`);
  }
  for (const f of s.failed) lines.push(`failed: ${f.document}: ${f.message}`);
  return lines;
}

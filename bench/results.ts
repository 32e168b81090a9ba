// The one writer of bench/RESULTS.md: each benchmark replaces its own "## <name>" section (or appends it),
// leaving the others as they are.
import { readFileSync, writeFileSync } from 'node:fs';

const FILE = new URL('./RESULTS.md', import.meta.url);

/** Replaces the section headed exactly `## name` with `body` (without its heading); appends it if absent. */
export function writeResultsSection(name: string, body: string): void {
  const text = readFileSync(FILE, 'utf8');
  const heading = `## ${name}\n`;
  const section = `${heading}\n${body.trim()}\n`;
  const start = text.startsWith(heading) ? 0 : text.indexOf(`\n${heading}`) + 1;
  if (start === 0 && !text.startsWith(heading)) {
    writeFileSync(FILE, `${text.trimEnd()}\n\n${section}`);
    return;
  }
  const next = text.indexOf('\n## ', start + heading.length);
  const rest = next < 0 ? '' : `\n${text.slice(next + 1)}`;
  writeFileSync(FILE, text.slice(0, start) + section + rest);
}

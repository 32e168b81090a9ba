import { connectDatabase } from '../server/db/database.ts';
import { findPaths } from '../server/graph/paths.ts';
import { PathsQuery } from '../contract/api.ts';
import { benchEntity, prng } from './api-graph.ts';
const db = connectDatabase({ uri: process.argv[2]! });
const organizations = Number(process.argv[3] ?? 96782);
const random = prng(7);
const pick = () => benchEntity(Math.floor(random() * organizations));
const hub = () => benchEntity(Math.floor(organizations * random() ** 3));
for (let i = 0; i < 200; i++) pick();
for (let i = 0; i < 200; i++) (i % 4 === 0 ? hub() : pick());
const pairs = Array.from({ length: 100 }, () => [pick().id, pick().id] as const);
const times: Array<[number, string, number]> = [];
for (const [from, to] of pairs) {
  const t = performance.now();
  const r = await findPaths(db, PathsQuery.parse({ from, to }), 10_000);
  times.push([performance.now() - t, `${from}->${to}`, r.paths[0]?.length ?? -1]);
}
times.sort((a, b) => b[0] - a[0]);
console.log(times.slice(0, 12).map(([t, p, l]) => `${t.toFixed(0)} ms ${p} len=${l}`).join('\n'));
console.log('median', times[50]![0].toFixed(0), 'lengths', JSON.stringify(times.reduce((m: Record<number, number>, [, , l]) => ((m[l] = (m[l] ?? 0) + 1), m), {})));
await db.close();

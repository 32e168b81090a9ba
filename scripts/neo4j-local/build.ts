// `npm run build:neo4j`: builds the local Neo4j launcher with Maven when its output is missing or stale.
import { ensureLauncherBuilt, LAUNCHER_DIR } from '../../server/db/launcher-build.ts';

const started = Date.now();
try {
  const built = await ensureLauncherBuilt((line) => process.stderr.write(`${line}\n`));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(built ? `neo4j-local: built ${LAUNCHER_DIR} in ${seconds} s` : 'neo4j-local: up to date');
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}

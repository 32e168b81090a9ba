// `npm run neo4j:local`: runs the local Neo4j in the foreground (NEO4J_LOCAL_PORT, NEO4J_LOCAL_DATA,
// NEO4J_LOCAL_PASSWORD); Ctrl-C or SIGTERM stops it cleanly.
import { loadConfig } from '../../server/config.ts';
import { startLocalNeo4j } from '../../server/db/local-neo4j.ts';

try {
  const config = loadConfig();
  const local = await startLocalNeo4j({
    port: config.localPort,
    dataDir: config.localData,
    password: config.localPassword,
    heap: config.localHeap,
    onLog: (line) => process.stderr.write(`${line}\n`),
  });
  console.log(
    `Neo4j ${local.version} is ready at ${local.uri} (data: ${config.localData}); Ctrl-C stops it.`,
  );
  // Wait for the clean shutdown before returning to the shell, so an immediate restart finds the store free.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void local.stop().then(() => {
        console.log('Neo4j stopped.');
        process.exit(0);
      });
    });
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}

// A throw-away process for the launcher crash test: starts the local Neo4j on the port and data dir given
// as arguments, prints `{"javaPid": …, "uri": …}` and then idles until it is killed.
import { startLocalNeo4j } from '../../server/db/local-neo4j.ts';

const [port, dataDir] = process.argv.slice(2);
const local = await startLocalNeo4j({ port: Number(port), dataDir: dataDir!, heap: '512m' });
console.log(JSON.stringify({ javaPid: local.pid, uri: local.uri }));
setInterval(() => {}, 60_000);

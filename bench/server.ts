// Starts the API server (server/index.ts, or another `entry` such as bench/http-floor.ts) as its own process
// on 127.0.0.1 for the benchmarks that load it over HTTP, and waits until /api/health answers. With
// `inspect`, the server also opens Node's inspector on a random loopback port, so the soak can read its V8 heap
// after a forced garbage collection (heapAfterGc).
import { spawn, type ChildProcess } from 'node:child_process';

export interface ApiServer {
  process: ChildProcess;
  /** The inspector's WebSocket URL (with `inspect` only). */
  inspector?: string;
}

export async function startApiServer(
  uri: string,
  port: number,
  env: Record<string, string> = {},
  options: { inspect?: boolean; entry?: string } = {},
): Promise<ApiServer> {
  // Plain node + tsx loader, so the pid is the server's own process (not an npm or shell wrapper).
  const flags = options.inspect ? ['--inspect=127.0.0.1:0'] : [];
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', options.entry ?? 'server/index.ts'], {
    env: { ...process.env, NEO4J_URI: uri, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let inspector: string | undefined;
  child.stderr?.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    inspector ??= /ws:\/\/127\.0\.0\.1:\d+\/[\w-]+/.exec(text)?.[0];
    // The inspector's own banner is noise here; everything else is the server's and goes on.
    const rest = text
      .split('\n')
      .filter((line) => !/Debugger listening|For help, see/.test(line))
      .join('\n');
    if (rest.trim()) process.stderr.write(rest.endsWith('\n') ? rest : `${rest}\n`);
  });
  for (let i = 0; i < 120; i += 1) {
    await new Promise((r) => setTimeout(r, 500));
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok && (!options.inspect || inspector)) return { process: child, inspector };
  }
  child.kill('SIGTERM');
  throw new Error('bench: the API server did not become healthy within 60 s');
}

/**
 * The server's V8 heap in use after a full garbage collection, in MiB, through its inspector. Node 20 has a
 * WebSocket client only behind a flag, so a short child process speaks the inspector protocol.
 */
export async function heapAfterGc(inspector: string): Promise<number> {
  const script = `
const ws = new WebSocket(process.argv[1]);
let id = 0;
const call = (method, params = {}) => new Promise((resolve) => {
  const mine = ++id;
  const listener = (event) => {
    const message = JSON.parse(event.data);
    if (message.id === mine) { ws.removeEventListener('message', listener); resolve(message.result); }
  };
  ws.addEventListener('message', listener);
  ws.send(JSON.stringify({ id: mine, method, params }));
});
ws.addEventListener('open', async () => {
  await call('HeapProfiler.collectGarbage');
  await call('HeapProfiler.collectGarbage');
  const result = await call('Runtime.evaluate', { expression: 'process.memoryUsage().heapUsed', returnByValue: true });
  console.log(result.result.value);
  ws.close();
});`;
  const child = spawn(
    process.execPath,
    ['--experimental-websocket', '--no-warnings', '-e', script, inspector],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((r) => child.on('close', r));
  const bytes = Number(out.trim());
  if (code !== 0 || !Number.isFinite(bytes))
    throw new Error(`bench: could not read the server heap (${out.trim()})`);
  return bytes / 2 ** 20;
}

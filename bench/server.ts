// Starts the API server (server/index.ts) as its own process on 127.0.0.1 for the benchmarks that load it
// over HTTP, and waits until /api/health answers.
import { spawn, type ChildProcess } from 'node:child_process';

export async function startApiServer(
  uri: string,
  port: number,
  env: Record<string, string> = {},
): Promise<ChildProcess> {
  // Plain node + tsx loader, so the pid is the server's own process (not an npm or shell wrapper).
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, NEO4J_URI: uri, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 120; i += 1) {
    await new Promise((r) => setTimeout(r, 500));
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return child;
  }
  child.kill('SIGTERM');
  throw new Error('bench: the API server did not become healthy within 60 s');
}

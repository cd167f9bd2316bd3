/**
 * The sandbox store for the benches, started with its rate limit off: in a child process
 * (`out/test/sandbox/cli.js`) by default, as the real API is remote (in-process it would share the
 * event loop with the client under test), or in this process. Both read the sandbox's request log.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { RequestLogEntry } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';

export interface BenchSandbox {
  readonly where: string;
  readonly baseUrl: string;
  requestCount(): Promise<number>;
  /** API requests the sandbox logged after request `since` (its `seq`), oldest first. */
  requests(since?: number): Promise<readonly RequestLogEntry[]>;
  close(): Promise<void>;
}

export async function inProcessSandbox(): Promise<BenchSandbox> {
  const sb = await startSandbox({ rateLimit: false });
  return {
    where: 'in this process', baseUrl: sb.baseUrl, requestCount: () => Promise.resolve(sb.requests().length),
    requests: (since = 0) => Promise.resolve(sb.requests().filter((r) => r.seq > since)), close: () => sb.close(),
  };
}

export async function childSandbox(): Promise<BenchSandbox> {
  const child = spawn(process.execPath, [join(__dirname, '../sandbox/cli.js'), '--no-rate-limit', '--json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const [line] = (await Promise.race([once(lines, 'line'), once(child, 'exit')])) as [unknown];
  if (typeof line !== 'string') {
    throw new Error('the sandbox process exited before it printed its address');
  }
  const { baseUrl, origin } = JSON.parse(line) as { baseUrl: string; origin: string };
  const requests = async (since = 0): Promise<readonly RequestLogEntry[]> => {
    const res = await fetch(`${origin}/__sandbox/requests?since=${since}`);
    return ((await res.json()) as { requests: RequestLogEntry[] }).requests;
  };
  return {
    where: `in a child process (pid ${child.pid ?? '?'})`,
    baseUrl,
    requestCount: async () => (await requests()).length,
    requests,
    close: async () => {
      lines.close();
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The bench's sandbox: a child process, or this process when BENCH_SANDBOX=inprocess. */
export function benchSandbox(): Promise<BenchSandbox> {
  return process.env['BENCH_SANDBOX'] === 'inprocess' ? inProcessSandbox() : childSandbox();
}

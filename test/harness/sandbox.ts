// Starts the sandbox store (the loopback fake Yampi API of test/sandbox/server.ts) in the harness
// process, outside VS Code, and derives the settings and environment that point the extension at it.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Sandbox {
  /** API base URL to put in `yampi.apiBaseUrl`. */
  baseUrl: string;
  /** Origin of the sandbox (for tests' `/__sandbox/...` control calls). */
  origin: string;
  /** The module's SANDBOX_USERS export (demo credentials), as exported. */
  users: unknown;
  close(): Promise<void>;
}

interface SandboxModule {
  startSandbox(opts?: { port?: number }): Promise<{ baseUrl: string; close(): Promise<void> }>;
  SANDBOX_USERS?: unknown;
}

/** Starts the sandbox from out/test/sandbox/server.js; `port` 0 or undefined = ephemeral. */
export async function startSandbox(port?: number): Promise<Sandbox> {
  const file = path.join(__dirname, '..', 'sandbox', 'server.js');
  // A real dynamic import (tsc keeps import() under module node16), so the harness compiles
  // on its own and always loads the compiled sandbox of this checkout.
  const mod = (await import(pathToFileURL(file).href)) as SandboxModule;
  const server = await mod.startSandbox(port ? { port } : {});
  return {
    baseUrl: server.baseUrl,
    origin: new URL(server.baseUrl).origin,
    users: mod.SANDBOX_USERS,
    close: () => server.close(),
  };
}

/** Settings (User and Machine) that send the extension's API calls to the sandbox. */
export function sandboxSettings(sandbox: Sandbox): Record<string, unknown> {
  return { 'yampi.apiBaseUrl': sandbox.baseUrl };
}

/** Environment for code-server (inherited by the extension host): where tests reach the sandbox's controls. */
export function sandboxEnv(sandbox: Sandbox): Record<string, string> {
  return { YAMPI_SANDBOX_URL: sandbox.origin };
}

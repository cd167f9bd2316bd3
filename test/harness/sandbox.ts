// Starts the sandbox store (the loopback fake Yampi API of test/sandbox/server.ts) in the harness
// process, outside VS Code, and derives the settings and environment that point the extension at it.
import { SANDBOX_USERS, startSandbox as startSandboxServer, type Sandbox } from '../sandbox/server';

export type { Sandbox };

/** Starts the sandbox on 127.0.0.1; `port` 0 or undefined = ephemeral. */
export function startSandbox(port?: number): Promise<Sandbox> {
  return startSandboxServer(port ? { port } : {});
}

/** Settings (written to User and Machine) that send the extension's API calls to the sandbox. */
export function sandboxSettings(sandbox: Sandbox): Record<string, unknown> {
  return { 'yampi.apiBaseUrl': sandbox.baseUrl };
}

/** Environment for code-server (the extension host inherits it): where tests reach `/__sandbox/` controls. */
export function sandboxEnv(sandbox: Sandbox): Record<string, string> {
  return { YAMPI_SANDBOX_URL: sandbox.origin };
}

/** The first sandbox user and its first store, as the extension's environment credentials (demo, opt-in runs). */
export function sandboxCredentialEnv(): Record<'YAMPI_ALIAS' | 'YAMPI_USER_TOKEN' | 'YAMPI_USER_SECRET_KEY', string> {
  const user = SANDBOX_USERS.owner;
  return { YAMPI_ALIAS: user.stores[0], YAMPI_USER_TOKEN: user.userToken, YAMPI_USER_SECRET_KEY: user.userSecretKey };
}

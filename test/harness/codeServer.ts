// Starts one code-server (VS Code web workbench + remote Node extension host) on 127.0.0.1, isolated
// in a per-run temp dir, and stops it again: code-server 4.139.1 (VS Code 1.139) by default, 4.96.4
// (VS Code 1.96, the engines.vscode floor) with `target: '1.96'`. See test/README.md for why each flag is there.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadVsCodeEnv, type VsCodeEnv, type VsCodeTarget } from './paths';

export interface CodeServerOptions {
  /** Which installed code-server to run (default: `YAMPI_VSCODE`, else `newest`). */
  target?: VsCodeTarget;
  /** Port on 127.0.0.1; 0 or undefined picks a free one. */
  port?: number;
  /** Settings merged over the test defaults and written to both User and Machine settings.json. */
  settings?: Record<string, unknown>;
  /** Pass `--vscode-option enable-smoke-test-driver`: required for the `payload` URL parameter (extension-host suite). Hides toasts. */
  smokeTestDriver?: boolean;
  /** .vsix files installed with `--install-extension` before the server starts (UI suite, demo). */
  installExtensions?: string[];
  /** Extra environment for the server; the extension host inherits it. */
  env?: Record<string, string>;
  /** Echo the server's output (it always goes to `<tmpDir>/server.log`). */
  verbose?: boolean;
  /** Keep the temp dir after stop() (for debugging). */
  keepTmp?: boolean;
}

export interface CodeServer {
  readonly origin: string;
  readonly port: number;
  readonly tmpDir: string;
  readonly logFile: string;
  readonly env: VsCodeEnv;
  /** The workbench URL opening `folder`, optionally with a development payload. */
  workbenchUrl(folder: string, payload?: [string, string][]): string;
  /** The root page's workbench configuration (fails when the smoke-test driver was asked for and is off). */
  pageConfig(): Promise<WorkbenchConfig>;
  /** Last lines of the server log. */
  logTail(lines?: number): string;
  /** Settles when the server process exits (for whatever reason). */
  readonly exited: Promise<void>;
  stop(): Promise<void>;
}

export interface WorkbenchConfig {
  remoteAuthority?: string;
  developmentOptions?: { enableSmokeTestDriver?: boolean };
}

/** Settings that make a fresh profile quiet and fast (no welcome, tips, telemetry, updates, git, AI). */
export const TEST_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'github.gitAuthentication': false,
  'security.workspace.trust.enabled': false,
  'editor.hover.delay': 100,
};

/** A free port on 127.0.0.1 (`port` 0), or `port` itself after checking nobody listens on it. */
export async function freePort(port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', (err: NodeJS.ErrnoException) => {
      reject(err.code === 'EADDRINUSE' ? new Error(`port ${port} on 127.0.0.1 is already in use`) : err);
    });
    srv.listen(port, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => {
        resolve(port);
      });
    });
  });
}

/**
 * How to turn on VS Code's smoke-test driver for this code-server: its `--vscode-option` passthrough
 * (4.139), or, for releases whose CLI has none (4.96), VS Code's own `--enable-smoke-test-driver`
 * through smokeDriverLauncher.js, which teaches code-server's parser that one flag.
 */
export function smokeTestDriverLaunch(env: VsCodeEnv): { launcher?: string; args: string[] } {
  const cli = readFileSync(path.join(path.dirname(env.codeServerEntry), 'cli.js'), 'utf8');
  if (/["']vscode-option["']\s*:/.test(cli)) {
    return { args: ['--vscode-option', 'enable-smoke-test-driver'] };
  }
  const launcher = path.join(__dirname, 'smokeDriverLauncher.js');
  if (!existsSync(launcher)) {
    throw new Error(`${launcher} is missing: run \`npm run compile-tests\``);
  }
  return { launcher, args: ['--enable-smoke-test-driver'] };
}

/** Sends `signal` to a process group; false when no process of it is left. */
function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

// Servers still running, by process group, with the temp dir to remove. code-server runs in its own
// group (so Ctrl+C in a terminal does not reach it): if the harness exits without stop() — an
// uncaught error, process.exit() from a signal handler — kill the groups on the way out.
const live = new Map<number, string | undefined>();
process.on('exit', () => {
  for (const [pgid, dir] of live) {
    signalGroup(pgid, 'SIGKILL');
    if (dir) {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

/** Make Ctrl+C / SIGTERM end the harness through process.exit(), so running servers are killed. */
export function exitOnSignals(): void {
  process.once('SIGINT', () => process.exit(130));
  process.once('SIGTERM', () => process.exit(143));
}

function writeSettings(userDataDir: string, settings: Record<string, unknown>): void {
  // `yampi.apiBaseUrl` is machine-scoped: in code-server that is a remote setting, read from Machine/.
  for (const scope of ['User', 'Machine']) {
    const dir = path.join(userDataDir, scope);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
    } else {
      child.once('exit', () => {
        resolve();
      });
    }
  });
}

async function waitHealthy(origin: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`code-server exited with code ${child.exitCode} before it was ready`);
    }
    try {
      const res = await fetch(`${origin}/healthz`);
      if (res.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await delay(100);
  }
  throw new Error(`code-server did not answer ${origin}/healthz within ${timeoutMs} ms`);
}

export async function startCodeServer(opts: CodeServerOptions = {}): Promise<CodeServer> {
  const env = loadVsCodeEnv(opts.target);
  const port = await freePort(opts.port ?? 0);
  const tmpDir = mkdtempSync(path.join(os.tmpdir(), 'yampi-cs-'));
  const userDataDir = path.join(tmpDir, 'user-data');
  const extensionsDir = path.join(tmpDir, 'extensions');
  const configFile = path.join(tmpDir, 'config.yaml');
  const logFile = path.join(tmpDir, 'server.log');
  const serverTmp = path.join(tmpDir, 'tmp');
  mkdirSync(serverTmp, { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  // Without --config code-server writes ~/.config/code-server/config.yaml with a password.
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  writeSettings(userDataDir, { ...TEST_SETTINGS, ...opts.settings });

  const serverEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...opts.env,
    TMPDIR: serverTmp, // else /tmp/vscode-ipc-*.sock pile up
    EXTENSIONS_GALLERY: '{}', // no open-vsx.org lookups offline
  };
  // The harness's own npm/Node settings must not leak into VS Code's processes.
  delete serverEnv['NODE_OPTIONS'];
  delete serverEnv['ELECTRON_RUN_AS_NODE'];
  const common = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

  for (const vsix of opts.installExtensions ?? []) {
    const r = spawnSync(env.node, [env.codeServerEntry, ...common, '--install-extension', vsix], {
      env: serverEnv,
      encoding: 'utf8',
    });
    if (r.status !== 0 || /failed|error/i.test(r.stderr)) {
      rmSync(tmpDir, { recursive: true, force: true });
      throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
    }
  }

  const smoke = opts.smokeTestDriver ? smokeTestDriverLaunch(env) : undefined;
  const args = [
    ...(smoke?.launcher ? [smoke.launcher] : []),
    env.codeServerEntry,
    ...common,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  args.push(...(smoke?.args ?? []));
  const log = createWriteStream(logFile);
  // detached: its own process group, so stop() reaches the extension host and file watcher too.
  const child = spawn(env.node, args, { env: serverEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    stream.pipe(log, { end: false });
    if (opts.verbose) {
      stream.pipe(process.stderr, { end: false });
    }
  }
  if (child.pid !== undefined) {
    live.set(child.pid, opts.keepTmp ? undefined : tmpDir);
  }
  const origin = `http://127.0.0.1:${port}`;

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      const pid = child.pid;
      if (pid !== undefined) {
        signalGroup(pid, 'SIGTERM');
        const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), 5000);
        await exited(child);
        clearTimeout(timer);
        signalGroup(pid, 'SIGKILL'); // stragglers of the group (extension host, file watcher)
        // Wait until the group is really gone: a dying watcher could still write into tmpDir.
        for (let i = 0; i < 50 && signalGroup(pid, 0); i++) {
          await delay(100);
        }
        live.delete(pid);
      }
      log.end();
      if (!opts.keepTmp) {
        rmSync(tmpDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      }
    })();
    return stopped;
  };

  const logTail = (lines = 40): string => {
    try {
      return readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  };

  try {
    await waitHealthy(origin, child, 30_000);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n--- server log ---\n${logTail()}`, { cause: err });
  }

  return {
    origin,
    port,
    tmpDir,
    logFile,
    env,
    workbenchUrl(folder, payload) {
      let url = `${origin}/?folder=${encodeURIComponent(folder)}`;
      if (payload) {
        url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      }
      return url;
    },
    async pageConfig() {
      const html = await (await fetch(`${origin}/`)).text();
      const meta = /<meta id="vscode-workbench-web-configuration" data-settings="([^"]*)"/.exec(html);
      if (!meta?.[1]) {
        throw new Error('code-server root page has no vscode-workbench-web-configuration meta');
      }
      const json = meta[1].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      const config = JSON.parse(json) as WorkbenchConfig;
      if (opts.smokeTestDriver && config.developmentOptions?.enableSmokeTestDriver !== true) {
        throw new Error(
          `code-server ${env.versions.codeServer} did not turn on the smoke-test driver: the payload (extension tests) would be silently ignored. ` +
            'Is it still one of the releases scripts/setup-vscode.mjs pins (npm run setup:vscode)?',
        );
      }
      return config;
    },
    logTail,
    exited: exited(child),
    stop,
  };
}

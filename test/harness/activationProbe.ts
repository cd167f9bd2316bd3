// The activation probe of `npm run bench` (test/bench/activationBench.ts). The bench copies the built
// extension into a throwaway folder, copies this file next to it as `probe.js`, and points that
// copy's package.json `main` here. So in a real extension host this one module is both
//   - the extension's entry: activate() require()s the real dist/extension.js and calls its activate(),
//     timing the module evaluation and the call (sync part and until its promise settles), and
//     noting every require() made meanwhile and which Node built-ins were new to the process;
//   - the payload's tests entry: run() waits until the extension is active and writes what was
//     measured, as JSON, to $YAMPI_ACTIVATION_REPORT.
// It measures what VS Code's "Show Running Extensions" shows (code loading + activate call), at
// sub-millisecond resolution (VS Code's own numbers use Date.now()).
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import Module from 'node:module';
import * as path from 'node:path';
import type * as vscode from 'vscode';

interface Extension {
  activate?: (context: vscode.ExtensionContext) => unknown;
  deactivate?: () => unknown;
}

export interface RequireCall {
  request: string;
  /** Resolved file, or the built-in's name. */
  resolved: string;
  /** A Node built-in that no other code in this process had loaded before. */
  newBuiltin: boolean;
  /** Time inside this require(), nested ones included (`vscode`: VS Code building this extension's API object on the first call). */
  ms: number;
}

export interface ActivationReport {
  vscodeVersion: string;
  node: string;
  /** require() of dist/extension.js: reading, compiling and evaluating the bundle. */
  loadMs: number;
  /** The synchronous part of activate(). */
  activateCallMs: number;
  /**
   * CPU time (user + system, the whole extension-host process) over require() + activate(): unlike the
   * wall times it does not grow while the process waits for a core on a busy machine.
   */
  cpuMs: number;
  /** The same CPU time, split: the require() (module evaluation) and the activate() call. */
  loadCpuMs: number;
  activateCpuMs: number;
  /**
   * CPU time of the extension host's own thread over require() + activate() (Linux, else absent): the
   * time we held the thread every extension shares. Neither the waits for a core (wall) nor other
   * threads (V8's helpers, libuv's pool doing other extensions' reads) count, so this is our cost.
   */
  threadCpuMs?: number | undefined;
  loadThreadCpuMs?: number | undefined;
  activateThreadCpuMs?: number | undefined;
  /** The same host-thread measurement around nothing (median of 5): what measuring itself costs. */
  threadCpuEmptyMs?: number | undefined;
  /** From activate()'s return until its promise settled (0 when it returned no promise). */
  activateResolvedMs: number;
  /**
   * The first use after activation — `yampi.refresh` run through VS Code with nothing signed in, so
   * it is the shell loading the features chunk and building the features: wall time, process CPU,
   * and the files of this extension it loaded.
   */
  firstUse?: { ms: number; cpuMs: number; loaded: string[] };
  /**
   * Time between the `performance.mark('yampi:…')` calls of an instrumented build (ACTIVATION_DIST),
   * in order, each from the mark before it (the first from the start of require()); empty otherwise.
   */
  phases: Array<{ name: string; ms: number }>;
  loadRequires: RequireCall[];
  activateRequires: RequireCall[];
  /** Files of this extension in require.cache once active (e.g. dist/api.js would mean the API client was loaded). */
  extensionModules: string[];
  /** Any undici module in require.cache that lives under this extension. */
  undiciLoaded: boolean;
  error?: string;
}

/** Microseconds of CPU the process has used (getrusage: microsecond resolution; per-thread counters here tick in 4 ms steps). */
const cpuNowUs = (): number => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

const wake = new Int32Array(new SharedArrayBuffer(4));
/**
 * Milliseconds of CPU the calling thread has used, from /proc/thread-self/schedstat (Linux); undefined
 * elsewhere. The kernel adds a running thread's time to that counter at context switches and at
 * scheduler ticks (every 4 ms on the bench machine: too coarse), so first a 10 µs futex sleep
 * switches the thread out, which brings the counter up to now, to the nanosecond.
 */
export const threadCpuNowMs = (): number | undefined => {
  try {
    Atomics.wait(wake, 0, 0, 0.01);
    const ns = Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);
    return Number.isFinite(ns) ? ns / 1e6 : undefined;
  } catch {
    return undefined;
  }
};
const minus = (a: number | undefined, b: number | undefined): number | undefined => (a === undefined || b === undefined ? undefined : a - b);

/** The host-thread measurement around nothing, median of 5. */
function threadCpuEmpty(): number | undefined {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const before = threadCpuNowMs();
    const d = minus(threadCpuNowMs(), before);
    if (d === undefined) {
      return undefined;
    }
    samples.push(d);
  }
  return samples.sort((a, b) => a - b)[2];
}

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleInternals = Module as unknown as { _load: Load; _resolveFilename: (request: string, parent: unknown) => string };
const loadList = (): Set<string> => new Set((process as unknown as { moduleLoadList?: string[] }).moduleLoadList ?? []);

let report: Omit<ActivationReport, 'vscodeVersion'> | undefined;
let real: Extension | undefined;

/** Runs `fn` while recording every require() it makes (through Module._load, outside VS Code's own `vscode` interceptor). */
function recordRequires<T>(fn: () => T): { value: T; ms: number; calls: RequireCall[] } {
  const calls: RequireCall[] = [];
  const before = loadList();
  const original = moduleInternals._load;
  moduleInternals._load = function (this: unknown, request: string, parent: unknown, isMain: boolean): unknown {
    let resolved = request;
    try {
      resolved = request === 'vscode' ? 'vscode' : moduleInternals._resolveFilename(request, parent);
    } catch {
      // left to the real loader to report
    }
    const call: RequireCall = { request, resolved, newBuiltin: false, ms: 0 };
    calls.push(call);
    const started = performance.now();
    try {
      return original.call(this, request, parent, isMain);
    } finally {
      call.ms = performance.now() - started;
    }
  };
  const t = performance.now();
  try {
    const value = fn();
    const ms = performance.now() - t;
    const after = loadList();
    for (const call of calls) {
      const name = call.resolved.replace(/^node:/, '');
      call.newBuiltin = Module.isBuiltin(call.resolved) && !before.has(`NativeModule ${name}`) && after.has(`NativeModule ${name}`);
    }
    return { value, ms, calls };
  } finally {
    moduleInternals._load = original;
  }
}

/** Runs `fn` and times it, recording nothing. */
function timeOnly<T>(fn: () => T): { value: T; ms: number; calls: RequireCall[] } {
  const t = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t, calls: [] };
}

/** A CPU profile (sampled every 50 µs) of `fn`, when $YAMPI_ACTIVATION_PROFILE names the file to write it to. */
function profiled<T>(fn: () => T): T {
  const file = process.env['YAMPI_ACTIVATION_PROFILE'];
  if (!file) {
    return fn();
  }
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object): void => {
    // The inspector answers these synchronously in the same thread.
    session.post(method, params, (err) => {
      if (err) {
        throw err;
      }
    });
  };
  post('Profiler.enable');
  post('Profiler.setSamplingInterval', { interval: 50 });
  post('Profiler.start');
  try {
    return fn();
  } finally {
    session.post('Profiler.stop', (err, result) => {
      if (!err) {
        writeFileSync(file, JSON.stringify(result.profile));
      }
      session.disconnect();
    });
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<unknown> {
  // $YAMPI_ACTIVATION_SETTLE_MS: activate that long after VS Code asked, once the host's startup
  // (other extensions activating, their compiles and reads) is over: our own cost without theirs
  const settle = Number(process.env['YAMPI_ACTIVATION_SETTLE_MS'] ?? 0);
  if (settle > 0) {
    await new Promise((resolve) => setTimeout(resolve, settle));
  }
  return profiled(() => activateMeasured(context));
}

async function activateMeasured(context: vscode.ExtensionContext): Promise<unknown> {
  const entry = path.join(__dirname, 'dist', 'extension.js');
  // the profiled run reads no thread clock: the sampler would charge its futex sleeps to the probe
  const threadClock = process.env['YAMPI_ACTIVATION_PROFILE'] ? (): undefined => undefined : threadCpuNowMs;
  const threadCpuEmptyMs = threadClock === threadCpuNowMs ? threadCpuEmpty() : undefined;
  const threadStart = threadClock();
  const cpuStart = cpuNowUs();
  const startedAt = performance.now();
  // Recording require()s resolves every request a second time, which would be counted as ours: only
  // the traced run (YAMPI_ACTIVATION_TRACE=1) records them; the timed runs just time.
  const measure = process.env['YAMPI_ACTIVATION_TRACE'] === '1' ? recordRequires : timeOnly;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- exactly what VS Code does to load an extension
  const load = measure(() => require(entry) as Extension);
  real = load.value;
  const cpuMid = cpuNowUs();
  const threadMid = threadClock();
  const call = measure(() => real?.activate?.(context));
  const cpuEnd = cpuNowUs();
  const threadEnd = threadClock();
  let activateResolvedMs = 0;
  let result = call.value;
  if (result instanceof Promise) {
    const t = performance.now();
    result = await result;
    activateResolvedMs = performance.now() - t;
  }
  let previous = startedAt;
  const phases = performance.getEntriesByType('mark')
    .filter((m) => m.name.startsWith('yampi:') && m.startTime >= startedAt)
    .map((m) => {
      const phase = { name: m.name.slice('yampi:'.length), ms: m.startTime - previous };
      previous = m.startTime;
      return phase;
    });
  const ours = Object.keys(require.cache).filter((k) => k.startsWith(__dirname + path.sep));
  report = {
    node: process.version,
    loadMs: load.ms,
    activateCallMs: call.ms,
    cpuMs: (cpuEnd - cpuStart) / 1000,
    loadCpuMs: (cpuMid - cpuStart) / 1000,
    activateCpuMs: (cpuEnd - cpuMid) / 1000,
    threadCpuMs: minus(threadEnd, threadStart),
    loadThreadCpuMs: minus(threadMid, threadStart),
    activateThreadCpuMs: minus(threadEnd, threadMid),
    threadCpuEmptyMs,
    activateResolvedMs,
    phases,
    loadRequires: load.calls,
    activateRequires: call.calls,
    extensionModules: ours.map((k) => path.relative(__dirname, k)),
    undiciLoaded: ours.some((k) => /[\\/]undici[\\/]/.test(k) || k.endsWith(`${path.sep}api.js`)),
  };
  return result;
}

export function deactivate(): unknown {
  return real?.deactivate?.();
}

/** The payload's tests entry: waits for the activation above, then writes the report. */
export async function run(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the vscode module exists only inside the extension host
  const api = require('vscode') as typeof vscode;
  const pkg = JSON.parse(readFileSync(path.join(__dirname, 'package.json'), 'utf8')) as { publisher: string; name: string };
  const extension = api.extensions.getExtension(`${pkg.publisher}.${pkg.name}`);
  if (!extension) {
    throw new Error(`${pkg.publisher}.${pkg.name} is not loaded`);
  }
  await extension.activate();
  const file = process.env['YAMPI_ACTIVATION_REPORT'];
  if (!file) {
    throw new Error('YAMPI_ACTIVATION_REPORT is not set');
  }
  if (!report) {
    throw new Error('the extension is active but the probe measured nothing (was probe.js its main?)');
  }
  // an ACTIVATION_DIST build without the command (e.g. a bare extension, to measure the floor) skips this
  let firstUse: ActivationReport['firstUse'];
  if ((await api.commands.getCommands(true)).includes('yampi.refresh')) {
    const before = new Set(Object.keys(require.cache));
    const started = performance.now();
    const cpu = cpuNowUs();
    await api.commands.executeCommand('yampi.refresh');
    firstUse = {
      ms: performance.now() - started,
      cpuMs: (cpuNowUs() - cpu) / 1000,
      loaded: Object.keys(require.cache).filter((k) => !before.has(k) && k.startsWith(__dirname + path.sep)).map((k) => path.relative(__dirname, k)),
    };
  }
  const full: ActivationReport = { vscodeVersion: api.version, ...report, ...(firstUse ? { firstUse } : {}) };
  writeFileSync(file, JSON.stringify(full, null, 2) + '\n');
}

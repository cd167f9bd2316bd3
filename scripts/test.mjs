// `npm test` (after `pretest`: typecheck + lint). Runs, in order:
//   build (esbuild, dev) → compile tests (tsc → out/) → unit suite (mocha, plain Node)
//   → setup:vscode → integration suite inside code-server's extension host, on the newest VS Code
//   (1.139) and then on the oldest we support (1.96, engines.vscode) → package (.vsix)
//   → UI suite (the .vsix installed into code-server 1.139, driven by Playwright)
// YAMPI_VSCODE=newest|1.96 runs the integration suite on that VS Code only.
// A failing suite does not stop the next ones; a failed build step skips only what depends on it.
// Prints each suite's `N passed, N failed, N skipped` line, a summary with times, and exits 1 if anything failed.
//
// Usage: node scripts/test.mjs [--only unit|integration|ui]   (`--only integration`: both VS Code versions)
//
// The quick loop (`npm run test:quick`, `npm run test:watch`) runs the unit suite on the TypeScript
// sources through scripts/ts-hook.cjs (esbuild, transpile only), not on tsc's output in out/:
//   --quick   typecheck (TypeScript 7's tsc --noEmit --incremental, src + tests, and the webview) beside
//             the unit suite (mocha --parallel, slowest files first); prints both results and the time,
//             exits 1 if either failed
//   --watch   the unit suite, again on every change under src/ and test/ (no typecheck: the editor has it)
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const node = process.execPath;
const started = Date.now();

/** The unit suite on the TypeScript sources (scripts/ts-hook.cjs): same setup as .mocharc.json; files follow. */
const quickMocha = [
  '--no-config', '--require', 'scripts/ts-hook.cjs', '--require', 'test/unit/setup.ts', '--extension', 'ts',
  '--ui', 'bdd', '--timeout', '10000',
];
const unitGlob = 'test/unit/**/*.test.ts';
/**
 * Mocha workers for the quick loop. Three on two cores: a third of the suite's time is spent waiting
 * on real timers and sockets (deadlines, retries, the fault battery), and a third worker computes
 * meanwhile (whole quick run on this 2-core machine: 2 workers 12.8–13.9 s, 3 workers 9.9–10.1 s;
 * 4 workers 8.8–9.5 s, but with more CPU contention for the tests that measure deadlines).
 */
const quickJobs = '3';
/** How long each unit test file took in the last quick run (scripts/quick-reporter.cjs writes it). */
const durationsFile = join(root, 'out', 'quick', 'durations.json');
/** esbuild's output kept by scripts/ts-hook.cjs; emptied past this many files (old versions pile up). */
const transpiledDir = join(root, 'out', 'quick', 'transpiled');
const transpiledMax = 3000;

if (process.argv.includes('--watch')) {
  // in workers, each run starts from fresh processes: test/unit/setup.ts runs again (the catalogue it sets
  // lives in a module the watcher reloads)
  const child = spawn(node, [require.resolve('mocha/bin/mocha.js'), ...quickMocha, unitGlob, '--parallel', '--jobs', quickJobs, '--reporter', 'dot', '--watch', '--watch-files', 'src/**/*.ts,test/**/*.ts,l10n/*.json'], { cwd: root, stdio: 'inherit' });
  process.exit(await new Promise((done) => child.on('close', (code) => done(code ?? 1))));
} else if (process.argv.includes('--quick')) {
  await quick();
  process.exit(process.exitCode ?? 0);
}

/** The unit test files, longest first by the last quick run's record; files it does not know first of all. */
function unitFilesLongestFirst() {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        walk(path);
      } else if (entry.name.endsWith('.test.ts')) {
        files.push(path);
      }
    }
  };
  walk('test/unit');
  let last = {};
  try {
    last = JSON.parse(readFileSync(durationsFile, 'utf8'));
  } catch {
    // first run: file-name order
  }
  const took = (file) => (typeof last[file] === 'number' ? last[file] : Infinity);
  return files.sort((a, b) => took(b) - took(a) || a.localeCompare(b));
}

async function quick() {
  // TypeScript 7 (the native compiler, package alias typescript-7) for the quick loop's typecheck: the
  // same tsconfig files in a fifth of the time (1–2 s here instead of 3–9). `npm test` (`npm run
  // typecheck`) and ESLint keep TypeScript 6, whose API typescript-eslint needs: theirs is the verdict.
  const tscBin = join(root, 'node_modules', 'typescript-7', 'bin', 'tsc');
  const check = (config) => [tscBin, '-p', config, '--noEmit', '--incremental', '--tsBuildInfoFile', join('out', 'quick', `${config}.ts7.tsbuildinfo`)];
  if (existsSync(transpiledDir) && readdirSync(transpiledDir).length > transpiledMax) {
    rmSync(transpiledDir, { recursive: true, force: true });
  }
  const timed = async (args, capture, env) => {
    const t = Date.now();
    const r = await run(args, { capture, env });
    return { ...r, ms: Date.now() - t };
  };
  const [types, webview, unit] = await Promise.all([
    timed(check('tsconfig.test.json'), true),
    timed(check('tsconfig.webview.json'), true),
    timed([require.resolve('mocha/bin/mocha.js'), ...quickMocha, '--parallel', '--jobs', quickJobs, '--reporter', 'scripts/quick-reporter.cjs', ...unitFilesLongestFirst()], true, { YAMPI_QUICK_DURATIONS: durationsFile }),
  ]);
  const count = (word) => Number(new RegExp(`(\\d+) ${word}`).exec(unit.output)?.[1] ?? 0);
  const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
  const typesOk = types.code === 0 && webview.code === 0;
  console.log(`\n━━ quick ${'━'.repeat(69)}`);
  console.log(`  typecheck  ${(typesOk ? 'ok' : 'FAILED').padEnd(40)} ${secs(Math.max(types.ms, webview.ms)).padStart(8)}`);
  console.log(`  unit       ${`${count('passing')} passed, ${count('failing')} failed, ${count('pending')} skipped`.padEnd(40)} ${secs(unit.ms).padStart(8)}`);
  console.log(`  total      ${(typesOk && unit.code === 0 ? 'all green' : 'FAILED').padEnd(40)} ${secs(Date.now() - started).padStart(8)}`);
  process.exitCode = typesOk && unit.code === 0 ? 0 : 1;
}

const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;
if (only !== undefined && !['unit', 'integration', 'ui'].includes(only)) {
  console.error('usage: node scripts/test.mjs [--only unit|integration|ui]');
  process.exit(2);
}

const tsc = require.resolve('typescript/bin/tsc');
const mocha = require.resolve('mocha/bin/mocha.js');

const vscodeOnly = process.env.YAMPI_VSCODE || undefined;
if (vscodeOnly !== undefined && !['newest', '1.96'].includes(vscodeOnly)) {
  console.error(`YAMPI_VSCODE=${vscodeOnly}: expected newest or 1.96`);
  process.exit(2);
}

/** Runs a command with inherited output (or teed, when `capture`); resolves { code, output }. */
function run(args, { capture = false, env } = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(node, args, {
      cwd: root,
      env: env ? { ...process.env, ...env } : process.env,
      stdio: ['ignore', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'],
    });
    let output = '';
    if (capture) {
      for (const [stream, sink] of [
        [child.stdout, process.stdout],
        [child.stderr, process.stderr],
      ]) {
        stream.on('data', (chunk) => {
          output += chunk;
          sink.write(chunk);
        });
      }
    }
    child.on('close', (code, signal) => resolvePromise({ code: code ?? (signal ? 1 : 0), output }));
  });
}

const line = (r) => `${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`;

function readResult(name) {
  const file = join(root, 'test-results', `${name}-result.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

async function unitSuite() {
  const { code, output } = await run([mocha, '--config', '.mocharc.json'], { capture: true });
  const count = (word) => Number(new RegExp(`(\\d+) ${word}`).exec(output)?.[1] ?? 0);
  const r = { passed: count('passing'), failed: count('failing'), skipped: count('pending') };
  if (code !== 0 && r.failed === 0) {
    r.failed = 1; // mocha failed before running tests (e.g. a module threw while loading)
  }
  console.log(line(r));
  return { ...r, ok: code === 0 };
}

async function harnessSuite(name, script, vscode) {
  rmSync(join(root, 'test-results', `${name}-result.json`), { force: true });
  const { code } = await run([script], { env: { YAMPI_VSCODE: vscode } });
  const r = readResult(name) ?? { passed: 0, failed: 1, skipped: 0 };
  return { passed: r.passed, failed: r.failed, skipped: r.skipped, ok: code === 0 && r.ok === true };
}

// name, what it needs, which runs include it, and how to run it.
const steps = [
  { name: 'build', for: ['integration'], run: () => run(['esbuild.mjs']) },
  {
    name: 'compile',
    for: ['unit', 'integration', 'ui'],
    run: () => {
      // tsc never deletes: a test file moved or removed would still run from its old out/ copy
      for (const dir of ['src', 'test']) {
        rmSync(join(root, 'out', dir), { recursive: true, force: true });
      }
      return run([tsc, '-p', 'tsconfig.test.json']);
    },
  },
  { name: 'unit', suite: true, needs: ['compile'], for: ['unit'], run: unitSuite },
  {
    name: 'setup:vscode',
    for: ['integration', 'ui'],
    // both VS Code versions, unless only the UI suite (newest) or one version was asked for
    run: () => {
      const one = only === 'ui' ? 'newest' : vscodeOnly;
      return run(['scripts/setup-vscode.mjs', ...(one ? ['--only', one] : [])]);
    },
  },
  ...[
    { name: 'integration', vscode: 'newest' },
    { name: 'integration-1.96', vscode: '1.96' },
  ]
    .filter((v) => vscodeOnly === undefined || v.vscode === vscodeOnly)
    .map((v) => ({
      name: v.name,
      suite: true,
      needs: ['build', 'compile', 'setup:vscode'],
      for: ['integration'],
      run: () => harnessSuite(v.name, 'out/test/harness/runIntegration.js', v.vscode),
    })),
  { name: 'package', for: ['ui'], run: () => run(['scripts/package.mjs']) },
  {
    name: 'ui',
    suite: true,
    needs: ['compile', 'setup:vscode', 'package'],
    for: ['ui'],
    run: () => harnessSuite('ui', 'out/test/e2e/run.js', 'newest'),
  },
];

const results = new Map();
for (const step of steps) {
  if (only && !step.for.includes(only)) {
    continue;
  }
  const blocked = (step.needs ?? []).filter((n) => results.has(n) && !results.get(n).ok);
  console.log(`\n━━ ${step.name} ${'━'.repeat(Math.max(0, 70 - step.name.length))}`);
  if (blocked.length > 0) {
    console.log(`skipped: ${blocked.join(', ')} failed`);
    results.set(step.name, { ok: false, notRun: true, ms: 0, ...(step.suite ? { passed: 0, failed: 1, skipped: 0 } : {}) });
    continue;
  }
  const t = Date.now();
  const out = await step.run();
  const r = step.suite ? out : { ok: out.code === 0 };
  results.set(step.name, { ...r, ms: Date.now() - t });
}

const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
console.log(`\n━━ summary ${'━'.repeat(67)}`);
for (const [name, r] of results) {
  const what = r.notRun ? 'not run' : 'passed' in r ? line(r) : r.ok ? 'ok' : 'FAILED';
  console.log(`  ${name.padEnd(17)} ${what.padEnd(40)} ${secs(r.ms).padStart(8)}`);
}
const failed = [...results].filter(([, r]) => !r.ok).map(([n]) => n);
console.log(`  ${'total'.padEnd(17)} ${(failed.length ? `FAILED: ${failed.join(', ')}` : 'all green').padEnd(40)} ${secs(Date.now() - started).padStart(8)}`);
process.exitCode = failed.length ? 1 : 0;

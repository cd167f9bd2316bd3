// Mocha reporter for the quick loop (`npm run test:quick`): mocha's dot reporter, and on the way it
// adds up how long each test file's tests took and writes that to the file named by
// YAMPI_QUICK_DURATIONS. scripts/test.mjs hands the files to the workers longest first from it, the
// way Jest orders a run by the last one: a slow file that starts last would otherwise keep the run
// going alone at the end (the fault battery waits ~7 s on real timers).
const { mkdirSync, renameSync, writeFileSync } = require('node:fs');
const { dirname, relative } = require('node:path');
const Mocha = require('mocha');

const { EVENT_RUN_END, EVENT_TEST_END } = Mocha.Runner.constants;

class QuickReporter extends Mocha.reporters.Dot {
  constructor(runner, options) {
    super(runner, options);
    const durations = {};
    runner.on(EVENT_TEST_END, (test) => {
      if (typeof test.file === 'string') {
        const file = relative(process.cwd(), test.file);
        durations[file] = (durations[file] ?? 0) + (test.duration ?? 0);
      }
    });
    runner.once(EVENT_RUN_END, () => {
      const target = process.env.YAMPI_QUICK_DURATIONS;
      if (!target || Object.keys(durations).length === 0) {
        return;
      }
      try {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(`${target}.partial`, `${JSON.stringify(durations, null, 1)}\n`);
        renameSync(`${target}.partial`, target);
      } catch {
        // without the record the next run only starts in file-name order
      }
    });
  }
}

module.exports = QuickReporter;

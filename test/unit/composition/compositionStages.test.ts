// Issue 19 point 1: two composition stages and no service locator. The activation stage
// (src/host/app/services.ts, Platform) and the features factory (src/host/app/features.ts) are the only
// places that hold all services; every other host module names what it uses (Needs<…>, FeaturesWith<…>).
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

const hostFiles = (): { rel: string; text: string }[] =>
  sourceFiles(join(root, 'src', 'host')).map((f) => ({ rel: relative(root, f).split('\\').join('/'), text: readFileSync(f, 'utf8') }));

describe('composition stages', () => {
  it('only the stages name the whole set of services; no module takes a Services bag', () => {
    const whole = hostFiles().filter(({ text }) => /\bFeatureServices\b/.test(text)).map(({ rel }) => rel).sort();
    assert.deepEqual(whole, ['src/host/app/features.ts', 'src/host/app/services.ts', 'src/host/common/commandRegistry.ts']);
    const bag = hostFiles().filter(({ text }) => /\bServices\b(?!')/.test(text.replace(/\b(?:Feature|Platform|Data)Services\b/g, ''))).map(({ rel }) => rel);
    assert.deepEqual(bag, []);
  });

  it('no service getter throws until something else has run', () => {
    const services = readFileSync(join(root, 'src', 'host', 'app', 'services.ts'), 'utf8');
    assert.doesNotMatch(services, /throw\s+new\s+Error/);
    assert.doesNotMatch(services, /startData|startedData/);
  });
});

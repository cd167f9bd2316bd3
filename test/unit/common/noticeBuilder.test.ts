import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..', '..', '..');
const BUILDER = join('src', 'host', 'common', 'notify.ts');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.(ts|mts|js)$/.test(e.name) ? [p] : [];
  });
}

/** Every way VS Code's API shows a notification, a modal, a progress title or a status-bar message. */
const SHOWS = /\b(showInformationMessage|showWarningMessage|showErrorMessage|withProgress|setStatusBarMessage)\b/g;

describe('one builder for notifications, modals, progress and status-bar text', () => {
  it('src/ calls show*Message, withProgress and setStatusBarMessage only in src/host/common/notify.ts', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(root, 'src'))) {
      const rel = relative(root, file);
      if (rel === BUILDER) {
        continue;
      }
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(SHOWS)) {
        const line = text.slice(0, m.index).split('\n').length;
        offenders.push(`${rel}:${line} ${m[1] ?? ''}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('the builder itself is where they are called (sanity: the scan sees calls)', () => {
    const text = readFileSync(join(root, BUILDER), 'utf8');
    assert.equal([...text.matchAll(SHOWS)].length >= 5, true);
  });

  it('the Notifier takes built text, not strings: no method of it accepts a plain string message', () => {
    const text = readFileSync(join(root, BUILDER), 'utf8');
    const iface = /export interface Notifier \{([\s\S]*?)\n\}/.exec(text)?.[1] ?? '';
    assert.ok(iface.includes('message: Notice'), iface);
    assert.ok(!/message: string/.test(iface), iface);
  });
});

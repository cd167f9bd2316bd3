// Issue 19 point 4: our own executeCommand calls go through the typed execute<K>() (src/host/common/
// execute.ts, over src/core/commands/signatures.ts), and command ids are spelled only in COMMANDS.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { COMMANDS, OPEN_SETTINGS } from '../../../src/core/commands/ids';
import type { CommandSignatures, ExecutableCommand } from '../../../src/core/commands/signatures';

const root = join(__dirname, '..', '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Code lines (doc and line comments left out) of every src/ file, with where they are. */
function codeLines(): { where: string; line: string }[] {
  return sourceFiles(join(root, 'src')).flatMap((file) => readFileSync(file, 'utf8').split('\n').map((line, i) => ({ where: `${relative(root, file).split('\\').join('/')}:${i + 1}`, line })))
    .filter(({ line }) => !/^\s*(\*|\/\/|\/\*)/.test(line));
}

/** The signature table as a function type: what compiles here compiles for execute(). */
const run = <K extends ExecutableCommand>(id: K, ...args: CommandSignatures[K]['args']): [K, unknown[]] => [id, args];

describe('typed execute() and COMMANDS', () => {
  it('src/host runs commands only through execute() (setContext aside)', () => {
    const direct = codeLines().filter(({ where, line }) => /\bexecuteCommand\b/.test(line) && !where.startsWith('src/host/common/execute.ts:') && !/executeCommand\('setContext'/.test(line));
    assert.deepEqual(direct.map(({ where, line }) => `${where} ${line.trim()}`), []);
  });

  it('no command id is spelled outside src/core/commands/ids.ts', () => {
    const ids = new Set<string>([...Object.values(COMMANDS), OPEN_SETTINGS]);
    const literals = codeLines().filter(({ where }) => !where.startsWith('src/core/commands/ids.ts:'))
      .flatMap(({ where, line }) => [...line.matchAll(/(['"`])([\w.]+)\1/g)].filter((m) => ids.has(m[2] ?? '')).map((m) => `${where} ${m[0]}`));
    assert.deepEqual(literals, []);
  });

  it('the signatures take the arguments the handlers parse', () => {
    assert.deepEqual(run(COMMANDS.openCustomer, 12, 'loja-aurora'), [COMMANDS.openCustomer, [12, 'loja-aurora']]);
    assert.deepEqual(run(COMMANDS.setCredentials, { alias: 'loja', userToken: 't', userSecretKey: 's' })[1].length, 1);
    assert.deepEqual(run(OPEN_SETTINGS, 'yampi.apiBaseUrl'), [OPEN_SETTINGS, ['yampi.apiBaseUrl']]);
    // @ts-expect-error a customer id is a number
    run(COMMANDS.openCustomer, '12');
    // @ts-expect-error showLog takes nothing
    run(COMMANDS.showLog, 1);
    // @ts-expect-error our code does not run yampi.refresh: it is not in the table
    run(COMMANDS.refresh);
  });
});

// The lint rule that keeps the two composition stages apart (scripts/eslintActivationBoundary.mjs,
// used by eslint.config.mjs): an activation module imports host feature modules only as types.
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Linter, type Rule } from 'eslint';
import tseslint from 'typescript-eslint';
import { importScript } from '../../harness/importScript';

const root = join(__dirname, '..', '..', '..', '..');

interface Boundary {
  readonly ACTIVATION_MODULES: readonly string[];
  readonly activationBoundary: Rule.RuleModule;
}

async function boundary(): Promise<Boundary> {
  return importScript<Boundary>(join(root, 'scripts', 'eslintActivationBoundary.mjs'));
}

/** The rule's messages for `code` as if it were the file `file` (repository-relative). */
async function lint(file: string, code: string): Promise<string[]> {
  const { activationBoundary } = await boundary();
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(code, [{
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { yampi: { rules: { 'activation-boundary': activationBoundary } } },
    rules: { 'yampi/activation-boundary': 'error' },
  }], { filename: join(root, file) });
  return messages.map((m) => `${m.line}: ${m.ruleId ?? 'parse'} ${m.message}`);
}

describe('activation boundary (lint)', () => {
  it('names only modules that exist', async () => {
    const { ACTIVATION_MODULES } = await boundary();
    assert.ok(ACTIVATION_MODULES.includes('src/extension.ts'));
    assert.deepEqual(ACTIVATION_MODULES.filter((m) => !existsSync(join(root, m))), []);
  });

  it('refuses a value import of a feature module in activation code, in every import form', async () => {
    const code = [
      "import { LoadedFeatures } from './features';",
      "import { DetailPanels } from '../customers/detailPanels.js';",
      "import sessions = require('../session/storeSessions');",
      "import '../customers/customerTreeProvider';",
      "export { OrderFeature } from '../orders/orderFeature';",
      "export * from '../webhooks/workbench';",
      "import { type X, Y } from '../hover/refIndex';",
    ].join('\n');
    const found = await lint('src/host/app/shell.ts', code);
    assert.deepEqual(found.map((m) => m.split(' ')[0]), ['1:', '2:', '3:', '4:', '5:', '6:', '7:'], found.join('\n'));
    assert.ok(found.every((m) => m.includes('yampi/activation-boundary')), found.join('\n'));
    assert.equal((await lint('src/extension.ts', "import { LoadedFeatures } from './host/app/features';")).length, 1);
  });

  it('lets activation code import types of features, activation modules and core as values, and load features with import()', async () => {
    const code = [
      "import type { LoadedFeatures } from './features';",
      "import { type DetailPanels } from '../customers/detailPanels';",
      "import { Lifecycle } from '../common/lifecycle';",
      "import { notice } from '../common/notify';",
      "import { COMMANDS } from '../../core/commands/ids';",
      "import vscode = require('vscode');",
      "export type { OrderFeature } from '../orders/orderFeature';",
      "const load = () => import('./features.js');",
    ].join('\n');
    assert.deepEqual(await lint('src/host/app/shell.ts', code), []);
  });

  it('leaves feature modules free to import each other', async () => {
    assert.deepEqual(await lint('src/host/app/features.ts', "import { DetailPanels } from '../customers/detailPanels';"), []);
  });
});

// Issue 18 §2.1: outside text never acts in a notification, and destructive commands ask first
// whatever their arguments (a `command:` link can carry any), unless the argument is our own tree's node.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestApi } from '../../../src/host/testing/testSeams';
import { notificationLinks } from '../../../src/core/common/notice';
import { SANDBOX_STORES } from '../../sandbox/constants';
import { signedInToAurora, waitFor } from '../helpers';

const aurora = SANDBOX_STORES.aurora.alias;
/** The setting value the issue saw turned into a working link in our warning. */
const HOSTILE_PATTERN = '[Sign out of Yampi now](command:yampi.signOut)(\\d+)';

function logText(dir: string): string {
  const all = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? all(path.join(d, e.name)) : [path.join(d, e.name)]));
  return all(dir).map((f) => readFileSync(f, 'utf8')).join('\n');
}

describe('trust: notifications are inert, destructive commands are confirmed (issue 18 §2.1)', () => {
  const signedIn = signedInToAurora();
  let api: TestApi;
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('yampi');

  beforeEach(() => {
    api = signedIn();
  });

  afterEach(() => {
    api.answerNextModal(undefined);
  });

  it('an invalid yampi.hover.patterns entry written as a command link: the warning shows the count, no link and no pattern; the log has the pattern', async () => {
    await config().update('hover.patterns', [HOSTILE_PATTERN, 'customer_id: (\\d+)'], vscode.ConfigurationTarget.Global);
    try {
      // a hover compiles the patterns
      const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'customer_id: 1' });
      await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(0, 14));
      const warning = await waitFor('the warning about the pattern', () => {
        const last = api.shownErrors().at(-1);
        return last?.includes('yampi.hover.patterns') === true && /\b1\b/.test(last) ? last : undefined;
      });
      assert.deepEqual(notificationLinks(warning), [], `VS Code would render a link in: ${warning}`);
      assert.ok(!warning.includes('command:'), warning);
      assert.match(warning, /\b1\b/, 'the count of unusable patterns');
      const log = await waitFor('the pattern in the log', () => {
        const text = logText(api.logDir());
        return text.includes(JSON.stringify(HOSTILE_PATTERN)) ? text : undefined;
      });
      assert.ok(log.includes('yampi.hover.patterns'));
    } finally {
      await config().update('hover.patterns', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('yampi.signOut with a string argument (what a command: link carries) asks first; dismissed, nothing is deleted', async () => {
    const before = api.answeredModals().length;
    api.answerNextModal('not a button'); // the user dismisses the dialog
    assert.equal(await vscode.commands.executeCommand('yampi.signOut', aurora), false);
    assert.deepEqual(api.savedStoreAliases(), [aurora]);
    assert.ok(await api.hasSecretFor(aurora));
    assert.equal(api.answeredModals().length, before + 1, 'no confirmation was asked');
    assert.match(api.answeredModals().at(-1) ?? '', /Sign out of Yampi store|Sair da loja Yampi/);
  });

  it('yampi.signOut with an object shaped like our store node, but not ours, asks first too', async () => {
    api.answerNextModal('not a button');
    assert.equal(await vscode.commands.executeCommand('yampi.signOut', { type: 'store', alias: aurora }), false);
    assert.deepEqual(api.savedStoreAliases(), [aurora]);
  });

  it('Clear Cached Data asks first; dismissed, the Recent list stays', async () => {
    await vscode.commands.executeCommand('yampi.openCustomer', 48213907, aurora);
    await waitFor('the Recent list', () => (api.globalState()[`yampi.recent/${aurora}`] as unknown[] | undefined)?.length);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    api.answerNextModal('not a button');
    assert.equal(await vscode.commands.executeCommand('yampi.clearCache'), false);
    assert.deepEqual(api.globalState()[`yampi.recent/${aurora}`], [48213907]);
    api.answerNextModal(vscode.env.language.startsWith('pt') ? 'Limpar' : 'Clear');
    assert.equal(await vscode.commands.executeCommand('yampi.clearCache'), true);
    assert.equal(api.globalState()[`yampi.recent/${aurora}`], undefined);
  });
});

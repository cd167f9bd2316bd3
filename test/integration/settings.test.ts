// Issue 10, point 3: a repository cannot unmask personal data, and the toggle says what is in effect.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';

describe('settings a workspace cannot change', () => {
  const cfg = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('yampi');

  after(async () => {
    await cfg().update('privacy.maskSensitiveData', undefined, vscode.ConfigurationTarget.Global);
  });

  it('privacy mode is application-scoped: VS Code refuses a workspace value', async () => {
    assert.ok((vscode.workspace.workspaceFolders ?? []).length > 0, 'the suite needs a workspace folder open');
    await assert.rejects(
      Promise.resolve(cfg().update('privacy.maskSensitiveData', false, vscode.ConfigurationTarget.Workspace)),
      /user settings|application/i,
    );
    assert.equal(cfg().inspect('privacy.maskSensitiveData')?.workspaceValue, undefined);
    assert.equal(cfg().get('privacy.maskSensitiveData'), true);
  });

  it('Toggle Privacy Mode resolves the value in effect, both ways', async () => {
    assert.equal(await vscode.commands.executeCommand('yampi.togglePrivacyMode'), false);
    assert.equal(cfg().get('privacy.maskSensitiveData'), false);
    assert.equal(await vscode.commands.executeCommand('yampi.togglePrivacyMode'), true);
    assert.equal(cfg().get('privacy.maskSensitiveData'), true);
  });

  it('declares the settings a Restricted Mode workspace may not set', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const pkg = JSON.parse(readFileSync(path.join(ext.extensionPath, 'package.json'), 'utf8')) as {
      capabilities: { untrustedWorkspaces: { restrictedConfigurations?: string[] } };
    };
    assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations?.sort(), ['yampi.cache.ttlSeconds', 'yampi.hover.patterns', 'yampi.requestTimeoutSeconds']);
  });
});

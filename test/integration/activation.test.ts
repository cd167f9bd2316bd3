// Runs inside the real extension host: the extension activates and every command it declares
// in package.json is registered.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'yampi-tools.yampi-customers';

interface Manifest {
  engines: { vscode: string };
  contributes?: { commands?: { command: string }[] };
}

function versionParts(v: string): number[] {
  return v.replace(/^[^\d]*/, '').split(/[.-]/).slice(0, 3).map(Number);
}

describe('activation', () => {
  let extension: vscode.Extension<unknown>;
  let manifest: Manifest;

  before(() => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `extension ${EXTENSION_ID} is not installed in this extension host`);
    extension = found;
    manifest = JSON.parse(readFileSync(path.join(extension.extensionPath, 'package.json'), 'utf8')) as Manifest;
  });

  it(`runs in VS Code ${vscode.version} (${vscode.env.appHost}), at least engines.vscode`, () => {
    const [major = 0, minor = 0] = versionParts(vscode.version);
    const [minMajor = 0, minMinor = 0] = versionParts(manifest.engines.vscode);
    assert.ok(major > minMajor || (major === minMajor && minor >= minMinor), `${vscode.version} < ${manifest.engines.vscode}`);
  });

  it('activates', async () => {
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('registers every command declared in package.json', async () => {
    const declared = (manifest.contributes?.commands ?? []).map((c) => c.command);
    assert.ok(declared.length > 0, 'package.json declares no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `declared in package.json but not registered: ${missing.join(', ')}`);
  });
});

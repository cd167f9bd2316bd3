// Keys in source (product.md § Keys in source, issue 22) in the real extension host: Problems
// entries on open documents, git's ignore rules (the Git extension's answer, and the .gitignore
// fallback), the quick fixes and the workspace scan. Files are written at test time into folders of
// the fixture workspace (git-ignored by this repository) and removed afterwards.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SANDBOX_STORES, SANDBOX_USERS } from '../sandbox/constants';
import { SK, TOKENS, WH } from '../unit/keys/corpus';
import { closeAllEditors, extensionApi, extensionLog, signOutAll, waitFor } from './helpers';

const folder = (): string => {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the suite opens test/fixtures/workspace');
  return f.uri.fsPath;
};
/** A folder with no repository of its own: ignore rules come from its .gitignore (the fallback). */
const plainDir = (): string => path.join(folder(), 'keys-tmp-plain');
/** A folder with its own git repository, which the Git extension is asked to open. */
const repoDir = (): string => path.join(folder(), 'keys-tmp-repo');

function write(file: string, text: string | Uint8Array): vscode.Uri {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return vscode.Uri.file(file);
}

function yampiDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Yampi');
}

async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** Waits until the document has `n` Yampi entries (n > 0), or, for n = 0, until a later sentinel document got its own. */
async function entries(uri: vscode.Uri, n: number): Promise<vscode.Diagnostic[]> {
  if (n > 0) {
    return waitFor(`${n} Yampi entries on ${path.basename(uri.fsPath)}`, () => {
      const d = yampiDiagnostics(uri);
      return d.length === n ? d : undefined;
    });
  }
  // absence: open a sentinel with a key after it; once the sentinel has its entry, ours had its turn
  const sentinel = write(path.join(plainDir(), `sentinel-${Date.now()}.js`), `const k = '${SK[3]}';\n`);
  await vscode.workspace.openTextDocument(sentinel);
  await waitFor('the sentinel entry', () => yampiDiagnostics(sentinel).length === 1);
  await new Promise((r) => setTimeout(r, 400));
  return yampiDiagnostics(uri);
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
}

/** Writes the file only git's config ignores, and opens it. */
function onlyGitFile(uri: vscode.Uri): vscode.Uri {
  write(uri.fsPath, `secret = ${SK[0]}\n`);
  void vscode.workspace.openTextDocument(uri);
  return uri;
}

/** Runs a code action's command, as choosing it in the quick fix menu does. */
function runFix(action: vscode.CodeAction | undefined, ...extra: unknown[]): Thenable<unknown> {
  const c = action?.command;
  assert.ok(c, 'no such quick fix');
  return vscode.commands.executeCommand(c.command, ...((c.arguments ?? []) as unknown[]), ...extra);
}

async function fixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range);
  return actions.filter((a) => a.command?.command.startsWith('yampi.keys.'));
}

interface GitApiLike {
  openRepository?(root: vscode.Uri): Promise<unknown>;
  getRepository(uri: vscode.Uri): unknown;
}

describe('keys in source', () => {
  /** The workspace root's .env and .gitignore (Move to .env writes them), restored after. */
  const rootFiles = (): string[] => ['.env', '.gitignore'].map((f) => path.join(folder(), f));
  const saved = new Map<string, string | undefined>();

  before(async () => {
    await extensionApi();
    for (const f of rootFiles()) {
      let text: string | undefined;
      try {
        text = readFileSync(f, 'utf8');
      } catch {
        text = undefined;
      }
      saved.set(f, text);
    }
    rmSync(plainDir(), { recursive: true, force: true });
    rmSync(repoDir(), { recursive: true, force: true });
    write(path.join(plainDir(), '.gitignore'), '.env.local\nignored/\n');
    // a repository with a committed file, an untracked one and an ignored .env
    write(path.join(repoDir(), '.gitignore'), '.env\n');
    write(path.join(repoDir(), 'committed.py'), `import requests\nTOKEN = "${TOKENS[0]}"\nSECRET = '${SK[0]}'\n`);
    git(repoDir(), 'init', '-q');
    git(repoDir(), 'add', '.gitignore', 'committed.py');
    git(repoDir(), 'commit', '-q', '-m', 'init');
    write(path.join(repoDir(), 'draft.ts'), `export const secret = '${SK[1]}';\n`);
    write(path.join(repoDir(), '.env'), `YAMPI_USER_SECRET_KEY=${SK[2]}\n`);
    write(path.join(repoDir(), '..', 'keys-tmp-plain', 'git-excludes'), 'notes-only-git-ignores.txt\n');
    git(repoDir(), 'config', 'core.excludesFile', path.join(plainDir(), 'git-excludes'));
  });

  after(async () => {
    await vscode.workspace.getConfiguration('git').update('enabled', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
    rmSync(plainDir(), { recursive: true, force: true });
    rmSync(repoDir(), { recursive: true, force: true });
    for (const [f, text] of saved) {
      if (text === undefined) {
        rmSync(f, { force: true });
      } else {
        writeFileSync(f, text);
      }
    }
  });

  it('a key in an open document is a Warning from source Yampi on the key, updated as the document changes; the message never repeats it', async () => {
    const uri = write(path.join(plainDir(), 'client.js'), `const secret = process.env.YAMPI_SECRET || '${SK[0]}';\n`);
    const doc = await open(uri);
    const [d] = await entries(uri, 1);
    assert.ok(d);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(doc.getText(d.range), SK[0]);
    assert.equal(d.code, 'yampi-user-secret-key');
    assert.ok(!d.message.includes(SK[0].slice(3, 7)), d.message);
    // typing a webhook secret on a new line adds an entry; deleting both keys clears them
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    await editor.edit((e) => { e.insert(new vscode.Position(1, 0), `const hook = "${WH[0]}";\n`); });
    const two = await entries(uri, 2);
    assert.deepEqual(two.map((x) => x.code), ['yampi-user-secret-key', 'yampi-webhook-secret']);
    await editor.edit((e) => { e.delete(new vscode.Range(0, 0, doc.lineCount, 0)); });
    await waitFor('the entries to go', () => yampiDiagnostics(uri).length === 0);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('.gitignore fallback: files the folder\'s .gitignore ignores (.env.local, an ignored folder) are not flagged; others are', async () => {
    const ignored = write(path.join(plainDir(), '.env.local'), `YAMPI_USER_SECRET_KEY=${SK[1]}\n`);
    const inFolder = write(path.join(plainDir(), 'ignored', 'config.json'), `{"secret": "${SK[1]}"}\n`);
    const kept = write(path.join(plainDir(), '.env.example'), `YAMPI_USER_TOKEN=${TOKENS[1]}\nYAMPI_USER_SECRET_KEY=${SK[1]}\n`);
    await vscode.workspace.openTextDocument(ignored);
    await vscode.workspace.openTextDocument(inFolder);
    await vscode.workspace.openTextDocument(kept);
    assert.equal((await entries(kept, 2)).length, 2);
    assert.deepEqual(await entries(ignored, 0), []);
    assert.deepEqual(yampiDiagnostics(inFolder), []);
  });

  it('Git extension: git-ignored .env is not flagged; a committed file says "committed — rotate it", an untracked one "not committed yet"', async () => {
    const ext = vscode.extensions.getExtension<{ getAPI(v: 1): GitApiLike }>('vscode.git');
    assert.ok(ext, 'the built-in Git extension is present in code-server');
    // the harness turns git off (quiet profile); this test turns it on and waits for its model
    await vscode.workspace.getConfiguration('git').update('enabled', true, vscode.ConfigurationTarget.Global);
    const exports = ext.isActive ? ext.exports : await ext.activate();
    const api = await waitFor('the Git extension model', () => { try { return exports.getAPI(1); } catch { return undefined; } }, 15000);
    assert.equal(typeof api.openRepository, 'function', 'Git API without openRepository');
    await api.openRepository?.(vscode.Uri.file(repoDir()));
    await waitFor('the Git extension to know the repository', () => api.getRepository(vscode.Uri.file(path.join(repoDir(), 'draft.ts'))) !== null);
    const committed = vscode.Uri.file(path.join(repoDir(), 'committed.py'));
    const draft = vscode.Uri.file(path.join(repoDir(), 'draft.ts'));
    const env = vscode.Uri.file(path.join(repoDir(), '.env'));
    await vscode.workspace.openTextDocument(env);
    await vscode.workspace.openTextDocument(committed);
    await vscode.workspace.openTextDocument(draft);
    const c = await entries(committed, 2);
    assert.ok(c.every((d) => d.message.includes('committed — rotate it: change the Yampi account password')), c.map((d) => d.message).join('\n'));
    const [u] = await entries(draft, 1);
    assert.match(u?.message ?? '', /not committed yet/);
    const envEntries = await entries(env, 0);
    assert.deepEqual(envEntries, [], `the git-ignored .env was flagged; the extension's log says:\n${extensionLog(await extensionApi()).join('\n').split('\n').filter((l) => /Keys in source|Git/i.test(l)).slice(-40).join('\n')}`);
    // only git knows this rule (the repository's own excludes file, set in its config): the
    // fallback would flag the file, so no entry proves the Git extension answered
    const onlyGit = vscode.Uri.file(path.join(repoDir(), 'notes-only-git-ignores.txt'));
    assert.deepEqual(await entries(onlyGitFile(onlyGit), 0), []);
  });

  it('quick fixes: Move to .env adds the variable, git-ignores .env and replaces the literal with process.env.NAME', async () => {
    const uri = write(path.join(plainDir(), 'move', 'client.ts'), `const secret = process.env.YAMPI_SECRET || '${SK[2]}';\nconst other = "${SK[3]}";\n`);
    const doc = await open(uri);
    const [d] = await entries(uri, 2);
    assert.ok(d);
    const ours = await fixes(uri, d.range);
    assert.deepEqual(ours.map((a) => a.title), ['Move to .env', 'Ignore this occurrence']);
    assert.ok(!JSON.stringify(ours[0]?.command?.arguments).includes(SK[2].slice(3)), 'the key travels in the command arguments');
    assert.equal(await runFix(ours[0]), true);
    assert.equal(doc.lineAt(0).text, 'const secret = process.env.YAMPI_SECRET;');
    const env = readFileSync(path.join(folder(), '.env'), 'utf8');
    assert.ok(env.includes(`YAMPI_SECRET=${SK[2]}\n`), env);
    assert.ok(readFileSync(path.join(folder(), '.gitignore'), 'utf8').split('\n').includes('.env'));
    // the second key of the file: a plain literal becomes process.env.YAMPI_USER_SECRET_KEY
    const [second] = await entries(uri, 1);
    assert.ok(second);
    assert.equal(await runFix((await fixes(uri, second.range)).find((a) => a.title === 'Move to .env')), true);
    assert.equal(doc.lineAt(1).text, 'const other = process.env.YAMPI_USER_SECRET_KEY;');
    await waitFor('no entry left', () => yampiDiagnostics(uri).length === 0);
    // .env itself is git-ignored now: opening it flags nothing
    assert.deepEqual(await entries(vscode.Uri.file(path.join(folder(), '.env')), 0), []);
    await doc.save();
  });

  it('quick fixes: Ignore this occurrence drops the entry and keeps it dropped after the document changes', async () => {
    const uri = write(path.join(plainDir(), 'ignore-me.yaml'), `yampi:\n  secret: ${SK[0]}\n  other: ${SK[1]}\n`);
    const doc = await open(uri);
    const [first] = await entries(uri, 2);
    assert.ok(first);
    assert.equal(await runFix((await fixes(uri, first.range)).find((a) => a.title === 'Ignore this occurrence')), true);
    const [left] = await entries(uri, 1);
    assert.equal(doc.getText(left?.range), SK[1]);
    const editor = vscode.window.activeTextEditor;
    await editor?.edit((e) => { e.insert(new vscode.Position(0, 0), '# settings\n'); });
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(yampiDiagnostics(uri).length, 1);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('quick fixes: Sign in with these credentials validates the pair with Yampi and saves it (alias asked)', async () => {
    const api = await extensionApi();
    await signOutAll(api);
    const user = SANDBOX_USERS.realShape;
    const uri = write(path.join(plainDir(), 'yampi.php'), `<?php\n$yampi = new Yampi('${user.userToken}', '${user.userSecretKey}');\n`);
    await open(uri);
    const found = await entries(uri, 2);
    const secret = found.find((d) => d.code === 'yampi-user-secret-key');
    assert.ok(secret);
    const actions = await fixes(uri, secret.range);
    assert.deepEqual(actions.map((a) => a.title), ['Move to .env', 'Sign in with these credentials', 'Ignore this occurrence']);
    // the alias box opens pre-filled (a third argument); accepting it runs Set Credentials
    const done = runFix(actions[1], SANDBOX_STORES.aurora.alias);
    await new Promise((r) => setTimeout(r, 500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await done, true);
    assert.deepEqual(api.savedStoreAliases(), [SANDBOX_STORES.aurora.alias]);
    await signOutAll(api);
  });

  it('Scan Workspace for Credentials: lists keys of files not open, skips ignored, binary and >1 MB files, resolves the number of findings', async () => {
    await closeAllEditors();
    const notOpen = write(path.join(plainDir(), 'scan', 'settings.py'), `YAMPI_TOKEN = "${TOKENS[2]}"\n`);
    const binary = write(path.join(plainDir(), 'scan', 'blob.bin'), Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(`sk=${SK[0]}`)]));
    const big = write(path.join(plainDir(), 'scan', 'big.js'), `const s = '${SK[0]}';\n${'// filler\n'.repeat(110_000)}`);
    const ignored = vscode.Uri.file(path.join(plainDir(), '.env.local'));
    const count = await vscode.commands.executeCommand<number>('yampi.scanWorkspaceForKeys');
    assert.equal(typeof count, 'number');
    assert.equal(yampiDiagnostics(notOpen).length, 1);
    assert.deepEqual([yampiDiagnostics(binary).length, yampiDiagnostics(big).length, yampiDiagnostics(ignored).length], [0, 0, 0]);
    assert.equal(yampiDiagnostics(vscode.Uri.file(path.join(repoDir(), '.env'))).length, 0);
    const all = vscode.languages.getDiagnostics().reduce((n, [, ds]) => n + ds.filter((d) => d.source === 'Yampi').length, 0);
    assert.equal(count, all, 'the count is the number of Problems entries');
    assert.ok(count >= 4, `only ${count} findings`);
  });

  it('yampi.keys.enabled: false clears every entry and the scan says it is off', async () => {
    const config = vscode.workspace.getConfiguration('yampi');
    await config.update('keys.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      await waitFor('every Yampi entry to go', () => vscode.languages.getDiagnostics().every(([, ds]) => ds.every((d) => d.source !== 'Yampi')));
      assert.equal(await vscode.commands.executeCommand('yampi.scanWorkspaceForKeys'), 0);
    } finally {
      await config.update('keys.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});

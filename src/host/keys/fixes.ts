import vscode = require('vscode');
import { COMMANDS } from '../../core/commands/ids';
import { envEntry, gitignoreAddition, moveEdit, preferredEnvName } from '../../core/keys/moveToEnv';
import type { KeyFinding } from '../../core/keys/scanner';
import { isValidAlias } from '../../core/credentials/stores';
import { DIAGNOSTIC_SOURCE } from '../../core/keys/messages';
import type { KeysFeature } from './keysFeature';
import { readText } from './gitStatus';
import { notice } from '../common/notify';
import { execute } from '../common/execute';

/** A finding named by the command arguments a quick fix carries: the document and the key's offset (never the key). */
interface Target {
  readonly doc: vscode.TextDocument;
  readonly text: string;
  readonly finding: KeyFinding;
  readonly findings: readonly KeyFinding[];
}

/**
 * The quick fixes on a key's Problems entry: *Move to .env*, *Sign in with these credentials*
 * (when the file holds a User-Token and a User-Secret-Key) and *Ignore this occurrence*. Each is a
 * command whose arguments are the document and the key's offset; the command reads the key from
 * the document again, so no key ever travels in a command's arguments.
 */
export class KeyFixes implements vscode.CodeActionProvider {
  constructor(private readonly feature: KeysFeature) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) {
      return [];
    }
    const findings = this.feature.findings(doc.uri, doc.getText());
    const canSignIn = findings.some((f) => f.kind === 'secretKey') && findings.some((f) => f.kind === 'userToken');
    const actions: vscode.CodeAction[] = [];
    for (const d of ours) {
      const offset = doc.offsetAt(d.range.start);
      if (!findings.some((f) => f.start === offset)) {
        continue; // the entry is stale: the text changed since
      }
      const args = [doc.uri.toString(), offset];
      const action = (title: string, command: string, preferred = false): void => {
        const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        a.diagnostics = [d];
        a.isPreferred = preferred;
        a.command = { title, command, arguments: args };
        actions.push(a);
      };
      action(vscode.l10n.t('Move to .env'), COMMANDS.keysMoveToEnv, true);
      if (canSignIn) {
        action(vscode.l10n.t('Sign in with these credentials'), COMMANDS.keysSignIn);
      }
      action(vscode.l10n.t('Ignore this occurrence'), COMMANDS.keysIgnoreOccurrence);
    }
    return actions;
  }

  /** The document and the finding at `offset`, or undefined (said to the user) when the key is no longer there. */
  private async target(uriArg: unknown, offsetArg: unknown): Promise<Target | undefined> {
    if (typeof uriArg !== 'string' || typeof offsetArg !== 'number' || !Number.isSafeInteger(offsetArg)) {
      return undefined;
    }
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uriArg, true));
    const text = doc.getText();
    const findings = this.feature.findings(doc.uri, text);
    const finding = findings.find((f) => f.start === offsetArg);
    if (!finding) {
      void this.feature.services.notifier.info(notice('That key is no longer there: the file changed.'));
      return undefined;
    }
    return { doc, text, finding, findings };
  }

  /** Adds the key to the workspace folder's .env, makes sure git ignores .env, and replaces the literal. */
  async moveToEnv(uriArg: unknown, offsetArg: unknown): Promise<boolean> {
    const t = await this.target(uriArg, offsetArg);
    if (!t) {
      return false;
    }
    const { doc, text, finding } = t;
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri)?.uri ?? (doc.uri.scheme === 'untitled' ? undefined : vscode.Uri.joinPath(doc.uri, '..'));
    if (!folder) {
      void this.feature.services.notifier.info(notice('Save the file in a workspace folder first: the key goes to the .env file of that folder.'));
      return false;
    }
    const envUri = vscode.Uri.joinPath(folder, '.env');
    const status = await this.feature.git.status(doc.uri);
    const key = text.slice(finding.start, finding.end);
    const envText = (await readText(envUri)) ?? '';
    const entry = envEntry(envText, preferredEnvName(text, finding, doc.languageId), key);
    if (entry.append !== undefined) {
      await vscode.workspace.fs.writeFile(envUri, new TextEncoder().encode(envText + entry.append));
    }
    const gitignoreUri = vscode.Uri.joinPath(folder, '.gitignore');
    const gitignoreText = (await readText(gitignoreUri)) ?? '';
    const addition = gitignoreAddition(gitignoreText);
    if (addition !== undefined) {
      await vscode.workspace.fs.writeFile(gitignoreUri, new TextEncoder().encode(gitignoreText + addition));
    }
    const edit = moveEdit(text, finding, doc.languageId, entry.name);
    const we = new vscode.WorkspaceEdit();
    we.replace(doc.uri, new vscode.Range(doc.positionAt(edit.start), doc.positionAt(edit.end)), edit.text);
    const applied = await vscode.workspace.applyEdit(we);
    this.feature.git.forget();
    if (!applied) {
      void this.feature.services.notifier.error(notice('The key was added to .env as {0}, but the file could not be edited: replace the key by hand.', entry.name));
      return false;
    }
    void this.feature.services.notifier.info(status.tracking === 'tracked'
      ? notice('Moved to .env as {0}. The key was committed: it stays in git history, so rotate it (change the Yampi account password).', entry.name)
      : notice('Moved to .env as {0}; .env is git-ignored.', entry.name));
    return true;
  }

  /**
   * Runs Set Credentials (validated with Yampi, then kept in SecretStorage only) with the
   * User-Token and User-Secret-Key of this file; the store alias is still asked.
   */
  async signIn(uriArg: unknown, offsetArg: unknown, aliasArg?: unknown): Promise<boolean> {
    const t = await this.target(uriArg, offsetArg);
    if (!t) {
      return false;
    }
    const secret = t.finding.kind === 'secretKey' ? t.finding : t.findings.find((f) => f.kind === 'secretKey');
    // the token written nearest to the secret
    const token = secret && t.findings.filter((f) => f.kind === 'userToken').sort((a, b) => Math.abs(a.start - secret.start) - Math.abs(b.start - secret.start))[0];
    if (!secret || !token) {
      void this.feature.services.notifier.info(notice('This file does not hold both a User-Token and a User-Secret-Key.'));
      return false;
    }
    const alias = await vscode.window.showInputBox({
      title: vscode.l10n.t('Sign in with the credentials in this file'),
      prompt: vscode.l10n.t('Alias of the Yampi store these credentials belong to (Perfil › Credenciais de API). They are checked with Yampi, then kept in VS Code\'s secret storage.'),
      placeHolder: 'minha-loja',
      value: typeof aliasArg === 'string' && isValidAlias(aliasArg) ? aliasArg : '',
      ignoreFocusOut: true,
      validateInput: (v) => (isValidAlias(v.trim()) ? undefined : vscode.l10n.t('Lowercase letters, digits and hyphens only, like minha-loja.')),
    });
    if (alias === undefined) {
      return false;
    }
    const saved = await execute(COMMANDS.setCredentials, {
      alias: alias.trim(),
      userToken: t.text.slice(token.start, token.end),
      userSecretKey: t.text.slice(secret.start, secret.end),
    });
    if (saved === true) {
      void this.feature.services.notifier.info(notice('Connected to Yampi store "{0}" with the credentials in this file. They are now in VS Code\'s secret storage: remove them from the file.', alias.trim()));
    }
    return saved === true;
  }

  /** Remembers this occurrence (file + key, hashed) so it is not flagged again in this workspace. */
  async ignore(uriArg: unknown, offsetArg: unknown): Promise<boolean> {
    const t = await this.target(uriArg, offsetArg);
    if (!t) {
      return false;
    }
    await this.feature.ignoreOccurrence(t.doc.uri, t.text.slice(t.finding.start, t.finding.end));
    await this.feature.analyze(t.doc);
    return true;
  }
}

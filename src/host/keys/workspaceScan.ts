import vscode = require('vscode');
import ignore from 'ignore';
import { type GitignoreFile, GitignoreRules } from '../../core/keys/gitignoreRules';
import { filterInSlices, isScannableText, MAX_FILE_BYTES, scanFiles } from '../../core/keys/workspaceScan';
import type { KeysFeature } from './keysFeature';
import { readText, relativePath } from './gitStatus';
import { notice, noticeOf } from '../common/notify';

/** At most this many files per workspace folder are listed. */
export const MAX_FILES = 20_000;
/** The whole scan stops starting new files after this long. */
export const SCAN_BUDGET_MS = 120_000;
/** Files read at the same time. */
const CONCURRENCY = 4;

const pause = (): Promise<void> => new Promise((resolve) => { setImmediate(resolve); });

/**
 * `Yampi: Scan Workspace for Credentials`: every file of every workspace folder that git does not
 * ignore and `files.exclude` does not hide, skipping binaries and files over 1 MB, in the background
 * with a cancellable progress notification, within SCAN_BUDGET_MS. Findings go to Problems like an
 * open document's. Resolves the number of findings.
 */
export async function scanWorkspace(feature: KeysFeature): Promise<number> {
  const notifier = feature.services.notifier;
  if (!feature.enabled) {
    void notifier.info(notice('Keys in source is off (setting yampi.keys.enabled).'));
    return 0;
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void notifier.info(notice('Open a folder to scan it for Yampi keys.'));
    return 0;
  }
  const started = performance.now();
  const result = await notifier.progress(
    { location: vscode.ProgressLocation.Notification, title: notice('Scanning the workspace for Yampi keys'), cancellable: true },
    async (progress, token) => {
      const before = new Set(feature.scanned);
      feature.scanned.clear();
      let findings = 0;
      let files = 0;
      let timedOut = false;
      let capped = false;
      for (const folder of folders) {
        if (token.isCancellationRequested) {
          break;
        }
        progress.report({ message: notice('listing files in {0}…', folder.name) });
        const rules = lazyRules(folder.uri);
        const listed = await listFiles(folder, rules, token);
        capped ||= listed.length >= MAX_FILES;
        const ignored = await feature.git.ignoredAmong(folder.uri, listed, rules);
        const candidates = await filterInSlices(listed, (u) => !ignored.has(u.toString()), 100, pause);
        const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
        let lastReport = 0;
        const summary = await scanFiles(candidates, (uri) => readCandidate(uri, open), async (uri, text) => {
          const found = feature.findings(uri, text);
          // files with findings are few: git is asked about each (its own repository, nested ones too)
          const status = await feature.git.status(uri);
          if (feature.publish(uri, text, status.ignored ? [] : found, status.tracking) > 0) {
            feature.scanned.add(uri.toString());
            findings += found.length;
            files++;
          }
        }, {
          concurrency: CONCURRENCY,
          now: () => performance.now(),
          deadline: started + SCAN_BUDGET_MS,
          cancelled: () => token.isCancellationRequested,
          pause,
          progress: (done, total) => {
            if (done - lastReport >= 100 || done === total) {
              progress.report({ message: notice('{0} of {1} files in {2}', done, total, folder.name), increment: ((done - lastReport) / total / folders.length) * 100 });
              lastReport = done;
            }
          },
        });
        timedOut ||= summary.timedOut;
      }
      // entries of the previous scan for files now clean (or no longer scanned) go, unless the file is open
      const openNow = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
      for (const u of before) {
        if (!feature.scanned.has(u) && !openNow.has(u)) {
          feature.diagnostics.delete(vscode.Uri.parse(u, true));
        }
      }
      return { findings, files, timedOut, capped, cancelled: token.isCancellationRequested };
    },
  );
  feature.services.logger.info(`Keys in source: workspace scan found ${result.findings} in ${result.files} files in ${Math.round(performance.now() - started)} ms${result.timedOut ? ' (stopped at the time limit)' : ''}${result.cancelled ? ' (cancelled)' : ''}.`);
  const note = result.cancelled
    ? vscode.l10n.t('The scan was cancelled: only part of the workspace was scanned.')
    : result.timedOut
      ? vscode.l10n.t('The scan stopped at its time limit: only part of the workspace was scanned.')
      : result.capped
        ? vscode.l10n.t('Only the first {0} files of a folder were scanned.', MAX_FILES)
        : '';
  const summary = result.findings === 0
    ? vscode.l10n.t('No Yampi keys found in the workspace.')
    : vscode.l10n.t('{0} Yampi keys found in {1} files: see Problems.', result.findings, result.files);
  void notifier.info(noticeOf(note === '' ? summary : `${summary} ${note}`));
  return result.findings;
}

/** An open document's text, else the file's if it is text and at most 1 MB; undefined to skip it. */
async function readCandidate(uri: vscode.Uri, open: ReadonlyMap<string, vscode.TextDocument>): Promise<string | undefined> {
  const doc = open.get(uri.toString());
  if (doc) {
    return doc.getText();
  }
  const stat = await vscode.workspace.fs.stat(uri);
  if (stat.size > MAX_FILE_BYTES || (stat.type & vscode.FileType.File) === 0) {
    return undefined;
  }
  const bytes = await vscode.workspace.fs.readFile(uri);
  return isScannableText(bytes) ? new TextDecoder().decode(bytes) : undefined;
}

/** The folder's `.gitignore` files as rules, read once when first needed. */
function lazyRules(folder: vscode.Uri): () => Promise<GitignoreRules> {
  let rules: Promise<GitignoreRules> | undefined;
  return () => {
    rules ??= (async () => {
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/.gitignore'), undefined, 1000).then((l) => l, () => []);
      const files: GitignoreFile[] = [];
      for (const uri of [...found, vscode.Uri.joinPath(folder, '.gitignore')]) {
        const rel = relativePath(folder, uri);
        const text = await readText(uri);
        if (rel !== undefined && text !== undefined && !files.some((f) => f.dir === rel.replace(/\/?\.gitignore$/, ''))) {
          files.push({ dir: rel.replace(/\/?\.gitignore$/, ''), text });
        }
      }
      const exclude = await readText(vscode.Uri.joinPath(folder, '.git', 'info', 'exclude'));
      if (exclude !== undefined) {
        files.push({ dir: '', text: exclude });
      }
      return new GitignoreRules(files);
    })();
    return rules;
  };
}

/**
 * The folder's files, `files.exclude` applied: VS Code's file search when it answers, else (a host
 * without a search provider, e.g. a virtual file system) a walk of the folder that leaves out
 * `.git`, git-ignored folders and `files.exclude` globs.
 */
async function listFiles(folder: vscode.WorkspaceFolder, rules: () => Promise<GitignoreRules>, token: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*'), undefined, MAX_FILES, token).then((l) => l, () => []);
  return found.length > 0 ? found : walk(folder, await rules(), token);
}

async function walk(folder: vscode.WorkspaceFolder, rules: GitignoreRules, token: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const excludes = vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude') ?? {};
  const hidden = ignore().add(Object.entries(excludes).filter(([, v]) => v === true).map(([glob]) => glob));
  const out: vscode.Uri[] = [];
  const queue: string[] = [''];
  while (queue.length > 0 && out.length < MAX_FILES && !token.isCancellationRequested) {
    const dir = queue.shift() ?? '';
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(dir === '' ? folder.uri : vscode.Uri.joinPath(folder.uri, dir));
    } catch {
      continue;
    }
    for (const [name, type] of entries) {
      const rel = dir === '' ? name : `${dir}/${name}`;
      const isDir = (type & vscode.FileType.Directory) !== 0;
      const path = isDir ? `${rel}/` : rel;
      if (name === '.git' || hidden.ignores(path) || rules.ignores(path)) {
        continue;
      }
      if (isDir) {
        queue.push(rel);
      } else if ((type & vscode.FileType.File) !== 0) {
        out.push(vscode.Uri.joinPath(folder.uri, rel));
      }
    }
    await pause();
  }
  return out.slice(0, MAX_FILES);
}

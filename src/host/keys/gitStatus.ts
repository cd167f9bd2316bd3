import { execFile } from 'node:child_process';
import vscode = require('vscode');
import { type GitignoreFile, GitignoreRules } from '../../core/keys/gitignoreRules';
import type { Tracking } from '../../core/keys/messages';
import { filterInSlices } from '../../core/keys/workspaceScan';
import type { Logger } from '../../core/common/logger';

/** The parts of the built-in Git extension's API (`vscode.git`, getAPI(1)) this feature uses. */
interface GitRepository {
  readonly rootUri: vscode.Uri;
  checkIgnore(paths: string[]): Promise<Set<string>>;
}
interface GitApi {
  readonly state?: 'uninitialized' | 'initialized';
  readonly onDidChangeState?: vscode.Event<string>;
  readonly git?: { readonly path?: string };
  getRepository(uri: vscode.Uri): GitRepository | null;
}
interface GitExtension {
  readonly enabled?: boolean;
  getAPI(version: 1): GitApi;
}

/** What git says about one file. */
export interface FileStatus {
  readonly ignored: boolean;
  readonly tracking: Tracking;
}

/** Every git call ends within this (a slow disk or a huge repository must not hold the feature). */
const GIT_TIMEOUT_MS = 5000;
/** Files handled between two turns of the event loop when many are asked about at once. */
const SLICE = 100;
const pause = (): Promise<void> => new Promise((resolve) => { setImmediate(resolve); });
/** How long an answer about a file stays good (a `git add` or a new rule shows within this). */
const CACHE_MS = 5000;

function withTimeout<T>(p: Thenable<T>, ms: number, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => { resolve(fallback); }, ms);
    Promise.resolve(p).then((v) => { clearTimeout(timer); resolve(v); }, () => { clearTimeout(timer); resolve(fallback); });
  });
}

/** Runs git in `cwd`; undefined when git is missing, fails (not a repository) or times out. */
function runGit(gitPath: string, cwd: string, args: readonly string[], maxBuffer = 1024 * 1024): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(gitPath, [...args], { cwd, timeout: GIT_TIMEOUT_MS, maxBuffer, windowsHide: true }, (err, stdout) => {
      resolve(err ? undefined : stdout);
    });
  });
}

/**
 * Whether git ignores a file and whether it tracks it. Ignore rules come from the built-in Git
 * extension's repository (`checkIgnore`, git's own answer) when it has one for the file, else from
 * the `.gitignore` files between the workspace folder and the file (npm `ignore`). Tracked means
 * listed by `git ls-files` (run with the Git extension's git, else `git` on PATH; bounded).
 */
export class GitStatus {
  private api: Promise<GitApi | undefined> | undefined;
  private readonly cache = new Map<string, { at: number; status: Promise<FileStatus> }>();
  private saidFallback = false;

  constructor(private readonly logger: Logger) {}

  /**
   * The Git extension's API, or undefined when it is absent, disabled (`git.enabled: false` makes
   * getAPI throw) or not ready in time. Only an API is kept: after a failure the next call asks again,
   * so turning git on takes effect.
   */
  async gitApi(): Promise<GitApi | undefined> {
    this.api ??= (async () => {
      const ext = vscode.extensions.getExtension<GitExtension>('vscode.git');
      if (!ext) {
        return undefined;
      }
      const exports = ext.isActive ? ext.exports : await withTimeout(ext.activate(), GIT_TIMEOUT_MS, undefined);
      if (!exports || exports.enabled === false) {
        return undefined;
      }
      const api = exports.getAPI(1);
      if (api.state === 'uninitialized' && api.onDidChangeState) {
        const changed = api.onDidChangeState;
        await withTimeout(new Promise<void>((resolve) => { const d = changed(() => { d.dispose(); resolve(); }); }), GIT_TIMEOUT_MS, undefined);
      }
      return api;
    })().catch(() => undefined);
    const api = await this.api;
    if (!api) {
      this.api = undefined;
    }
    return api;
  }

  private async gitPath(): Promise<string> {
    return (await this.gitApi())?.git?.path ?? 'git';
  }

  /** The status of one file, cached for a few seconds. */
  status(uri: vscode.Uri): Promise<FileStatus> {
    const key = uri.toString();
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < CACHE_MS) {
      return hit.status;
    }
    const status = this.compute(uri);
    this.cache.set(key, { at: Date.now(), status });
    if (this.cache.size > 500) {
      this.cache.delete(this.cache.keys().next().value as string);
    }
    return status;
  }

  /** Forgets cached answers (a .gitignore or .env changed). */
  forget(): void {
    this.cache.clear();
  }

  private async compute(uri: vscode.Uri): Promise<FileStatus> {
    if (uri.scheme === 'untitled') {
      return { ignored: false, tracking: 'noRepository' };
    }
    const repo = (await this.gitApi())?.getRepository(uri) ?? undefined;
    if (!repo && !this.saidFallback) {
      this.saidFallback = true;
      this.logger.info('Keys in source: the Git extension knows no repository for a file (absent, disabled or not a repository): its ignore rules come from the .gitignore files.');
    }
    // git's answer, when the Git extension has the file's repository and answers in time
    const byGit = repo && uri.scheme === 'file'
      ? await withTimeout<boolean | undefined>(Promise.resolve(repo.checkIgnore([uri.fsPath])).then((s) => s.size > 0), GIT_TIMEOUT_MS, undefined)
      : undefined;
    if (byGit === true) {
      return { ignored: true, tracking: 'untracked' }; // git answers only for files it does not track
    }
    // The .gitignore files from the workspace folder down take precedence over every other source of
    // ignore rules, so an untracked file they ignore is ignored whatever else git was told. They decide
    // when git has no answer, and they overrule a "not ignored" from git too: a CI run on VS Code 1.96
    // saw the Git extension answer that for a .env its repository's .gitignore lists (not reproduced
    // since), and flagging an ignored .env as "not committed yet" is the false alarm that matters.
    const byFiles = await this.ignoredByFiles(uri);
    const tracking = await this.tracking(uri);
    if (byFiles && tracking !== 'tracked') {
      if (byGit === false) {
        this.logger.info(`Keys in source: git says ${uri.fsPath} is not ignored (repository ${repo?.rootUri.fsPath ?? '?'}), but a .gitignore file ignores it: treated as ignored.`);
      }
      return { ignored: true, tracking };
    }
    return { ignored: false, tracking };
  }

  /** tracked / untracked by `git ls-files` in the file's folder; noRepository when git finds none there. */
  private async tracking(uri: vscode.Uri): Promise<Tracking> {
    if (uri.scheme !== 'file') {
      return 'noRepository';
    }
    const dir = vscode.Uri.joinPath(uri, '..').fsPath;
    const out = await runGit(await this.gitPath(), dir, ['ls-files', '-z', '--', uri.fsPath]);
    return out === undefined ? 'noRepository' : out.length > 0 ? 'tracked' : 'untracked';
  }

  /**
   * The ignored ones among many files of one workspace folder: git's answer per repository when the
   * Git extension has one, else the folder's `.gitignore` files.
   */
  async ignoredAmong(folder: vscode.Uri, files: readonly vscode.Uri[], rules: () => Promise<GitignoreRules>): Promise<Set<string>> {
    const api = await this.gitApi();
    const ignored = new Set<string>();
    const byRepo = new Map<GitRepository, vscode.Uri[]>();
    const rest: vscode.Uri[] = [];
    // thousands of files: asked in slices, with a turn of the event loop between them
    for (let i = 0; i < files.length; i += SLICE) {
      for (const f of files.slice(i, i + SLICE)) {
        const repo = f.scheme === 'file' ? api?.getRepository(f) : undefined;
        if (repo) {
          const list = byRepo.get(repo) ?? [];
          list.push(f);
          byRepo.set(repo, list);
        } else {
          rest.push(f);
        }
      }
      await pause();
    }
    for (const [repo, list] of byRepo) {
      for (let i = 0; i < list.length; i += 1000) {
        const slice = list.slice(i, i + 1000);
        const answer = await withTimeout<Set<string> | undefined>(repo.checkIgnore(slice.map((u) => u.fsPath)), GIT_TIMEOUT_MS * 2, undefined);
        if (answer === undefined) {
          rest.push(...slice); // no answer from git in time: the .gitignore files decide, as without git
          continue;
        }
        for (const p of answer) {
          ignored.add(vscode.Uri.file(p).toString());
        }
      }
    }
    if (rest.length > 0) {
      const r = await rules();
      const hits = await filterInSlices(rest, (f) => {
        const rel = relativePath(folder, f);
        return rel !== undefined && r.ignores(rel);
      }, SLICE, pause);
      for (const f of hits) {
        ignored.add(f.toString());
      }
    }
    return ignored;
  }

  /** The fallback: `.gitignore` files from the workspace folder (or the file's own folder) down to the file. */
  private async ignoredByFiles(uri: vscode.Uri): Promise<boolean> {
    const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri ?? vscode.Uri.joinPath(uri, '..');
    const rel = relativePath(folder, uri);
    if (rel === undefined) {
      return false;
    }
    const dirs = rel.split('/').slice(0, -1);
    const files: GitignoreFile[] = [];
    for (let i = 0; i <= dirs.length; i++) {
      const dir = dirs.slice(0, i).join('/');
      const text = await readText(vscode.Uri.joinPath(folder, dir, '.gitignore'));
      if (text !== undefined) {
        files.push({ dir, text });
      }
    }
    const exclude = await readText(vscode.Uri.joinPath(folder, '.git', 'info', 'exclude'));
    if (exclude !== undefined) {
      files.push({ dir: '', text: exclude });
    }
    return new GitignoreRules(files).ignores(rel);
  }
}

/** `file` relative to `folder`, posix, or undefined when it is not inside. */
export function relativePath(folder: vscode.Uri, file: vscode.Uri): string | undefined {
  const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return file.scheme === folder.scheme && file.authority === folder.authority && file.path.startsWith(base) ? file.path.slice(base.length) : undefined;
}

/** A small text file's contents, or undefined when it does not exist or cannot be read. */
export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

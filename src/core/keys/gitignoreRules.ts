/**
 * Which files git ignores, from the `.gitignore` files themselves: the fallback when VS Code's Git
 * extension is absent or has no repository for a file. Rules come from the npm `ignore` package
 * (git's own matching rules, negations and directory patterns included); this module only applies
 * git's layering: each `.gitignore` speaks for paths below its folder, a deeper file overrides a
 * shallower one, and a path under an ignored folder is ignored whatever a deeper rule says.
 */
import ignore, { type Ignore } from 'ignore';

/** One `.gitignore` (or `.git/info/exclude`, with dir ''): its folder relative to the root, posix, '' for the root. */
export interface GitignoreFile {
  readonly dir: string;
  readonly text: string;
}

export class GitignoreRules {
  private readonly layers: { readonly dir: string; readonly rules: Ignore }[];

  constructor(files: readonly GitignoreFile[]) {
    this.layers = [...files]
      .map((f) => ({ dir: f.dir.replace(/^\/+|\/+$/g, ''), rules: ignore().add(f.text) }))
      .sort((a, b) => a.dir.split('/').length - b.dir.split('/').length || a.dir.length - b.dir.length);
  }

  /** Whether git ignores `relPath` (posix, relative to the root; a trailing `/` marks a folder). */
  ignores(relPath: string): boolean {
    const parts = relPath.replace(/^\/+/, '').split('/');
    const isDir = parts[parts.length - 1] === '';
    if (isDir) {
      parts.pop();
    }
    // a file under an ignored folder stays ignored: git never looks inside that folder
    for (let i = 1; i < parts.length; i++) {
      if (this.ignoredHere(`${parts.slice(0, i).join('/')}/`)) {
        return true;
      }
    }
    return this.ignoredHere(parts.join('/') + (isDir ? '/' : ''));
  }

  /** The verdict of the layers for one path, its parent folders aside. */
  private ignoredHere(path: string): boolean {
    let ignored = false;
    for (const { dir, rules } of this.layers) {
      if (dir !== '' && !path.startsWith(`${dir}/`)) {
        continue;
      }
      const rel = dir === '' ? path : path.slice(dir.length + 1);
      if (rel === '' || rel === '/') {
        continue;
      }
      const r = rules.test(rel);
      if (r.ignored) {
        ignored = true;
      } else if (r.unignored) {
        ignored = false;
      }
    }
    return ignored;
  }
}

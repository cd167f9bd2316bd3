// The files of the extension host's user data folder, for the tests that prove nothing secret or
// personal was written there (leak.test.ts, webhooks.test.ts).
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

export function files(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const p = path.join(dir, name);
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) {
      return [];
    }
    return st.isDirectory() ? files(p) : st.isFile() && st.size < 20_000_000 ? [p] : [];
  });
}

/** The user data folder holding `logs/`: logDir is <user-data>/logs/<session>/exthost1/<extension>. */
export function userDataDir(logDir: string): string {
  let dir = logDir;
  while (path.basename(dir) !== 'logs' && path.dirname(dir) !== dir) {
    dir = path.dirname(dir);
  }
  return path.dirname(dir);
}

import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/**
 * The webview plumbing that exists once: creating a panel, its document nonce, receiving and posting
 * messages (host side, src/host/webview/), and the page's VS Code API and message listener (page side,
 * src/webview-ui/common/). A panel or page elsewhere is a view over these.
 */
const PLUMBING: readonly { pattern: RegExp; home: string }[] = [
  { pattern: /\bcreateWebviewPanel\b/, home: 'src/host/webview/' },
  { pattern: /\bonDidReceiveMessage\b/, home: 'src/host/webview/' },
  { pattern: /\bwebview\.postMessage\b/, home: 'src/host/webview/' },
  { pattern: /\brandomBytes\(\d+\)\.toString\('base64'\)/, home: 'src/host/webview/' },
  { pattern: /\bacquireVsCodeApi\b/, home: 'src/webview-ui/common/' },
  { pattern: /addEventListener\(\s*'message'/, home: 'src/webview-ui/common/' },
];

/** A file that speaks a webview protocol (imports it). */
const SPEAKS_PROTOCOL = /from '[./]*(?:core\/)?(?:webview\/protocol|orders\/orderProtocol|webview\/messageTable)'/;
/** A hand-written switch over a message's type (the table's handler map replaces it). */
const SWITCH_ON_TYPE = /\bswitch\s*\(\s*\w+\.type\s*\)/;

describe('one webview-panel base, one page runtime', () => {
  it('panel plumbing lives only in src/host/webview/ and src/webview-ui/common/; messages are dispatched from the table, never switched on', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(root, 'src'))) {
      const rel = relative(root, file).split('\\').join('/');
      const text = readFileSync(file, 'utf8');
      for (const { pattern, home } of PLUMBING) {
        if (!rel.startsWith(home) && pattern.test(text)) {
          offenders.push(`${rel}: ${pattern.source}`);
        }
      }
      if (SPEAKS_PROTOCOL.test(text) && SWITCH_ON_TYPE.test(text)) {
        offenders.push(`${rel}: switch on a message type`);
      }
    }
    assert.deepEqual(offenders, []);
  });
});

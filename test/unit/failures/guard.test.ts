/**
 * Issue 19 §3: one failure vocabulary. Only src/core/failures/ words a failure kind; every surface
 * (notifications, panels, hovers, 360 sections, chat results, orders, webhooks, keys) derives its
 * words from `describeFailure`. This test reads every source file of src/ with the TypeScript parser
 * and fails on
 * - a localized template (`t(locale, '…')`, `vscode.l10n.t('…')`, `msg('…')`, `notice('…')`,
 *   `sentence(locale, '…')`) that words a failure kind, and
 * - an error matched by its name string (`e.name === 'NotSignedInError'`): core's error classes are
 *   matched with `instanceof`.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '..', '..', '..', '..');
const VOCABULARY_DIR = ['src', 'core', 'failures'].join(sep) + sep;

/** What wording a failure kind looks like: precise enough that our other text does not match. */
export const FAILURE_WORDING: readonly (readonly [kind: string, pattern: RegExp])[] = [
  ['auth', /\brejected (?:the|these|this) (?:credentials|user-token)|\bcredentials rejected/i],
  ['forbidden', /\bno permission\b|\bis inactive or\b|\bno access to\b/i],
  ['not found', /\bnot found\b/i],
  ['rate limit', /\blimiting requests\b|\btoo many requests\b|\brequest limit\b/i],
  ['server error', /\bserver error\b/i],
  ['network', /\bcould not reach\b/i],
  ['timeout', /\bdid not answer in time\b|\btimed out\b/i],
  ['TLS', /\bcertificate (?:of|presented)\b|\bsecure connection\b/i],
  ['proxy', /\bproxy (?:scheme|URL|\{0\} refused)|\bunsupported proxy\b/i],
  ['invalid response', /\bresponse that could not be read\b|\binvalid response\b/i],
  ['not signed in', /\bconnect a Yampi store\b|\bno Yampi store is connected\b|\bno store connected\b/i],
  ['unknown store', /\bno saved Yampi store is called\b|\bis not connected in VS Code\b/i],
  ['session ended', /\bsigned out of store\b/i],
  ['secret storage', /\bcould not (?:use|read)\b[^.]*\bsecret storage\b/i],
  ['base URL', /\byampi\.apiBaseUrl (?:uses|is not)\b/i],
  ['unknown', /\bsomething went wrong\b/i],
  ['cancelled', /^cancell?ed(?: before\b|\.$)/i], // not the order status `Cancelled`
  ['generic request failure', /\bthe request for (?:customer|order)\b.*\bfailed\b|\bthe lookup in \{\d\} failed\b/i],
];

/** Shape matches that stay, each because an error really crosses a boundary today. */
const NAME_MATCH_ALLOWED: readonly string[] = [
  // YampiError.is: the API client is dist/api.js, a separately loaded bundle with its own copy of the class
  join('src', 'core', 'api', 'errors.ts'),
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.(ts|mts)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The callee names whose string arguments are catalogue templates (as test/unit/l10n.test.ts finds them). */
function isLocalizer(callee: ts.Expression): boolean {
  if (ts.isIdentifier(callee)) {
    return ['t', 'msg', 'notice', 'sentence'].includes(callee.text);
  }
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 't' && ts.isPropertyAccessExpression(callee.expression) && callee.expression.name.text === 'l10n';
}

const isText = (n: ts.Node): n is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral => ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n);

/** `x.name === 'SomethingError'` / `'Canceled' !== e.name`. */
function nameMatch(n: ts.BinaryExpression): string | undefined {
  const ops = [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken];
  if (!ops.includes(n.operatorToken.kind)) {
    return undefined;
  }
  for (const [a, b] of [[n.left, n.right], [n.right, n.left]] as const) {
    if (ts.isPropertyAccessExpression(a) && a.name.text === 'name' && isText(b) && /(?:Error|^Canceled)$/.test(b.text)) {
      return b.text;
    }
  }
  return undefined;
}

export interface Offence {
  readonly at: string;
  readonly what: string;
}

/** Every place in one source text that words a failure kind or matches an error by name. */
export function offencesIn(file: string, text: string): Offence[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: Offence[] = [];
  const at = (n: ts.Node): string => `${file}:${source.getLineAndCharacterOfPosition(n.getStart(source)).line + 1}`;
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && isLocalizer(n.expression)) {
      for (const arg of n.arguments.filter(isText)) {
        const hit = FAILURE_WORDING.find(([, re]) => re.test(arg.text));
        if (hit !== undefined) {
          found.push({ at: at(arg), what: `words "${hit[0]}": ${arg.text.slice(0, 80)}` });
        }
      }
    }
    if (ts.isBinaryExpression(n)) {
      const name = nameMatch(n);
      if (name !== undefined) {
        found.push({ at: at(n), what: `matches an error by name: ${name}` });
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
  return found;
}

describe('one failure vocabulary (issue 19 §3)', () => {
  it('no surface outside src/core/failures/ words a failure kind or matches an error by its name', () => {
    const offences: string[] = [];
    for (const file of sourceFiles(join(root, 'src'))) {
      const rel = relative(root, file);
      if (rel.startsWith(VOCABULARY_DIR)) {
        continue;
      }
      for (const o of offencesIn(rel, readFileSync(file, 'utf8'))) {
        if (o.what.startsWith('matches an error by name') && NAME_MATCH_ALLOWED.includes(rel)) {
          continue;
        }
        offences.push(`${o.at} ${o.what}`);
      }
    }
    assert.deepEqual(offences, []);
  });

  it('sees the vocabulary itself: every kind of wording it looks for is in src/core/failures/ (sanity: the scan finds templates)', () => {
    const texts = sourceFiles(join(root, 'src', 'core', 'failures')).map((f) => offencesIn(relative(root, f), readFileSync(f, 'utf8')).map((o) => o.what)).flat();
    for (const [kind] of FAILURE_WORDING) {
      assert.ok(texts.some((w) => w.startsWith(`words "${kind}"`)), `no template in src/core/failures/ words "${kind}": the pattern is stale`);
    }
  });

  it('flags a surface that words a failure or matches a name, and lets other text be', () => {
    const src = [
      "const a = t(locale, 'Yampi rejected the credentials saved for store {0}.', alias);",
      "const b = vscode.l10n.t('The Yampi API did not answer in time.');",
      "const c = msg('too many requests, try again in a moment');",
      "if (err.name === 'NotSignedInError') {}",
      "if ('Canceled' !== e.name) {}",
      "const ok1 = t(locale, 'Order #{0}', n);",
      "const ok2 = vscode.l10n.t('Credentials in VS Code secret storage. Click to switch store.');",
      "const ok3 = t(locale, 'No order with number #{0} in {1}.', n, where);",
      "if (c.name === idText) {}",
      "log('Customer not found');",
    ].join('\n');
    assert.deepEqual(offencesIn('x.ts', src).map((o) => o.at), ['x.ts:1', 'x.ts:2', 'x.ts:3', 'x.ts:4', 'x.ts:5']);
  });
});

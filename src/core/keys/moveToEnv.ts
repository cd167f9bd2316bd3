/**
 * The pure half of the *Move to .env* quick fix: which variable name, what to append to `.env`,
 * whether `.gitignore` already ignores `.env`, and how the literal in the source is replaced.
 */
import ignore from 'ignore';
import type { KeyFinding, KeyKind } from './scanner';

/** The variable a key of each kind goes to (the names the extension itself reads from its environment). */
export const ENV_NAMES: Readonly<Record<KeyKind, string>> = {
  secretKey: 'YAMPI_USER_SECRET_KEY',
  webhookSecret: 'YAMPI_WEBHOOK_SECRET',
  userToken: 'YAMPI_USER_TOKEN',
};

/** A text edit on the source: replace [start, end) with `text`. */
export interface SourceEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const JS_LANGUAGES = new Set(['javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'vue', 'svelte']);
const QUOTES = new Set(['"', "'", '`']);
/** `process.env.NAME ||` or `??` right before a literal: the fallback form keys are often written in. */
const JS_FALLBACK = /process\.env\.([A-Za-z_][A-Za-z0-9_]*)\s*(?:\|\||\?\?)\s*$/;
const PYTHON_IMPORTS_OS = /^[ \t]*import[ \t]+(?:[\w. \t]*,[ \t]*)?os\b/m;

/** The literal around a finding: with its quotes when the key is the whole string, else the key alone. */
function literalOf(text: string, f: KeyFinding): { start: number; end: number; quoted: boolean } {
  const q = text[f.start - 1];
  if (q !== undefined && QUOTES.has(q) && text[f.end] === q) {
    return { start: f.start - 1, end: f.end + 1, quoted: true };
  }
  return { start: f.start, end: f.end, quoted: false };
}

/** The `process.env.NAME ||` fallback before a JS literal, if the key is written that way. */
function jsFallback(text: string, f: KeyFinding): { name: string; at: number } | undefined {
  const lit = literalOf(text, f);
  if (!lit.quoted) {
    return undefined;
  }
  const before = text.slice(Math.max(0, lit.start - 200), lit.start);
  const m = JS_FALLBACK.exec(before);
  return m?.[1] === undefined ? undefined : { name: m[1], at: lit.start - before.length + m.index + 'process.env.'.length + m[1].length };
}

/** The variable name to use: the one a JS `process.env.NAME || '…'` fallback already reads, else the kind's. */
export function preferredEnvName(text: string, f: KeyFinding, languageId: string): string {
  return (JS_LANGUAGES.has(languageId) ? jsFallback(text, f)?.name : undefined) ?? ENV_NAMES[f.kind];
}

const ENV_LINE = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=[ \t]*(.*?)[ \t]*$/;

function unquote(v: string): string {
  const q = v[0];
  return v.length >= 2 && (q === '"' || q === "'") && v.endsWith(q) ? v.slice(1, -1) : v;
}

/**
 * Where `value` goes in a `.env` with this text: the variable that already holds it (nothing to
 * append), else `preferred` or, when that name holds something else, `preferred_2`, `_3`…
 */
export function envEntry(envText: string, preferred: string, value: string): { name: string; append: string | undefined } {
  const vars = new Map<string, string>();
  for (const line of envText.split(/\r?\n/)) {
    const m = ENV_LINE.exec(line);
    if (m?.[1] !== undefined && !line.trimStart().startsWith('#')) {
      vars.set(m[1], unquote(m[2] ?? ''));
    }
  }
  for (const [name, v] of vars) {
    if (v === value) {
      return { name, append: undefined };
    }
  }
  let name = preferred;
  for (let n = 2; vars.has(name); n++) {
    name = `${preferred}_${n}`;
  }
  const sep = envText === '' || envText.endsWith('\n') ? '' : '\n';
  return { name, append: `${sep}${name}=${value}\n` };
}

/** What to append to a root `.gitignore` with this text so that it ignores `.env`; undefined when it already does. */
export function gitignoreAddition(gitignoreText: string): string | undefined {
  if (ignore().add(gitignoreText).ignores('.env')) {
    return undefined;
  }
  const sep = gitignoreText === '' || gitignoreText.endsWith('\n') ? '' : '\n';
  return `${sep}.env\n`;
}

/**
 * How the source changes once the key is in `.env` as `name`:
 * - JS/TS: the quoted literal becomes `process.env.NAME` (a `process.env.NAME || '…'` fallback
 *   reading the same name is dropped, leaving `process.env.NAME`);
 * - PHP: `getenv('NAME')`; Python (when it imports `os`): `os.environ["NAME"]`;
 * - anything else, or a key that is only part of a string: the key becomes `${NAME}`, the
 *   placeholder docker compose, shells and most config loaders read from the environment (in JS,
 *   `${process.env.NAME}`: read in a template literal, a visible note in any other string).
 */
export function moveEdit(text: string, f: KeyFinding, languageId: string, name: string): SourceEdit {
  const lit = literalOf(text, f);
  if (lit.quoted && JS_LANGUAGES.has(languageId)) {
    const fallback = jsFallback(text, f);
    return fallback?.name === name
      ? { start: fallback.at, end: lit.end, text: '' }
      : { start: lit.start, end: lit.end, text: `process.env.${name}` };
  }
  if (lit.quoted && languageId === 'php') {
    return { start: lit.start, end: lit.end, text: `getenv('${name}')` };
  }
  if (lit.quoted && languageId === 'python' && PYTHON_IMPORTS_OS.test(text)) {
    return { start: lit.start, end: lit.end, text: `os.environ["${name}"]` };
  }
  return { start: f.start, end: f.end, text: JS_LANGUAGES.has(languageId) ? `\${process.env.${name}}` : `\${${name}}` };
}

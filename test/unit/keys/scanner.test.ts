/** The key scanner (product.md § Keys in source): zero misses and zero false alarms on the corpus. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPlaceholder, KEY_PRETEST, MAX_FINDINGS, scanForKeys } from '../../../src/core/keys/scanner';
import { FALSE_POSITIVES, SK, TOKENS, TRUE_POSITIVES } from './corpus';

const found = (text: string): Array<[string, string]> => scanForKeys(text).map((f) => [f.kind, text.slice(f.start, f.end)]);

describe('key scanner', () => {
  describe('finds every true positive', () => {
    for (const p of TRUE_POSITIVES) {
      it(`${p.name} (${p.languageId})`, () => {
        assert.deepEqual(found(p.text), p.expected.map(([k, v]) => [k, v]));
        assert.ok(KEY_PRETEST.test(p.text), 'the pre-test would have skipped it');
      });
    }
  });

  describe('flags no false positive', () => {
    for (const n of FALSE_POSITIVES) {
      it(n.name, () => {
        assert.deepEqual(found(n.text), []);
      });
    }
  });

  it('finds a token once an sk_ key is in the file, wherever it is', () => {
    const text = `id = '${TOKENS[0]}'\n`;
    assert.deepEqual(found(text), []);
    assert.deepEqual(found(`${text}${'x'.repeat(5000)}\nk = '${SK[0]}'`).map(([k]) => k), ['userToken', 'secretKey']);
  });

  it('looks for the context name within 120 characters before the token only', () => {
    assert.deepEqual(found(`token:${' '.repeat(113)}${TOKENS[1]}`).length, 1);
    assert.deepEqual(found(`token:${' '.repeat(115)}${TOKENS[1]}`).length, 0);
  });

  it('tells placeholders from keys', () => {
    assert.equal(isPlaceholder('x'.repeat(37)), true);
    assert.equal(isPlaceholder('abababababababababababababababababab1'), true);
    assert.equal(isPlaceholder(SK[0].slice(3)), false);
    for (const t of TOKENS) {
      assert.equal(isPlaceholder(t), false);
    }
  });

  it('stays correct on adversarial texts: long runs, runs of 39 and 41, many candidates', () => {
    assert.deepEqual(found('a1'.repeat(500_000)), []);
    assert.deepEqual(found(`token aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5hJ `.repeat(10_000)), []); // 39
    const many = `token: ${TOKENS[2]}\n`.repeat(20_000);
    assert.equal(scanForKeys(many).length, MAX_FINDINGS, 'at most MAX_FINDINGS per text');
    assert.equal(scanForKeys(`${'token 3f786850e387550fdab836ed7e6dc881de23001b\n'.repeat(5000)}token: ${TOKENS[2]}`).length, 1, 'the last of many rejected candidates');
  });

  it('offsets are exact in text with multi-byte characters before the key', () => {
    const text = `// ação, coração 🙂\nconst s = '${SK[2]}';`;
    const [f] = scanForKeys(text);
    assert.ok(f);
    assert.equal(text.slice(f.start, f.end), SK[2]);
  });

  it('the shell pre-test is the scanner pre-test (src/host/app/shell.ts keeps a copy: it may import nothing more)', () => {
    const shell = readFileSync(join(__dirname, '..', '..', '..', '..', 'src', 'host', 'app', 'shell.ts'), 'utf8');
    assert.ok(shell.includes(`const KEY_PRETEST = ${KEY_PRETEST.toString()};`), 'shell.ts has another pre-test');
  });
});

/** Customer ids in terminal lines: the hover patterns, each link widened to its terminal word. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compilePatterns, MAX_LINE_LENGTH } from '../../../src/core/refs/patterns';
import { compileRe2 } from '../../../src/core/refs/re2Engine';
import { DEFAULT_WORD_SEPARATORS, findTerminalLinks } from '../../../src/core/terminal/terminalRefs';

const root = join(__dirname, '..', '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
};
// compiled before each test, not at load nor in a before-all hook: what runs there is "static" for
// Stryker (every static mutant re-runs every test of the module); a compile costs well under a ms
let compiled: ReturnType<typeof compilePatterns> = { patterns: [], invalid: [] };
beforeEach(() => {
  compiled = compilePatterns(pkg.contributes.configuration.properties['yampi.hover.patterns']?.default as string[], compileRe2);
});

/** Each link as [id, the text it covers]. */
function links(line: string, separators?: string): Array<[number, string]> {
  return findTerminalLinks(line, compiled, separators).map((l) => [l.id, line.slice(l.startIndex, l.startIndex + l.length)]);
}

describe('findTerminalLinks', () => {
  it('covers the whole terminal word, not only the digits', () => {
    assert.deepEqual(links('customer_id=7070'), [[7070, 'customer_id=7070']]);
    assert.deepEqual(links('2026-11-27T10:00:01Z webhook customer_id=48213907 attempt=2'), [[48213907, 'customer_id=48213907']]);
    assert.deepEqual(links('[sync] payload=customer_id:59102233;order:1'), [[59102233, 'payload=customer_id:59102233;order:1']]);
  });

  it('stops at every default separator: quotes, brackets, pipes, spaces', () => {
    assert.deepEqual(links('"customer_id": 48213907,'), [[48213907, '48213907']]);
    assert.deepEqual(links('{customer_id:59102233,order:1}'), [[59102233, 'customer_id:59102233']]);
    assert.deepEqual(links("('customer_id' => 77)"), [[77, '77']]);
    assert.deepEqual(links('|customer_id=5|'), [[5, 'customer_id=5']]);
    assert.deepEqual(links('`customerId=9`'), [[9, 'customerId=9']]);
  });

  it('takes the separators as a parameter (terminal.integrated.wordSeparators)', () => {
    assert.deepEqual(links('a=1;customer_id=42;b=2', ' ;'), [[42, 'customer_id=42']]);
    assert.deepEqual(links('a=1;customer_id=42;b=2', ' '), [[42, 'a=1;customer_id=42;b=2']]);
    assert.deepEqual(links('a=1;customer_id=42;b=2'), links('a=1;customer_id=42;b=2', DEFAULT_WORD_SEPARATORS));
  });

  it('a URL is one word: the link covers all of it', () => {
    const url = 'https://loja.painel.yampi.com.br/customers/48213907?tab=orders';
    assert.deepEqual(links(`open ${url} now`), [[48213907, url]]);
  });

  it('two ids in one word share it without overlapping, each with its own key', () => {
    assert.deepEqual(links('customer_id=1;customer_id=2'), [
      [1, 'customer_id=1;'],
      [2, 'customer_id=2'],
    ]);
    assert.deepEqual(links('customer_id=1 customer_id=2'), [
      [1, 'customer_id=1'],
      [2, 'customer_id=2'],
    ]);
  });

  it('reports offsets in UTF-16 code units of the line (emoji before the id)', () => {
    const line = '🚀 ✅ customer_id=31';
    const [link] = findTerminalLinks(line, compiled);
    assert.ok(link);
    assert.equal(line.slice(link.startIndex, link.startIndex + link.length), 'customer_id=31');
    assert.equal(link.id, 31);
  });

  it('finds nothing in lines without a customer id', () => {
    for (const line of ['', 'order=1042 attempt=2', 'npm ERR! code 1', '2026-11-27 customer 48213907', 'id=48213907', 'customer_id=0', 'customer_id=abc']) {
      assert.deepEqual(links(line), [], line);
    }
  });

  it('skips a line longer than the limit, and keeps one at the limit', () => {
    const tail = ' customer_id=48213907';
    assert.deepEqual(links('x'.repeat(MAX_LINE_LENGTH + 1 - tail.length) + tail), []);
    assert.deepEqual(links('x'.repeat(MAX_LINE_LENGTH - tail.length) + tail), [[48213907, 'customer_id=48213907']]);
  });

  it('uses the user patterns it is given, and none when every pattern is unusable', () => {
    const mine = compilePatterns(['pedido do cliente (\\d+)'], compileRe2);
    assert.deepEqual(
      findTerminalLinks('pedido do cliente 812', mine).map((l) => l.id),
      [812],
    );
    assert.deepEqual(findTerminalLinks('customer_id=812', compilePatterns(['(', 'x(\\d+)(y)'], compileRe2)), []);
  });
});

/** Finding customer ids for hovers and links, with the default patterns package.json ships. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findJsonCustomerIds } from '../../../src/core/refs/jsonScan';
import { compilePatterns, MAX_LINE_LENGTH } from '../../../src/core/refs/patterns';
import { compileRe2 } from '../../../src/core/refs/re2Engine';
import { findRefsInDocument, findRefsInLine, refAt } from '../../../src/core/refs/textScan';

const root = join(__dirname, '..', '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
};
const defaults = pkg.contributes.configuration.properties['yampi.hover.patterns']?.default as string[];
// compiled before each test, not at load nor in a before-all hook: what runs there is "static" for
// Stryker (every static mutant re-runs every test of the module); a compile costs well under a ms
let patterns: ReturnType<typeof compilePatterns>['patterns'] = [];
beforeEach(() => {
  patterns = compilePatterns(defaults).patterns;
});

/** The ids found in a line, and the exact text each range covers. */
function found(line: string): Array<[number, string]> {
  return findRefsInLine(line, patterns).map((r) => [r.id, line.slice(r.start, r.end)]);
}

describe('customer id patterns (package.json defaults)', () => {
  it('ships defaults that all compile with one capture group', () => {
    assert.ok(defaults.length >= 2);
    assert.deepEqual(compilePatterns(defaults).invalid, []);
    assert.equal(patterns.length, defaults.length);
  });

  const positives: Array<[string, number]> = [
    ['customer_id: 123', 123],
    ['customer_id=48213907', 48213907],
    ['"customer_id": 48213907,', 48213907],
    ["'customer_id' => 77", 77],
    ['$order = ["customer_id" => "4521"];', 4521],
    ['customerId: 9', 9],
    ['CustomerID = 10', 10],
    ['customer-id=59102233 reason="timeout"', 59102233],
    ['cliente_id="48213907" attempt=2', 48213907],
    ['id_cliente: 31', 31],
    ['see https://loja.painel.yampi.com.br/customers/48213907 for details', 48213907],
    ['GET /v2/loja-aurora/customers/48200101?include=x', 48200101],
  ];
  for (const [line, id] of positives) {
    it(`finds ${id} in ${JSON.stringify(line)} and covers only the digits`, () => {
      assert.deepEqual(found(line), [[id, String(id)]]);
    });
  }

  const negatives = [
    'order_id: 123',
    'customer: 123',
    'the customer paid 123 reais',
    'product_id=48213907',
    '/orders/48213907',
    'customer_id: abc',
    'customer_id: 0',
    '',
  ];
  for (const line of negatives) {
    it(`finds nothing in ${JSON.stringify(line)}`, () => {
      assert.deepEqual(found(line), []);
    });
  }

  it('finds every id on a line, in order', () => {
    assert.deepEqual(found('customer_id=1 and customerId: 22 via /customers/333'), [
      [1, '1'],
      [22, '22'],
      [333, '333'],
    ]);
  });

  it('skips lines longer than the limit (minified code) instead of scanning them', () => {
    const line = `${'x'.repeat(MAX_LINE_LENGTH)} customer_id: 5`;
    assert.deepEqual(found(line), []);
  });

  it('refAt picks the id whose digits hold the offset, inclusive of both ends', () => {
    const line = 'a customer_id=4521 b';
    const refs = findRefsInLine(line, patterns);
    const start = line.indexOf('4521');
    assert.equal(refAt(refs, start)?.id, 4521);
    assert.equal(refAt(refs, start + 4)?.id, 4521);
    assert.equal(refAt(refs, start - 2), undefined);
    assert.equal(refAt(refs, 0), undefined);
  });
});

describe('compilePatterns', () => {
  it('explains patterns that cannot be used and keeps the good ones', () => {
    const { patterns: ok, invalid } = compilePatterns(['cust=(\\d+)', 'cust=(\\d+', 'cust=\\d+', '(a)(\\d+)', '(\\d*)'], compileRe2);
    assert.equal(ok.length, 1);
    assert.deepEqual(invalid.map((i) => i.source), ['cust=(\\d+', 'cust=\\d+', '(a)(\\d+)', '(\\d*)']);
    assert.deepEqual(invalid.map((i) => i.problem), ['syntax', 'groups', 'groups', 'empty']);
    assert.match(invalid[1]?.reason ?? '', /exactly one capture group.*has 0/);
    assert.match(invalid[2]?.reason ?? '', /has 2/);
    assert.match(invalid[3]?.reason ?? '', /empty/);
  });

  it('non-capturing groups do not count, and matching is case-insensitive', () => {
    const { patterns: p } = compilePatterns(['(?:buyer|comprador)#(\\d+)'], compileRe2);
    assert.deepEqual(findRefsInLine('COMPRADOR#88', p).map((r) => r.id), [88]);
  });

  it('ignores captures that are not positive safe integers', () => {
    const { patterns: p } = compilePatterns(['id=(\\w+)'], compileRe2);
    assert.deepEqual(findRefsInLine('id=abc id=0 id=99999999999999999 id=7', p).map((r) => r.id), [7]);
  });
});

describe('customer ids in JSON structure', () => {
  const webhook = readFileSync(join(root, 'test', 'fixtures', 'workspace', 'webhook.json'), 'utf8');

  it('finds resource.customer.data.id in a Yampi webhook payload, not the order or merchant id', () => {
    const refs = findJsonCustomerIds(webhook);
    assert.deepEqual(refs.map((r) => r.id), [48213907]);
    const ref = refs[0];
    assert.ok(ref);
    // the range is the value of "id" inside customer.data
    const before = webhook.slice(0, ref.start);
    assert.match(before, /"customer": \{\s*"data": \{\s*"id": $/);
    assert.equal(webhook.slice(ref.start, ref.end), '48213907');
  });

  it('accepts customer.id, numeric strings, comments and trailing commas; rejects deeper ids', () => {
    const text = `{
      // a comment
      "customer": { "id": "501", "addresses": { "data": [{ "id": 9001 }] } },
      "order": { "customer": { "data": { "id": 502, }, }, "id": 7 },
      "Cliente": { "id": 503 },
      "customers": { "id": 9002 },
      "customer_data": { "id": 9003 },
      "list": [{ "customer": { "id": 504 } }],
    }`;
    const refs = findJsonCustomerIds(text);
    assert.deepEqual(refs.map((r) => r.id), [501, 502, 503, 504]);
    const quoted = refs[0];
    assert.ok(quoted);
    assert.equal(text.slice(quoted.start, quoted.end), '501', 'a string id covers the digits, not the quotes');
  });

  it('tolerates broken JSON (while the user types) without throwing', () => {
    assert.deepEqual(findJsonCustomerIds('{"customer": {"id": 12, "name": "x'), [{ id: 12, start: 20, end: 22 }]);
    assert.deepEqual(findJsonCustomerIds('not json at all'), []);
  });
});

describe('findRefsInDocument', () => {
  const webhook = readFileSync(join(root, 'test', 'fixtures', 'workspace', 'webhook.json'), 'utf8');
  const log = readFileSync(join(root, 'test', 'fixtures', 'workspace', 'sample.log'), 'utf8');

  it('in JSON: the patterns and the structure, each id once', () => {
    const refs = findRefsInDocument(webhook, 'json', patterns);
    assert.deepEqual(refs.map((r) => r.id), [48213907, 48213907]);
    assert.deepEqual(refs.map((r) => webhook.slice(r.start, r.end)), ['48213907', '48213907']);
    const lines = refs.map((r) => webhook.slice(0, r.start).split('\n').length);
    assert.equal(new Set(lines).size, 2, 'customer_id and customer.data.id are on two different lines');
  });

  it('the JSON structure is used only for JSON languages', () => {
    const text = '{ "customer": { "id": 42 } }';
    assert.deepEqual(findRefsInDocument(text, 'json', patterns).map((r) => r.id), [42]);
    assert.deepEqual(findRefsInDocument(text, 'plaintext', patterns), []);
  });

  it('in a log: one ref per matching line, with document offsets; CRLF line ends work', () => {
    const refs = findRefsInDocument(log, 'log', patterns);
    assert.deepEqual(refs.map((r) => r.id), [48213907, 48213907, 48213907, 48213907, 59102233]);
    for (const r of refs) {
      assert.equal(log.slice(r.start, r.end), String(r.id));
    }
    const crlf = log.replace(/\n/g, '\r\n');
    assert.deepEqual(findRefsInDocument(crlf, 'log', patterns).map((r) => crlf.slice(r.start, r.end)), refs.map((r) => String(r.id)));
  });

  it('skips ids on over-long (minified) lines and never matches across a line break', () => {
    const text = `${'x'.repeat(MAX_LINE_LENGTH)} customer_id: 5\ncustomer_id:\n 6\ncustomer_id: 7\n`;
    assert.deepEqual(findRefsInDocument(text, 'plaintext', patterns).map((r) => r.id), [7]);
  });

  it('text without ids yields nothing', () => {
    assert.deepEqual(findRefsInDocument('hello\nworld 123\norder_id=5\n', 'plaintext', patterns), []);
  });
});

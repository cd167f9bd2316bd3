/** TtlLruCache: freshness, least-recently-used eviction, per-store clearing, live reconfiguration. */
import assert from 'node:assert/strict';
import { TtlLruCache } from '../../../src/core/common/cache';

describe('TtlLruCache', () => {
  let t = 0;
  const now = (): number => t;
  beforeEach(() => {
    t = 1000;
  });

  it('returns fresh values and drops expired ones', () => {
    const c = new TtlLruCache<string>({ maxEntries: 10, ttlMs: 100, now });
    c.set('a', 'A');
    t += 99;
    assert.equal(c.get('a'), 'A');
    t += 1;
    assert.equal(c.get('a'), undefined);
    assert.equal(c.size, 0);
  });

  it('evicts the least recently used entry beyond maxEntries; a hit counts as use', () => {
    const c = new TtlLruCache<number>({ maxEntries: 3, ttlMs: 1000, now });
    c.set('a', 1);
    c.set('b', 2);
    c.set('c', 3);
    assert.equal(c.get('a'), 1);
    c.set('d', 4);
    assert.equal(c.get('b'), undefined);
    assert.deepEqual(['a', 'c', 'd'].map((k) => c.get(k)), [1, 3, 4]);
    c.set('a', 10);
    assert.equal(c.size, 3);
  });

  it('deletes by predicate (one store) and clears', () => {
    const c = new TtlLruCache<number>({ maxEntries: 10, ttlMs: 1000, now });
    c.set('loja\u0000t\u0000c:1', 1);
    c.set('loja\u0000t\u0000c:2', 2);
    c.set('outra\u0000t\u0000c:1', 3);
    assert.equal(c.deleteWhere((k) => k.startsWith('loja\u0000')), 2);
    assert.equal(c.get('outra\u0000t\u0000c:1'), 3);
    c.clear();
    assert.equal(c.size, 0);
  });

  it('reconfigures live: ttl 0 disables and empties, a smaller maxEntries evicts', () => {
    const c = new TtlLruCache<number>({ maxEntries: 5, ttlMs: 1000, now });
    for (const k of ['a', 'b', 'c', 'd']) {
      c.set(k, 1);
    }
    c.configure({ maxEntries: 2 });
    assert.equal(c.size, 2);
    assert.equal(c.get('a'), undefined);
    c.configure({ ttlMs: 0 });
    assert.equal(c.size, 0);
    c.set('x', 1);
    assert.equal(c.get('x'), undefined);
  });

  it('stays fast: a hit costs well under 50 µs', () => {
    const c = new TtlLruCache<object>({ maxEntries: 500, ttlMs: 60_000 });
    for (let i = 0; i < 500; i++) {
      c.set(`k${i}`, { i });
    }
    const n = 100_000;
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) {
      c.get(`k${i % 500}`);
    }
    const perOpUs = Number(process.hrtime.bigint() - start) / n / 1000;
    assert.ok(perOpUs < 50, `${perOpUs} µs per hit`);
  });
});

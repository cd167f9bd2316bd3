/**
 * A small in-memory cache with a time-to-live per entry and least-recently-used eviction once it
 * holds `maxEntries`. Nothing here ever touches the disk: customer data is personal data (LGPD).
 *
 * A `Map` keeps insertion order, so re-inserting an entry on every hit makes the first key the
 * least recently used one; eviction and lookups are O(1).
 */
export interface CacheOptions {
  /** Upper bound on entries; the least recently used entry is evicted beyond it. At least 1. */
  readonly maxEntries: number;
  /** How long an entry stays fresh. 0 (or less) disables the cache: `set` stores nothing. */
  readonly ttlMs: number;
  /** Clock injection for tests. */
  readonly now?: () => number;
}

interface Entry<V> {
  readonly value: V;
  readonly expiresAt: number;
}

export class TtlLruCache<V, K = string> {
  private readonly entries = new Map<K, Entry<V>>();
  private maxEntries: number;
  private ttlMs: number;
  private readonly now: () => number;

  constructor(options: CacheOptions) {
    this.maxEntries = Math.max(1, Math.floor(options.maxEntries));
    this.ttlMs = options.ttlMs;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The fresh value under `key`, marking it most recently used; expired entries are dropped. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) {
      return undefined;
    }
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) {
      return undefined;
    }
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V): void {
    if (this.ttlMs <= 0) {
      return;
    }
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
    this.evictOverflow();
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  /** Drops every entry whose key matches, e.g. all entries of one store. Returns how many. */
  deleteWhere(predicate: (key: K) => boolean): number {
    let removed = 0;
    for (const key of [...this.entries.keys()]) {
      if (predicate(key)) {
        this.entries.delete(key);
        removed++;
      }
    }
    return removed;
  }

  clear(): void {
    this.entries.clear();
  }

  /** Settings change without rebuilding: a new TTL applies to entries stored from now on. */
  configure(options: Partial<Pick<CacheOptions, 'maxEntries' | 'ttlMs'>>): void {
    if (options.maxEntries !== undefined) {
      this.maxEntries = Math.max(1, Math.floor(options.maxEntries));
      this.evictOverflow();
    }
    if (options.ttlMs !== undefined) {
      this.ttlMs = options.ttlMs;
      if (this.ttlMs <= 0) {
        this.entries.clear();
      }
    }
  }

  private evictOverflow(): void {
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) {
        return;
      }
      this.entries.delete(oldest.value);
    }
  }
}

/** A small in-process cache with a time-to-live per entry and explicit invalidation. */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; expiresAt: number }>();

  constructor(
    /** Milliseconds an entry lives. */
    private readonly ttlMs: number,
    /** Entries kept at most; the oldest is evicted first (default 10,000). */
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: K): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.value;
  }

  set(key: K, value: V): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  /** Removes every entry for which `predicate` is true (all entries without one). */
  clear(predicate?: (key: K, value: V) => boolean): void {
    if (!predicate) return this.entries.clear();
    for (const [k, e] of this.entries) if (predicate(k, e.value)) this.entries.delete(k);
  }
}

/**
 * A fixed-window counter per key (client IP + tenant), in this process. Several web servers
 * each count on their own: the effective limit is per server, which is enough to stop a form
 * being hammered; a shared store (Redis) would make it global.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: () => number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request; `retryAfterSeconds` is set when the key is over its limit. */
  hit(key: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = this.now();
    if (this.windows.size > 50_000) this.prune(now);
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count += 1;
    if (w.count <= this.limit()) return { ok: true };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000)) };
  }

  private prune(now: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k);
  }
}

import { createHmac, randomBytes } from 'node:crypto';

/**
 * Fixed-window counter of reports per client, in memory only. The client key is an HMAC of the
 * address with a secret that is made anew every UTC day and never leaves this process, so keys
 * cannot be linked to an address afterwards nor across days.
 */
export class ReportRateLimiter {
  readonly #now: () => number;
  #secret = randomBytes(32);
  #secretDay = -1;
  readonly #windows = new Map<string, { start: number; count: number }>();
  /** Address → key for the current day, so a busy client costs one HMAC a day, not one per request. */
  readonly #keys = new Map<string, string>();

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Keyed hash of the client address; `undefined` addresses share one key. */
  clientKey(address: string | undefined): string {
    const day = Math.floor(this.#now() / 86_400_000);
    if (day !== this.#secretDay) {
      this.#secret = randomBytes(32);
      this.#secretDay = day;
      this.#windows.clear();
      this.#keys.clear();
    }
    const addr = address ?? 'unknown';
    let key = this.#keys.get(addr);
    if (!key) {
      key = createHmac('sha256', this.#secret).update(addr).digest('base64url').slice(0, 22);
      if (this.#keys.size > 100_000) this.#keys.clear();
      this.#keys.set(addr, key);
    }
    return key;
  }

  /** Seconds until the client may send again, or 0 when it may send now. */
  retryAfter(scope: string, key: string, limit: { reports: number; windowSeconds: number }): number {
    const window = this.#window(scope, key, limit.windowSeconds);
    if (!window || window.count < limit.reports) return 0;
    return Math.max(1, Math.ceil((window.start + limit.windowSeconds * 1000 - this.#now()) / 1000));
  }

  /** Counts one accepted report. */
  consume(scope: string, key: string, limit: { windowSeconds: number }): void {
    const id = `${scope}:${key}`;
    const window = this.#window(scope, key, limit.windowSeconds);
    if (window) window.count += 1;
    else this.#windows.set(id, { start: this.#now(), count: 1 });
    if (this.#windows.size > 100_000) this.#sweep(limit.windowSeconds);
  }

  #window(scope: string, key: string, windowSeconds: number) {
    const window = this.#windows.get(`${scope}:${key}`);
    if (window && this.#now() - window.start >= windowSeconds * 1000) {
      this.#windows.delete(`${scope}:${key}`);
      return undefined;
    }
    return window;
  }

  #sweep(windowSeconds: number): void {
    const cutoff = this.#now() - windowSeconds * 1000;
    for (const [id, window] of this.#windows) if (window.start < cutoff) this.#windows.delete(id);
  }
}

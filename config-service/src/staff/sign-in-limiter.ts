import { createHmac, randomBytes } from 'node:crypto';

/**
 * Failed sign-ins per client, in memory: after `maxFailures` failures within `windowMs` the client is
 * refused until the window is over, whatever it tries (a right address included, so the refusal says
 * nothing about addresses). Clients are kept as an HMAC of their address under a secret that never
 * leaves the process, never as the address itself.
 */
export class SignInLimiter {
  readonly #secret = randomBytes(32);
  readonly #now: () => number;
  readonly #maxFailures: number;
  readonly #windowMs: number;
  readonly #failures = new Map<string, { start: number; count: number }>();

  constructor(options: { maxFailures?: number; windowMs?: number; now?: () => number } = {}) {
    this.#maxFailures = options.maxFailures ?? 10;
    this.#windowMs = options.windowMs ?? 15 * 60_000;
    this.#now = options.now ?? Date.now;
  }

  /** Seconds until this client may try again, or 0 when it may try now. */
  retryAfter(address: string | undefined): number {
    const window = this.#window(this.#key(address));
    if (!window || window.count < this.#maxFailures) return 0;
    return Math.max(1, Math.ceil((window.start + this.#windowMs - this.#now()) / 1000));
  }

  /** Counts one failed sign-in of this client. */
  fail(address: string | undefined): void {
    const key = this.#key(address);
    const window = this.#window(key);
    if (window) window.count += 1;
    else this.#failures.set(key, { start: this.#now(), count: 1 });
    if (this.#failures.size > 100_000) {
      for (const [k, w] of this.#failures) if (this.#now() - w.start >= this.#windowMs) this.#failures.delete(k);
    }
  }

  #key(address: string | undefined): string {
    return createHmac('sha256', this.#secret)
      .update(address ?? 'unknown')
      .digest('base64url')
      .slice(0, 22);
  }

  #window(key: string) {
    const window = this.#failures.get(key);
    if (window && this.#now() - window.start >= this.#windowMs) {
      this.#failures.delete(key);
      return undefined;
    }
    return window;
  }
}

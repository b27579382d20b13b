/**
 * Limits guessing of receipt codes (issue 15; issue 16 shares it), per client and in memory only.
 *
 * The client is the same keyed hash as report intake's (`ReportRateLimiter.clientKey`: today's key of
 * `limits/client-keys.ts`, derived from `SERVER_SECRET`) of the client's network (`limits/client-network.ts`:
 * an IPv6 address by its /64, an IPv4 address as it is). Kept in this instance's memory (issue 16 moves
 * report counts into the database; these stay per instance for now).
 *
 * Each client has `freeFailures` failed look-ups a day; every failure after those makes it wait before
 * its next attempt, twice as long as the time before (`firstWaitSeconds`, then doubled, at most
 * `maxWaitSeconds`). While it waits every attempt — right or wrong — is answered at once with a 429
 * and `Retry-After`: nothing is held open, and a right code tells nothing during a wait either. A
 * success does not wipe the day's failures (a guesser that also holds one valid code would otherwise
 * reset its count with it). Per client only: there is no global lock one attacker could use to shut
 * every reporter out. The counts are forgotten at the end of the UTC day, when the client keys change.
 *
 * Memory is bounded: at most `maxClients` clients are remembered; beyond that the ones whose last
 * failure is longest ago are forgotten first. Only someone with more networks than that gains
 * anything by it, and the README shows that even unlimited guessing at the whole service's capacity
 * takes centuries.
 */
export interface GuessLimits {
  freeFailures: number;
  firstWaitSeconds: number;
  maxWaitSeconds: number;
  maxClients: number;
}

export const defaultGuessLimits: GuessLimits = {
  freeFailures: 5,
  firstWaitSeconds: 1,
  maxWaitSeconds: 3600,
  maxClients: 100_000,
};

interface ClientFailures {
  failures: number;
  /** Epoch ms until which every attempt is refused; 0 when it may try. */
  blockedUntil: number;
}

export class GuessLimiter {
  readonly limits: GuessLimits;
  readonly #now: () => number;
  readonly #clients = new Map<string, ClientFailures>();
  #day = -1;

  constructor(limits: Partial<GuessLimits> = {}, now: () => number = Date.now) {
    this.limits = { ...defaultGuessLimits, ...limits };
    this.#now = now;
  }

  /**
   * Takes one attempt of the client: the seconds it must wait first (nothing counted), or 0 — and then
   * the attempt counts as a failure until `succeeded` says otherwise. Counted before the look-up, not
   * after it: a burst of look-ups sent at once cannot all slip past the count while the first ones are
   * still in the database.
   */
  attempt(client: string): number {
    const wait = this.retryAfter(client);
    if (wait === 0) this.fail(client);
    return wait;
  }

  /**
   * The attempt just taken found its report: it is not one of the day's failures. The other failures
   * stay (a success wipes nothing), and so does a wait this attempt started — a reporter who has their
   * report open needs no second look-up within it.
   */
  succeeded(client: string): void {
    const entry = this.#entry(client);
    if (entry && entry.failures > 0) entry.failures -= 1;
  }

  /** Seconds the client must wait before its next attempt, or 0 when it may try now. */
  retryAfter(client: string): number {
    const entry = this.#entry(client);
    const wait = entry ? entry.blockedUntil - this.#now() : 0;
    return wait > 0 ? Math.ceil(wait / 1000) : 0;
  }

  /** Counts a failed attempt (an ill-formed, unknown, withdrawn or deleted code alike). */
  fail(client: string): void {
    const entry = this.#entry(client) ?? { failures: 0, blockedUntil: 0 };
    entry.failures += 1;
    const over = entry.failures - this.limits.freeFailures;
    if (over > 0) {
      const seconds = Math.min(this.limits.firstWaitSeconds * 2 ** Math.min(over - 1, 30), this.limits.maxWaitSeconds);
      entry.blockedUntil = this.#now() + seconds * 1000;
    }
    // Re-inserted, so the map's order is the order of last failure: the oldest go first when it is full.
    this.#clients.delete(client);
    this.#clients.set(client, entry);
    while (this.#clients.size > this.limits.maxClients) {
      const oldest = this.#clients.keys().next().value;
      if (oldest === undefined) break;
      this.#clients.delete(oldest);
    }
  }

  /** How many clients are remembered now (for tests of the bound). */
  get size(): number {
    return this.#clients.size;
  }

  #entry(client: string): ClientFailures | undefined {
    const day = Math.floor(this.#now() / 86_400_000);
    if (day !== this.#day) {
      // New day, new client keys (`ReportRateLimiter.clientKey`): yesterday's can never come back.
      this.#clients.clear();
      this.#day = day;
    }
    return this.#clients.get(client);
  }
}

import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { ClientKeys } from '../limits/client-keys.ts';
import { clientNetwork } from '../limits/client-network.ts';
import type { ServerSecret } from '../secrets/server-secret.ts';

/**
 * Limits guessing of receipt codes (issue 15), per client, counted in the database (`receipt_guess`) so
 * every service instance on it enforces one limit together (issue 16).
 *
 * The client is its network (`limits/client-network.ts`: an IPv6 address by its /64, an IPv4 address as
 * it is) under the day's client key (`limits/client-keys.ts`, derived from `SERVER_SECRET`), as for
 * report intake; never an address.
 *
 * Each client has `freeFailures` failed look-ups a day; every failure after those makes it wait before
 * its next attempt, twice as long as the time before (`firstWaitSeconds`, then doubled, at most
 * `maxWaitSeconds`). While it waits every attempt — right or wrong — is answered at once with a 429
 * and `Retry-After`: nothing is held open, and a right code tells nothing during a wait either. A
 * success does not wipe the day's failures (a guesser that also holds one valid code would otherwise
 * reset its count with it). Per client only: there is no global lock one attacker could use to shut
 * every reporter out. The counts are forgotten at the end of the UTC day, when the client keys change.
 *
 * An attempt is counted by one atomic statement before the look-up (`INSERT … ON CONFLICT DO UPDATE …
 * WHERE blocked_until <= now RETURNING`): a burst sent at once, to one instance or spread over several,
 * cannot slip past the count. The only memory per client is a bounded map of waits already known — a
 * wait never shortens, so a client that is waiting is refused without a database round trip.
 */
export interface GuessLimits {
  freeFailures: number;
  firstWaitSeconds: number;
  maxWaitSeconds: number;
  /** Waits remembered in memory; the oldest are forgotten first (and then read from the database). */
  maxRememberedWaits: number;
}

export const defaultGuessLimits: GuessLimits = {
  freeFailures: 5,
  firstWaitSeconds: 1,
  maxWaitSeconds: 3600,
  maxRememberedWaits: 50_000,
};

export interface GuessLimiterOptions {
  now?: () => number;
  /**
   * The limit's name in the shared table: `receipt-code` unless given (tests give each test context
   * its own, as they share one database).
   */
  scope?: string;
  /** How often (at most) this instance deletes past days' rows, on the way of an attempt. */
  sweepEveryMs?: number;
  /** A failed sweep is reported here; the attempt it rode on is not affected. */
  onSweepError?: (error: unknown) => void;
}

const dayMs = 86_400_000;

export class GuessLimiter {
  readonly limits: GuessLimits;
  readonly #db: Kysely<Database>;
  readonly #keys: ClientKeys;
  readonly #now: () => number;
  readonly #scope: string;
  readonly #sweepEveryMs: number;
  readonly #onSweepError: (error: unknown) => void;
  /** Client hash → epoch ms until which it waits; insertion order = age. */
  readonly #waits = new Map<string, number>();
  #lastSweep = 0;

  constructor(
    deps: { db: Kysely<Database>; serverSecret: Pick<ServerSecret, 'deriveKey'> },
    limits: Partial<GuessLimits> = {},
    options: GuessLimiterOptions = {},
  ) {
    this.limits = { ...defaultGuessLimits, ...limits };
    this.#db = deps.db;
    this.#keys = new ClientKeys(deps.serverSecret);
    this.#now = options.now ?? Date.now;
    this.#scope = options.scope ?? 'receipt-code';
    this.#sweepEveryMs = options.sweepEveryMs ?? 60_000;
    this.#onSweepError = options.onSweepError ?? (() => {});
  }

  /**
   * Takes one attempt of the client at `address` (as `clientAddress` gives it; clients whose address is
   * unknown share one count): the seconds it must wait first (nothing counted), or 0 — and then the
   * attempt counts as a failure until `succeeded` says otherwise.
   */
  async attempt(address: string | undefined): Promise<number> {
    const now = this.#now();
    const client = this.#client(address, now);
    const known = this.#knownWait(client, now);
    if (known > 0) return known;
    this.#sweepNow(now);
    const at = new Date(now);
    const first = this.#waitAfter(1);
    const row = await sql<{ blocked_until: Date | string }>`
      insert into receipt_guess as g (scope, client_hash, failures, blocked_until, expires_at)
      values (${this.#scope}, ${client}, 1, ${new Date(first > 0 ? now + first * 1000 : 0)}, ${new Date(this.#dayEnd(now))})
      on conflict (scope, client_hash) do update set
        failures = g.failures + 1,
        blocked_until = case when g.failures + 1 > ${this.limits.freeFailures}
          then ${at}::timestamptz + make_interval(secs => least(
            ${this.limits.firstWaitSeconds}::float8 * power(2::float8, least(g.failures - ${this.limits.freeFailures}, 30)),
            ${this.limits.maxWaitSeconds}::float8))
          else g.blocked_until end
      where g.blocked_until <= ${at}
      returning blocked_until`.execute(this.#db);
    const counted = row.rows[0];
    if (counted) {
      // This attempt may have started a wait: the next one is refused from memory.
      this.#remember(client, new Date(counted.blocked_until).getTime());
      return 0;
    }
    // Waiting (another instance may have started it): how long, from the row.
    const waiting = await this.#db
      .selectFrom('receipt_guess')
      .select('blocked_until')
      .where('scope', '=', this.#scope)
      .where('client_hash', '=', client)
      .executeTakeFirst();
    const until = waiting ? new Date(waiting.blocked_until).getTime() : now + 1000;
    this.#remember(client, until);
    return Math.max(1, Math.ceil((until - now) / 1000));
  }

  /**
   * The attempt just taken found its report: it is not one of the day's failures. The other failures
   * stay (a success wipes nothing), and so does a wait this attempt started — a reporter who has their
   * report open needs no second look-up within it.
   */
  async succeeded(address: string | undefined): Promise<void> {
    await this.#db
      .updateTable('receipt_guess')
      .set({ failures: sql<number>`failures - 1` })
      .where('scope', '=', this.#scope)
      .where('client_hash', '=', this.#client(address, this.#now()))
      .where('failures', '>', 0)
      .execute();
  }

  /** Seconds the client must wait before its next attempt, or 0 when it may try now (nothing counted). */
  async retryAfter(address: string | undefined): Promise<number> {
    const now = this.#now();
    const row = await this.#db
      .selectFrom('receipt_guess')
      .select('blocked_until')
      .where('scope', '=', this.#scope)
      .where('client_hash', '=', this.#client(address, now))
      .executeTakeFirst();
    const wait = row ? new Date(row.blocked_until).getTime() - now : 0;
    return wait > 0 ? Math.ceil(wait / 1000) : 0;
  }

  /** How many waits are remembered in memory now (for tests of the bound). */
  get rememberedWaits(): number {
    return this.#waits.size;
  }

  /** Deletes up to `batch` rows of days that are over; the number deleted. */
  async sweepExpired(now = this.#now(), batch = 1000): Promise<number> {
    const result = await sql`delete from receipt_guess where ctid = any(array(
        select ctid from receipt_guess where expires_at <= ${new Date(now)} limit ${batch}))`.execute(this.#db);
    return Number(result.numAffectedRows ?? 0);
  }

  /** The wait after the n-th failure of a day, in seconds (0 while it is one of the free ones). */
  #waitAfter(failures: number): number {
    const over = failures - this.limits.freeFailures;
    if (over <= 0) return 0;
    return Math.min(this.limits.firstWaitSeconds * 2 ** Math.min(over - 1, 30), this.limits.maxWaitSeconds);
  }

  #client(address: string | undefined, now: number): string {
    // Its network under the day's key: a new UTC day is a new client, with a new day's free failures.
    return this.#keys.keyOf(clientNetwork(address), now);
  }

  #dayEnd(now: number): number {
    return (Math.floor(now / dayMs) + 1) * dayMs;
  }

  #knownWait(client: string, now: number): number {
    const until = this.#waits.get(client);
    if (until === undefined) return 0;
    if (until > now) return Math.ceil((until - now) / 1000);
    this.#waits.delete(client);
    return 0;
  }

  #remember(client: string, until: number): void {
    if (until <= this.#now()) return;
    this.#waits.delete(client);
    this.#waits.set(client, until);
    while (this.#waits.size > this.limits.maxRememberedWaits) {
      const oldest = this.#waits.keys().next().value;
      if (oldest === undefined) break;
      this.#waits.delete(oldest);
    }
  }

  #sweepNow(now: number): void {
    if (now - this.#lastSweep < this.#sweepEveryMs) return;
    this.#lastSweep = now;
    for (const [client, until] of this.#waits) if (until <= now) this.#waits.delete(client);
    this.sweepExpired(now).catch(this.#onSweepError);
  }
}

import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { ClientKeys } from './client-keys.ts';

/** At most `max` uses per client in each window of `windowSeconds`. */
export interface WindowLimit {
  max: number;
  windowSeconds: number;
}

/** A use taken from a client's limit: `release` gives it back (the use did not happen after all). */
export interface Reservation {
  reserved: true;
  release(): Promise<void>;
}

export type ReserveResult = Reservation | { reserved: false; retryAfterSeconds: number };

export interface LimitStoreOptions {
  now?: () => number;
  /** How often (at most) this instance deletes expired windows, on the way of a reservation. */
  sweepEveryMs?: number;
  /** Expired windows deleted per sweep: one short statement, however many expired. */
  sweepBatch?: number;
  /** Refusals remembered in memory (see `LimitStore`); the oldest are forgotten first. */
  maxRememberedRefusals?: number;
  /** A failed sweep is reported here; the reservation it rode on is not affected. */
  onSweepError?: (error: unknown) => void;
}

/**
 * Per-client limits in fixed windows, counted in the database (`rate_limit_window`) so every service
 * instance on it enforces one limit together.
 *
 * A use is reserved before it happens, by one atomic statement: `INSERT … ON CONFLICT DO UPDATE SET
 * count = count + 1 WHERE count < max RETURNING` — a burst of parallel requests cannot all read "below
 * the limit" before any of them counts. A use that did not happen after all (a replay, a refusal
 * further on) is released again. Windows are aligned to the epoch (`floor(now / window)`), so every
 * instance agrees on them without talking; the client is hashed under the key of the day its window
 * started (`ClientKeys`), so a window spanning midnight keeps its count.
 *
 * Cost per request is flat: one primary-key upsert; no scan of all clients. Expired windows are
 * deleted in small batches on the way (at most once per `sweepEveryMs` per instance).
 *
 * The only memory per client is a bounded map of refusals: a client over its limit is refused from
 * memory until its window ends, so a flood from one source costs no database round trip per request.
 * A refusal remembered here may outlast a slot given back elsewhere by a few requests — the cost is one
 * more refusal, never one more acceptance.
 */
export class LimitStore {
  readonly #db: Kysely<Database>;
  readonly #keys: ClientKeys;
  readonly #now: () => number;
  readonly #sweepEveryMs: number;
  readonly #sweepBatch: number;
  readonly #maxRefusals: number;
  readonly #onSweepError: (error: unknown) => void;
  /** `scope client window-start` → epoch ms until which the client is refused; insertion order = age. */
  readonly #refusals = new Map<string, number>();
  #lastSweep = 0;

  constructor(db: Kysely<Database>, keys: ClientKeys, options: LimitStoreOptions = {}) {
    this.#db = db;
    this.#keys = keys;
    this.#now = options.now ?? Date.now;
    this.#sweepEveryMs = options.sweepEveryMs ?? 60_000;
    this.#sweepBatch = options.sweepBatch ?? 1000;
    this.#maxRefusals = options.maxRememberedRefusals ?? 50_000;
    this.#onSweepError = options.onSweepError ?? (() => {});
  }

  /**
   * Takes one use of the client's limit in `scope`, or says how long until its window ends. `network`
   * is the client's network (`clientNetwork`); unknown clients share one count.
   */
  async reserve(scope: string, network: string | undefined, limit: WindowLimit): Promise<ReserveResult> {
    const now = this.#now();
    const { start, end, client, id, retryAfterSeconds } = this.#window(scope, network, limit, now);
    const refusedUntil = this.#refusals.get(id);
    if (refusedUntil !== undefined) {
      if (refusedUntil > now) return { reserved: false, retryAfterSeconds };
      this.#refusals.delete(id);
    }
    this.#sweepNow(now);

    const where = { scope, client_hash: client, window_start: new Date(start) };
    const row = await this.#db
      .insertInto('rate_limit_window')
      .values({ ...where, count: 1, expires_at: new Date(end) })
      .onConflict((oc) =>
        oc
          .columns(['scope', 'client_hash', 'window_start'])
          .doUpdateSet({ count: sql<number>`rate_limit_window.count + 1` })
          .where('rate_limit_window.count', '<', limit.max),
      )
      .returning('count')
      .executeTakeFirst();
    if (!row) {
      this.#rememberRefusal(id, end);
      return { reserved: false, retryAfterSeconds };
    }
    return {
      reserved: true,
      release: async () => {
        this.#refusals.delete(id);
        await this.#db
          .updateTable('rate_limit_window')
          .set({ count: sql<number>`count - 1` })
          .where('scope', '=', where.scope)
          .where('client_hash', '=', where.client_hash)
          .where('window_start', '=', where.window_start)
          .where('count', '>', 0)
          .execute();
      },
    };
  }

  /**
   * Seconds until the client has a use left in `scope` again, or 0 when it has one now; takes nothing
   * (for a step before the one that reserves, such as the start of a sign-in).
   */
  async peek(scope: string, network: string | undefined, limit: WindowLimit): Promise<number> {
    const now = this.#now();
    const { start, client, id, retryAfterSeconds } = this.#window(scope, network, limit, now);
    const refusedUntil = this.#refusals.get(id);
    if (refusedUntil !== undefined && refusedUntil > now) return retryAfterSeconds;
    const row = await this.#db
      .selectFrom('rate_limit_window')
      .select('count')
      .where('scope', '=', scope)
      .where('client_hash', '=', client)
      .where('window_start', '=', new Date(start))
      .executeTakeFirst();
    return row && row.count >= limit.max ? retryAfterSeconds : 0;
  }

  /** How many refusals are remembered now (for the memory bench and tests of the bound). */
  get rememberedRefusals(): number {
    return this.#refusals.size;
  }

  /** Deletes up to `sweepBatch` windows that ended before `now`; the number deleted. */
  async sweepExpired(now = this.#now()): Promise<number> {
    const result = await sql`delete from rate_limit_window where ctid = any(array(
        select ctid from rate_limit_window where expires_at < ${new Date(now)} limit ${this.#sweepBatch}))`.execute(
      this.#db,
    );
    return Number(result.numAffectedRows ?? 0);
  }

  /**
   * The client's current window in `scope`: aligned to the epoch, the client hashed under the key of
   * the day the window started; `id` names it in the refusals remembered.
   */
  #window(scope: string, network: string | undefined, limit: WindowLimit, now: number) {
    const windowMs = limit.windowSeconds * 1000;
    const start = Math.floor(now / windowMs) * windowMs;
    const end = start + windowMs;
    const client = this.#keys.keyOf(network, start);
    return {
      start,
      end,
      client,
      id: `${scope} ${client} ${start}`,
      retryAfterSeconds: Math.max(1, Math.ceil((end - now) / 1000)),
    };
  }

  #sweepNow(now: number): void {
    if (now - this.#lastSweep < this.#sweepEveryMs) return;
    this.#lastSweep = now;
    for (const [id, until] of this.#refusals) {
      if (until > now) break; // roughly in order of age: the rest are mostly still running
      this.#refusals.delete(id);
    }
    this.sweepExpired(now).catch(this.#onSweepError);
  }

  #rememberRefusal(id: string, until: number): void {
    this.#refusals.delete(id);
    this.#refusals.set(id, until);
    while (this.#refusals.size > this.#maxRefusals) {
      const oldest = this.#refusals.keys().next().value;
      if (oldest === undefined) break;
      this.#refusals.delete(oldest);
    }
  }
}

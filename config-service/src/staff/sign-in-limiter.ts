import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { ClientKeys } from '../limits/client-keys.ts';
import { clientNetwork } from '../limits/client-network.ts';
import { LimitStore, type WindowLimit } from '../limits/limit-store.ts';
import type { ServerSecret } from '../secrets/server-secret.ts';

/** One sign-in attempt: refused (`retryAfter` > 0), or counted as a failure until it `succeeded`. */
export interface SignInAttempt {
  /** Seconds until this client may try again; 0 when this attempt may go ahead. */
  retryAfter: number;
  /** The attempt signed someone in: it is not one of the client's failures. */
  succeeded(): Promise<void>;
}

export interface SignInLimiterOptions {
  maxFailures?: number;
  windowSeconds?: number;
  /** The limit's name in the shared table: `sign-in` unless given (tests give each context its own). */
  scope?: string;
  now?: () => number;
}

/**
 * Failed sign-ins per client, whatever way in was tried (demo, passkey, single sign-on): after
 * `maxFailures` failures within a window of `windowSeconds` the client is refused until the window is
 * over, whatever it tries (a right credential included, so the refusal says nothing about who exists).
 *
 * Counted like report intake (issue 16): the client is its network (an IPv6 address by its /64, one
 * address written any way as one), never an address, only a keyed hash of it under the day's client key
 * is stored, and the counts are in the database (`LimitStore`), so every instance enforces one limit
 * together. Each attempt is counted as a failure before it is tried, and given back when it succeeds:
 * a burst of parallel attempts cannot all pass the check before the first failure is counted.
 */
export class SignInLimiter {
  readonly #store: LimitStore;
  readonly #limit: WindowLimit;
  readonly #scope: string;

  constructor(
    deps: { db: Kysely<Database>; serverSecret: Pick<ServerSecret, 'deriveKey'> },
    options: SignInLimiterOptions = {},
  ) {
    this.#store = new LimitStore(deps.db, new ClientKeys(deps.serverSecret), { now: options.now });
    this.#limit = { max: options.maxFailures ?? 10, windowSeconds: options.windowSeconds ?? 15 * 60 };
    this.#scope = options.scope ?? 'sign-in';
  }

  /** Takes one attempt of the client at `address` (as `clientAddress` gives it; undefined when unknown). */
  async attempt(address: string | undefined): Promise<SignInAttempt> {
    const reservation = await this.#store.reserve(this.#scope, clientNetwork(address), this.#limit);
    if (!reservation.reserved) return { retryAfter: reservation.retryAfterSeconds, succeeded: async () => {} };
    return { retryAfter: 0, succeeded: () => reservation.release() };
  }

  /** Seconds until this client may try again, or 0 when it may try now; counts nothing. */
  retryAfter(address: string | undefined): Promise<number> {
    return this.#store.peek(this.#scope, clientNetwork(address), this.#limit);
  }
}

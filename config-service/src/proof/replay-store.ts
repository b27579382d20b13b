import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

/**
 * The challenges already used for a report, in PostgreSQL so every service instance sees the same
 * ones: a challenge redeemed at one instance is refused at the other. Rows live until their challenge
 * has expired (then it is refused as expired anyway) and are swept at most once a minute per process.
 */
export class ProofReplayStore {
  readonly #db: Kysely<Database>;
  readonly #now: () => number;
  #lastSweep = 0;

  constructor(db: Kysely<Database>, now: () => number = Date.now) {
    this.#db = db;
    this.#now = now;
  }

  /**
   * Marks the challenge (by its signature) as used; `false` when it was used before. One statement,
   * so of two requests racing with the same challenge exactly one wins.
   */
  async redeem(signature: string, expiresAt: Date): Promise<boolean> {
    await this.#sweepNowAndThen();
    const row = await this.#db
      .insertInto('proof_redemption')
      .values({ challenge_hash: hashOf(signature), expires_at: expiresAt })
      .onConflict((oc) => oc.column('challenge_hash').doNothing())
      .returning('challenge_hash')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Gives a challenge back: its report could not be stored for a fault of ours (the database was away). */
  async release(signature: string): Promise<void> {
    await this.#db.deleteFrom('proof_redemption').where('challenge_hash', '=', hashOf(signature)).execute();
  }

  /** Deletes the rows of expired challenges; returns how many. */
  async sweep(): Promise<number> {
    this.#lastSweep = this.#now();
    const result = await this.#db
      .deleteFrom('proof_redemption')
      .where('expires_at', '<', new Date(this.#now()))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async #sweepNowAndThen(): Promise<void> {
    if (this.#now() - this.#lastSweep >= 60_000) await this.sweep();
  }
}

/** SHA-256 of the signature: the signature itself never needs to be kept. */
function hashOf(signature: string): string {
  return createHash('sha256').update(signature).digest('base64url');
}

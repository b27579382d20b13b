import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { purposes, type ServerSecret } from '../secrets/server-secret.ts';

const dayMs = 86_400_000;

/**
 * Keyed hashes of client networks (`client-network.ts`), the only form in which a client is counted
 * or stored (`rate_limit_window.client_hash`). The key changes every UTC day: it is an HMAC of the date
 * under a key derived from `SERVER_SECRET`, so it is never stored, every instance computes the same
 * one, and a hash of today cannot be linked to one of another day — nor, without the server secret, to
 * an address at all.
 *
 * Which day's key counts is the caller's choice (`at`): a limit passes the start of its window, so a
 * window that spans midnight keeps one key from start to end and nobody's count resets at 00:00 UTC.
 */
export class ClientKeys {
  readonly #root: Buffer;
  /** The last few days' keys: a window started yesterday still asks for yesterday's. */
  readonly #dayKeys = new Map<number, KeyObject>();

  constructor(secret: Pick<ServerSecret, 'deriveKey'>) {
    this.#root = secret.deriveKey(purposes.clientKey);
  }

  /**
   * The client's key for the UTC day of `at` (epoch ms); 22 base64url characters (128 bits). Clients
   * whose address is unknown (`undefined`) share one key, and so one limit.
   */
  keyOf(network: string | undefined, at: number): string {
    return createHmac('sha256', this.#dayKey(Math.floor(at / dayMs)))
      .update(network ?? 'unknown')
      .digest('base64url')
      .slice(0, 22);
  }

  /** A key object: an HMAC under one costs a fifth of one under the raw bytes (once per request here). */
  #dayKey(day: number): KeyObject {
    let key = this.#dayKeys.get(day);
    if (!key) {
      const date = new Date(day * dayMs).toISOString().slice(0, 10);
      key = createSecretKey(createHmac('sha256', this.#root).update(date).digest());
      const oldest = this.#dayKeys.keys().next().value;
      if (this.#dayKeys.size >= 4 && oldest !== undefined) this.#dayKeys.delete(oldest);
      this.#dayKeys.set(day, key);
    }
    return key;
  }
}

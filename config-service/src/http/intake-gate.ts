import { ProblemError } from './problem.ts';

/** How long a client is asked to wait when the intake is full: short, the widget retries by itself. */
export const busyRetryAfterSeconds = 2;

/**
 * Issue 16: load shedding for the report intake of one instance. At most `maxInFlight` reports are
 * stored at the same time; one more is answered at once with 503 `busy` and `Retry-After` — before any
 * of its database work, so an overload queues nothing and no statement runs into `DB_QUERY_TIMEOUT_MS`,
 * and a reporter's report is turned away in milliseconds instead of failing after seconds. Its proof of
 * work is given back (`requireProof` releases it on a 5xx), and the widget sends the same report again
 * after the wait with the same Idempotency-Key and proof (`widget/src/send.ts`).
 *
 * It guards only the storing: the body has been read and checked before, so a client that sends its
 * body slowly holds no place here and cannot lock others out.
 */
export class IntakeGate {
  readonly #maxInFlight: number;
  #inFlight = 0;

  constructor(maxInFlight: number) {
    this.#maxInFlight = maxInFlight;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /** Runs `work` if there is room, else throws the 503 `busy` problem without running it. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#inFlight >= this.#maxInFlight) throw busy();
    this.#inFlight++;
    try {
      return await work();
    } finally {
      this.#inFlight--;
    }
  }
}

function busy(): ProblemError {
  return new ProblemError(503, 'busy', 'The reporting point is very busy right now', {
    detail: `Nothing was stored. Send the report again in ${busyRetryAfterSeconds} seconds; it will not be stored twice. In an emergency, call 112.`,
    headers: { 'Retry-After': String(busyRetryAfterSeconds) },
  });
}

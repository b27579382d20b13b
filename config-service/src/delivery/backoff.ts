/** Retry timing of temporary delivery failures (`DELIVERY_RETRY_*` and `DELIVERY_GIVE_UP_MS`). */
export interface RetryPolicy {
  /** The first retry waits up to this long; each further one up to twice as long as the one before. */
  baseMs: number;
  /** No wait is longer than this. */
  maxMs: number;
  /** A delivery still failing this long after it was scheduled (or re-driven) is given up. */
  giveUpMs: number;
}

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter"):
 * a random wait between 0 and min(max, base · 2^(attempt − 1)), so many deliveries that failed
 * together (the mail server was down) do not all come back at the same moment.
 */
export function retryDelay(attempts: number, policy: Pick<RetryPolicy, 'baseMs' | 'maxMs'>, random = Math.random) {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}

/**
 * What to do after a temporary failure: retry after a delay, or give up when the next attempt
 * would come later than `giveUpMs` after the delivery was scheduled (or re-driven).
 */
export function nextRetry(
  attempts: number,
  since: Date,
  now: number,
  policy: RetryPolicy,
  random = Math.random,
): { giveUp: true } | { giveUp: false; delayMs: number } {
  const delayMs = retryDelay(attempts, policy, random);
  if (now + delayMs - since.getTime() > policy.giveUpMs) return { giveUp: true };
  return { giveUp: false, delayMs };
}

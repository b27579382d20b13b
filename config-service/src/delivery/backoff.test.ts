import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { nextRetry, retryDelay } from './backoff.ts';

const policy = { baseMs: 60_000, maxMs: 3_600_000, giveUpMs: 48 * 3_600_000 };

describe('retry backoff (exponential, full jitter)', () => {
  it('waits between 0 and min(max, base · 2^(attempts − 1))', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0, max: 0.999_999, noNaN: true }),
        (attempts, r) => {
          const delay = retryDelay(attempts, policy, () => r);
          const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempts - 1));
          return delay >= 0 && delay < ceiling && Number.isInteger(delay);
        },
      ),
    );
  });

  it('doubles the ceiling per attempt up to the cap', () => {
    const top = (attempts: number) => retryDelay(attempts, policy, () => 0.999_999);
    assert.ok(top(1) > 59_000 && top(1) < 60_000);
    assert.ok(top(2) > 119_000 && top(2) < 120_000);
    assert.ok(top(7) < 3_600_000 && top(7) > 3_599_000, 'capped at an hour');
    assert.ok(top(60) < 3_600_000, 'no overflow for many attempts');
    assert.equal(
      retryDelay(3, policy, () => 0),
      0,
    );
  });

  it('gives up when the next attempt would come after the give-up time', () => {
    const since = new Date('2026-11-20T00:00:00Z');
    const at = (hours: number) => since.getTime() + hours * 3_600_000;
    assert.deepEqual(
      nextRetry(3, since, at(1), policy, () => 0.5),
      { giveUp: false, delayMs: 120_000 },
    );
    assert.deepEqual(
      nextRetry(30, since, at(47.9), policy, () => 0.5),
      { giveUp: true },
    );
    assert.equal(nextRetry(30, since, at(47), policy, () => 0.5).giveUp, false);
  });
});

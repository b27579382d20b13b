import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { databaseKind, useTestContext } from '../../test/helpers.ts';
import { GuessLimiter, type GuessLimits } from './guess-limiter.ts';

describe(`GuessLimiter (failed receipt-code look-ups per client, in the database; ${databaseKind})`, () => {
  const ctx = useTestContext();
  const start = Date.parse('2026-12-10T08:00:00Z');
  /** A limiter of its own (its own scope in the shared table); `clock.now` is its time. */
  const limiter = (clock: { now: number }, limits: Partial<GuessLimits> = {}, scope = `test:${randomUUID()}`) =>
    new GuessLimiter(ctx.deps, limits, { now: () => clock.now, scope });

  it('5 free failures, then a wait that doubles with every further failure, capped at an hour', async () => {
    const clock = { now: start };
    const guesses = limiter(clock);
    for (let i = 0; i < 5; i++) assert.equal(await guesses.attempt('198.51.100.1'), 0);
    assert.equal(await guesses.retryAfter('198.51.100.1'), 0, 'five failures are free');
    const waits = [];
    for (let i = 0; i < 16; i++) {
      assert.equal(await guesses.attempt('198.51.100.1'), 0, 'free to try once the wait is over');
      const wait = await guesses.retryAfter('198.51.100.1');
      waits.push(wait);
      clock.now += wait * 1000;
    }
    assert.deepEqual(waits, [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 3600, 3600, 3600, 3600]);
  });

  it('an attempt counts as a failure from its start (a burst cannot slip past), until it succeeds', async () => {
    const clock = { now: start };
    const guesses = limiter(clock);
    const waits = await Promise.all(Array.from({ length: 20 }, () => guesses.attempt('2001:db8:1:2::1')));
    assert.equal(waits.filter((w) => w === 0).length, 6, 'five free, the sixth starts the wait');
    assert.equal(waits.filter((w) => w > 0).length, 14, 'the rest wait — whatever the look-ups answer meanwhile');

    const reporter = limiter(clock);
    for (let i = 0; i < 4; i++) await reporter.attempt('198.51.100.2');
    assert.equal(await reporter.attempt('198.51.100.2'), 0);
    await reporter.succeeded('198.51.100.2');
    assert.equal(await reporter.attempt('198.51.100.2'), 0);
    assert.equal(await reporter.retryAfter('198.51.100.2'), 0, 'the success was not one of the five failures');
  });

  it('two instances (two limiters on one database) count one client together', async () => {
    const clock = { now: start };
    const scope = `test:${randomUUID()}`;
    const [a, b] = [limiter(clock, {}, scope), limiter(clock, {}, scope)];
    const waits = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).attempt('198.51.100.3')));
    assert.equal(waits.filter((w) => w === 0).length, 6);
    assert.ok((await b.attempt('198.51.100.3')) > 0, 'a wait started through one instance holds on the other');
  });

  it('counts per client only, by network: one client’s failures hold up no other', async () => {
    const clock = { now: start };
    const guesses = limiter(clock);
    for (let i = 0; i < 10; i++) await guesses.attempt(`2001:db8:aa:1::${i + 1}`);
    assert.ok((await guesses.retryAfter('2001:db8:aa:1::ffff')) > 0, 'the whole /64 is one client');
    assert.equal(await guesses.retryAfter('2001:db8:aa:2::1'), 0);
    assert.equal(await guesses.retryAfter('198.51.100.4'), 0);
  });

  it('forgets the day’s failures when the UTC day (and with it every client key) changes; past days are swept', async () => {
    const clock = { now: Date.parse('2026-12-10T23:59:00Z') };
    const scope = `test:${randomUUID()}`;
    // No sweep on the way: this test sweeps itself.
    const guesses = new GuessLimiter(ctx.deps, {}, { now: () => clock.now, scope, sweepEveryMs: Infinity });
    for (let i = 0; i < 20; i++) {
      await guesses.attempt('198.51.100.5');
      clock.now += (await guesses.retryAfter('198.51.100.5')) * 1000;
      clock.now = Math.min(clock.now, Date.parse('2026-12-10T23:59:59Z'));
    }
    assert.ok((await guesses.retryAfter('198.51.100.5')) > 0);
    clock.now = Date.parse('2026-12-11T00:00:01Z');
    assert.equal(await guesses.attempt('198.51.100.5'), 0);
    const rows = () => ctx.db.selectFrom('receipt_guess').selectAll().where('scope', '=', scope).execute();
    assert.equal((await rows()).length, 2, 'yesterday’s and today’s row');
    assert.ok((await guesses.sweepExpired()) >= 1, 'yesterday’s row (and other tests’ past days) deleted');
    const left = await rows();
    assert.equal(left.length, 1);
    assert.equal(left[0]?.failures, 1);
    assert.doesNotMatch(JSON.stringify(left), /198\.51\.100/, 'only a keyed hash of the client is stored');
  });

  it('remembers at most maxRememberedWaits waits in memory; the rest are read from the database', async () => {
    const clock = { now: start };
    const guesses = limiter(clock, { freeFailures: 0, maxRememberedWaits: 3 });
    for (const n of [1, 2, 3, 4, 5]) await guesses.attempt(`198.51.100.${10 + n}`);
    assert.equal(guesses.rememberedWaits, 3);
    assert.ok((await guesses.attempt('198.51.100.11')) > 0, 'the forgotten wait still holds (from the database)');
  });
});

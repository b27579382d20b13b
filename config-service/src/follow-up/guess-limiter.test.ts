import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GuessLimiter } from './guess-limiter.ts';

describe('GuessLimiter (failed receipt-code look-ups per client)', () => {
  const start = Date.parse('2026-12-10T08:00:00Z');

  it('5 free failures, then a wait that doubles with every further failure, capped at an hour', () => {
    let now = start;
    const limiter = new GuessLimiter({}, () => now);
    for (let i = 0; i < 5; i++) {
      assert.equal(limiter.retryAfter('a'), 0);
      limiter.fail('a');
    }
    assert.equal(limiter.retryAfter('a'), 0, 'five failures are free');
    const waits = [];
    for (let i = 0; i < 16; i++) {
      limiter.fail('a');
      const wait = limiter.retryAfter('a');
      waits.push(wait);
      now += wait * 1000;
      assert.equal(limiter.retryAfter('a'), 0, 'free to try once the wait is over');
    }
    assert.deepEqual(waits, [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 3600, 3600, 3600, 3600]);
  });

  it('an attempt counts as a failure from its start (a burst cannot slip past), until it succeeds', () => {
    const limiter = new GuessLimiter({}, () => start);
    const waits = Array.from({ length: 20 }, () => limiter.attempt('burst'));
    assert.deepEqual(
      waits.map((w) => (w === 0 ? 'tried' : 'wait')),
      [...Array<string>(6).fill('tried'), ...Array<string>(14).fill('wait')],
      'five free, the sixth starts the wait, the rest wait — whatever the look-ups answer meanwhile',
    );
    const reporter = new GuessLimiter({}, () => start);
    for (let i = 0; i < 4; i++) reporter.fail('typo');
    assert.equal(reporter.attempt('typo'), 0);
    reporter.succeeded('typo');
    reporter.fail('typo');
    assert.equal(reporter.retryAfter('typo'), 0, 'the success was not one of the five failures');
  });

  it('counts per client only: one client’s failures hold up no other', () => {
    const limiter = new GuessLimiter({}, () => start);
    for (let i = 0; i < 10; i++) limiter.fail('attacker');
    assert.ok(limiter.retryAfter('attacker') > 0);
    assert.equal(limiter.retryAfter('reporter'), 0);
  });

  it('forgets the day’s failures when the UTC day (and with it every client key) changes', () => {
    let now = Date.parse('2026-12-10T23:59:00Z');
    const limiter = new GuessLimiter({}, () => now);
    for (let i = 0; i < 20; i++) limiter.fail('a');
    assert.equal(limiter.retryAfter('a'), 3600);
    now = Date.parse('2026-12-11T00:00:01Z');
    assert.equal(limiter.retryAfter('a'), 0);
    assert.equal(limiter.size, 0);
  });

  it('remembers at most maxClients, dropping the longest-quiet first', () => {
    const limiter = new GuessLimiter({ maxClients: 3 }, () => start);
    for (let i = 0; i < 10; i++) limiter.fail('busy');
    for (const client of ['b', 'c', 'd']) limiter.fail(client);
    assert.equal(limiter.size, 3);
    assert.equal(limiter.retryAfter('busy'), 0, 'the longest-quiet client went first');
    limiter.fail('b');
    limiter.fail('e');
    assert.equal(limiter.size, 3);
  });
});

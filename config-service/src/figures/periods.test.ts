import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  amsterdamDate,
  amsterdamMidnight,
  isComplete,
  lastCompletePeriod,
  periodBefore,
  periodContaining,
  periodRange,
  resolvePeriod,
} from './periods.ts';

describe('periods', () => {
  it('are ISO weeks from Monday and calendar months', () => {
    assert.deepEqual(periodContaining('week', '2026-06-14'), { kind: 'week', start: '2026-06-08', end: '2026-06-15' });
    assert.deepEqual(periodContaining('week', '2026-06-15'), { kind: 'week', start: '2026-06-15', end: '2026-06-22' });
    // ISO week 1 of 2027 starts on Monday 4 January; 1 January 2027 (a Friday) is in the week of 28 December.
    assert.deepEqual(periodContaining('week', '2027-01-01'), { kind: 'week', start: '2026-12-28', end: '2027-01-04' });
    assert.deepEqual(periodContaining('month', '2026-02-28'), {
      kind: 'month',
      start: '2026-02-01',
      end: '2026-03-01',
    });
    assert.deepEqual(periodContaining('month', '2026-12-31'), {
      kind: 'month',
      start: '2026-12-01',
      end: '2027-01-01',
    });
    assert.deepEqual(periodBefore(periodContaining('month', '2026-03-31')), {
      kind: 'month',
      start: '2026-02-01',
      end: '2026-03-01',
    });
    assert.deepEqual(periodBefore(periodContaining('month', '2026-06-01'), 11).start, '2025-07-01');
    assert.deepEqual(periodBefore(periodContaining('week', '2026-01-07')).start, '2025-12-29');
  });

  it('start at midnight in Amsterdam, summer and winter time and across the clock changes', () => {
    assert.equal(amsterdamMidnight('2026-06-01').toISOString(), '2026-05-31T22:00:00.000Z');
    assert.equal(amsterdamMidnight('2026-01-01').toISOString(), '2025-12-31T23:00:00.000Z');
    // Summer time starts on Sunday 29 March 2026 at 2:00, ends on Sunday 25 October at 3:00.
    assert.equal(amsterdamMidnight('2026-03-29').toISOString(), '2026-03-28T23:00:00.000Z');
    assert.equal(amsterdamMidnight('2026-03-30').toISOString(), '2026-03-29T22:00:00.000Z');
    assert.equal(amsterdamMidnight('2026-10-25').toISOString(), '2026-10-24T22:00:00.000Z');
    assert.equal(amsterdamMidnight('2026-10-26').toISOString(), '2026-10-25T23:00:00.000Z');
    const week = periodRange(periodContaining('week', '2026-03-29'));
    assert.equal(week.to.getTime() - week.from.getTime(), (7 * 24 - 1) * 3600_000);
  });

  it('read the date in Amsterdam', () => {
    assert.equal(amsterdamDate(new Date('2026-06-14T21:59:59Z')), '2026-06-14');
    assert.equal(amsterdamDate(new Date('2026-06-14T22:00:00Z')), '2026-06-15');
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }), (d) => {
        const day = amsterdamDate(d);
        const from = amsterdamMidnight(day);
        assert.ok(from.getTime() <= d.getTime(), `${d.toISOString()} before its day ${day}`);
        assert.equal(amsterdamDate(from), day);
      }),
    );
  });

  it('are served only once complete; by default the last complete one', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    assert.deepEqual(lastCompletePeriod('month', now), { kind: 'month', start: '2026-11-01', end: '2026-12-01' });
    assert.deepEqual(lastCompletePeriod('week', now), { kind: 'week', start: '2026-11-23', end: '2026-11-30' });
    assert.equal(isComplete(periodContaining('month', '2026-11-30'), now), true);
    assert.equal(isComplete(periodContaining('month', '2026-12-01'), now), false);
    // Sunday 23:30 in Amsterdam: the week has not ended.
    assert.equal(isComplete(periodContaining('week', '2026-11-29'), new Date('2026-11-29T22:30:00Z')), false);
    assert.equal(isComplete(periodContaining('week', '2026-11-29'), new Date('2026-11-29T23:00:00Z')), true);
    assert.deepEqual(resolvePeriod('month', undefined, now), { ok: true, period: lastCompletePeriod('month', now) });
    assert.deepEqual(resolvePeriod('month', '2026-12-01', now), {
      ok: false,
      lastComplete: lastCompletePeriod('month', now),
    });
    assert.deepEqual(resolvePeriod('week', '2030-01-01', now).ok, false);
    assert.deepEqual(resolvePeriod('week', '2026-06-14', now), {
      ok: true,
      period: { kind: 'week', start: '2026-06-08', end: '2026-06-15' },
    });
  });
});

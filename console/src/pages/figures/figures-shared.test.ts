import { expect } from '@open-wc/testing';
import { loadBackofficeTexts, translator } from '../../i18n.ts';
import { changeText, choiceOf, countText, levelOf, nextComplete, periodInWords } from './figures-shared.ts';

describe('figures-shared', () => {
  before(() => loadBackofficeTexts());

  it('reads the period from the URL, and falls back to the last complete month on anything else', () => {
    expect(choiceOf('period=week&at=2026-11-30')).to.deep.equal({ period: 'week', at: '2026-11-30' });
    expect(choiceOf('')).to.deep.equal({ period: 'month', at: undefined });
    expect(choiceOf('period=year&at=30-11-2026')).to.deep.equal({ period: 'month', at: undefined });
  });

  it('offers the next period only once it is complete', () => {
    const november = { kind: 'month', start: '2026-11-01', end: '2026-12-01' } as const;
    expect(nextComplete(november, '2026-12-15')).to.equal(undefined);
    expect(nextComplete(november, '2027-01-01')).to.deep.equal({ period: 'month', at: '2026-12-01' });
    const week = { kind: 'week', start: '2026-11-23', end: '2026-11-30' } as const;
    expect(nextComplete(week, '2026-12-06')).to.equal(undefined);
    expect(nextComplete(week, '2026-12-07')).to.deep.equal({ period: 'week', at: '2026-11-30' });
  });

  it('names periods: the month, or the ISO week with its days', () => {
    const t = translator('nl');
    expect(periodInWords(t, 'nl', { kind: 'month', start: '2026-11-01', end: '2026-12-01' })).to.equal('november 2026');
    expect(periodInWords(t, 'nl', { kind: 'week', start: '2026-11-30', end: '2026-12-07' })).to.equal(
      'week 49 van 2026 (30 nov 2026 t/m 6 dec 2026)',
    );
    expect(periodInWords(t, 'nl', { kind: 'week', start: '2026-12-28', end: '2027-01-04' })).to.contain(
      'week 53 van 2026',
    );
    expect(periodInWords(t, 'nl', { kind: 'week', start: '2027-01-04', end: '2027-01-11' })).to.contain(
      'week 1 van 2027',
    );
  });

  it('never shows a number for a suppressed count, and no change that would reveal one', () => {
    const t = translator('nl');
    expect(countText(t, 'nl', { count: null, suppressed: 'below-minimum' }, 7)).to.equal('< 7');
    expect(countText(t, 'nl', { count: null, suppressed: 'complementary' }, 7)).to.equal('verborgen');
    expect(countText(t, 'nl', { count: 1234, suppressed: null }, 7)).to.equal('1.234');
    expect(changeText(t, 'nl', { count: 12, suppressed: null }, { count: null, suppressed: 'below-minimum' })).to.equal(
      'niet te berekenen',
    );
    expect(changeText(t, 'nl', { count: 9, suppressed: null }, { count: 12, suppressed: null })).to.equal(
      '3 minder (25%)',
    );
    expect(levelOf({ count: null, suppressed: 'complementary' }, 10)).to.equal('suppressed');
    expect(levelOf({ count: 0, suppressed: null }, 10)).to.equal(0);
    expect(levelOf({ count: 10, suppressed: null }, 10)).to.equal(4);
    expect(levelOf({ count: 1, suppressed: null }, 10)).to.equal(1);
  });
});

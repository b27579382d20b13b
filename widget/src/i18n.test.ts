import { expect } from '@open-wc/testing';
import { createTexts, ensureLocationTexts, isRtl } from './i18n.ts';
import { testConfig } from './test-support/fixtures.ts';

describe('texts with a count in the widget', () => {
  it('say 1 in the singular and other numbers in the plural, in every category the language has', async () => {
    const config = testConfig({ locales: ['nl', 'en', 'pl', 'ar'] });
    const t = async (locale: 'nl' | 'en' | 'pl' | 'ar') => {
      const texts = await createTexts(config, locale);
      await ensureLocationTexts(texts, config, locale);
      return (key: string, count: number) => texts.t(key, { count });
    };
    const nl = await t('nl');
    expect(nl('steps.details.remaining', 1)).to.equal('Nog 1 teken over');
    expect(nl('steps.details.remaining', 4999)).to.equal('Nog 4999 tekens over');
    expect(nl('errors.rateLimit', 1)).to.match(/over 1 minuut opnieuw\.$/);
    expect(nl('errors.rateLimit', 2)).to.match(/over 2 minuten opnieuw\.$/);
    const en = await t('en');
    expect(en('errors.rateLimit', 1)).to.match(/in 1 minute\.$/);
    expect(en('location.device.accuracy', 30)).to.equal('Accurate to about 30 metres');
    const pl = await t('pl');
    expect([1, 3, 5].map((n) => pl('steps.details.remaining', n))).to.deep.equal([
      'Pozostał 1 znak',
      'Pozostały 3 znaki',
      'Pozostało 5 znaków',
    ]);
    const ar = await t('ar');
    expect(ar('location.device.accuracy', 3)).to.equal('الدقة نحو 3 أمتار');
    expect(ar('location.device.accuracy', 11)).to.equal('الدقة نحو 11 مترًا');
  });

  it('right to left only where the contracts say so', () => {
    expect(isRtl('ar')).to.equal(true);
    expect(isRtl('nl')).to.equal(false);
  });
});

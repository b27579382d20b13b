import { expect } from '@open-wc/testing';
import type { Locale, TenantConfig } from '@meldpunt/contracts';
import { createTexts, ensureTexts, isRtl } from './i18n.ts';
import { testConfig } from './test-support/fixtures.ts';

/** A widget's `t` in one locale with all three parts of its default texts loaded. */
async function translator(locale: Locale, config: TenantConfig = testConfig({ locales: ['nl', 'en', 'pl', 'ar'] })) {
  const texts = await createTexts(config, locale);
  await ensureTexts(texts, locale, 'location');
  await ensureTexts(texts, locale, 'later');
  return (key: string, count?: number) => texts.t(key, count === undefined ? {} : { count });
}

describe('texts with a count in the widget', () => {
  it('say 1 in the singular and other numbers in the plural, in every category the language has', async () => {
    const nl = await translator('nl');
    expect(nl('steps.details.remaining', 1)).to.equal('Nog 1 teken over');
    expect(nl('steps.details.remaining', 4999)).to.equal('Nog 4999 tekens over');
    expect(nl('errors.rateLimit', 1)).to.match(/over 1 minuut opnieuw\.$/);
    expect(nl('errors.rateLimit', 2)).to.match(/over 2 minuten opnieuw\.$/);
    const en = await translator('en');
    expect(en('errors.rateLimit', 1)).to.match(/in 1 minute\.$/);
    expect(en('location.device.accuracy', 30)).to.equal('Accurate to about 30 metres');
    const pl = await translator('pl');
    expect([1, 3, 5].map((n) => pl('steps.details.remaining', n))).to.deep.equal([
      'Pozostał 1 znak',
      'Pozostały 3 znaki',
      'Pozostało 5 znaków',
    ]);
    const ar = await translator('ar');
    expect(ar('location.device.accuracy', 3)).to.equal('الدقة نحو 3 أمتار');
    expect(ar('location.device.accuracy', 11)).to.equal('الدقة نحو 11 مترًا');
  });

  it('a tenant’s own text for a counted key is used for every count', async () => {
    const config = testConfig({ texts: { nl: { 'steps.details.remaining': 'Nog {{count}} over' } } });
    const nl = await translator('nl', config);
    expect([0, 1, 2].map((n) => nl('steps.details.remaining', n))).to.deep.equal([
      'Nog 0 over',
      'Nog 1 over',
      'Nog 2 over',
    ]);
  });

  it('right to left only where the contracts say so', () => {
    expect(isRtl('ar')).to.equal(true);
    expect(isRtl('nl')).to.equal(false);
  });
});

describe('the texts a widget loads', () => {
  it('the tenant’s own texts win over the defaults; a key only in the default locale falls back; else the key', async () => {
    const config = testConfig({
      defaultLocale: 'nl',
      texts: { nl: { 'intro.title': 'Eigen titel', 'categories.own.description': 'Alleen in het Nederlands' } },
    });
    const texts = await createTexts(config, 'ar');
    expect(texts.t('intro.title')).to.not.equal('Eigen titel');
    expect(texts.t('categories.own.description')).to.equal('Alleen in het Nederlands');
    expect(texts.t('no.such.key')).to.equal('no.such.key');
    expect(texts.t('intro.title', { lng: 'nl' })).to.equal('Eigen titel');
  });

  it('loads only the language shown: no default texts of the tenant’s default locale for another language', async () => {
    const texts = await createTexts(testConfig({ defaultLocale: 'nl' }), 'ar');
    expect(texts.hasResourceBundle('ar', 'translation')).to.equal(true);
    expect(texts.t('steps.who.title', { lng: 'nl' })).to.equal('steps.who.title');
    expect(texts.t('steps.review.intro')).to.equal('steps.review.intro');
    await ensureTexts(texts, 'ar', 'later');
    expect(texts.t('steps.review.intro')).to.not.equal('steps.review.intro');
  });
});

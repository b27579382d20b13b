import { expect } from '@open-wc/testing';
import i18next from 'i18next';
import { supportedLocales, type Locale, type TenantConfig } from '@meldpunt/contracts';
import { loadLaterTexts, loadLocationTexts, loadTexts, textKeys } from '@meldpunt/texts';
import { createTexts, ensureTexts, Translations } from './i18n.ts';
import { testConfig } from './test-support/fixtures.ts';

/** i18next as the widget used it before `Translations`: the reference every answer is compared with. */
async function reference(resources: Record<string, object>, lng: Locale, fallbackLng: Locale) {
  const instance = i18next.createInstance();
  await instance.init({ lng, fallbackLng, resources: {}, interpolation: { escapeValue: false }, returnNull: false });
  for (const [l, tree] of Object.entries(resources)) instance.addResourceBundle(l, 'translation', tree, true, true);
  return instance;
}

/** A locale's three parts of default texts, as one tree (as the widget has them once all are loaded). */
async function allTexts(locale: Locale): Promise<object> {
  const texts = new Translations(locale);
  texts.add(locale, await loadTexts[locale](), false);
  texts.add(locale, await loadLocationTexts[locale](), false);
  texts.add(locale, await loadLaterTexts[locale](), false);
  return (texts as unknown as { trees: Map<string, object> }).trees.get(locale)!;
}

describe('Translations: answers as i18next does', () => {
  it('every default text of every locale, with its placeholders filled', async () => {
    const values = { count: 3, minutes: 5, name: 'Gemeente Test', duration: '6 maanden', phone: '0900-0101' };
    for (const locale of supportedLocales) {
      const tree = await allTexts(locale);
      const ours = new Translations('nl');
      ours.add(locale, tree, false);
      const theirs = await reference({ [locale]: tree }, locale, 'nl');
      for (const key of textKeys(tree)) {
        const base = key.replace(/_(zero|one|two|few|many|other)$/, '');
        expect(ours.t(base, { lng: locale, ...values }), `${locale}: ${key}`).to.equal(
          theirs.t(base, { lng: locale, ...values }),
        );
      }
    }
  });

  it('plural keys: each CLDR category, _zero for 0, the bare key and _other as the last resort', async () => {
    const tree = {
      a: { n_zero: 'no {{count}}', n_one: 'one {{count}}', n_two: 'two', n_few: 'few {{count}}', n_many: 'many' },
      b: { n_one: 'één', n_other: '{{count}} stuks' },
      c: { n: 'bare {{count}}', n_other: 'other {{count}}' },
    };
    for (const lng of ['ar', 'pl', 'uk', 'nl', 'en', 'tr'] as const) {
      const ours = new Translations('nl');
      ours.add(lng, tree, false);
      const theirs = await reference({ [lng]: tree }, lng, 'nl');
      for (const count of [0, 1, 2, 3, 5, 11, 21, 22, 25, 100, 101, 1.5]) {
        for (const key of ['a.n', 'b.n', 'c.n']) {
          expect(ours.t(key, { lng, count }), `${lng} ${key} ${count}`).to.equal(theirs.t(key, { lng, count }));
        }
      }
    }
  });

  it('interpolation: unknown placeholders stay, given-but-empty ones go, nested values and {{- x}} work', async () => {
    const tree = { x: 'a {{ one }} b {{two}} c {{- three}} d {{obj.deep}} e {{none}}' };
    const ours = new Translations('nl');
    ours.add('nl', tree, false);
    const theirs = await reference({ nl: tree }, 'nl', 'nl');
    const values = { one: 1, two: undefined, three: '<b>', obj: { deep: 'diep' } };
    expect(ours.t('x', { lng: 'nl', ...values })).to.equal(theirs.t('x', { lng: 'nl', ...values }));
  });

  it('the tenant’s own texts win over the defaults; a key only in the default locale falls back; else the key', async () => {
    const config = testConfig({
      defaultLocale: 'nl',
      texts: { nl: { 'intro.title': 'Eigen titel', 'categories.own.description': 'Alleen in het Nederlands' } },
    } as Partial<TenantConfig>);
    const ours = await createTexts(config, 'ar');
    await ensureTexts(ours, 'nl', 'first');
    const theirs = await reference({ nl: await loadTexts.nl(), ar: await loadTexts.ar() }, 'ar', 'nl');
    theirs.addResources('nl', 'translation', config.texts.nl!);
    for (const key of ['intro.title', 'categories.own.description', 'steps.who.title', 'no.such.key']) {
      expect(ours.t(key, { lng: 'ar' }), key).to.equal(theirs.t(key, { lng: 'ar' }));
      expect(ours.t(key, { lng: 'nl' }), key).to.equal(theirs.t(key, { lng: 'nl' }));
    }
    expect(ours.t('intro.title', { lng: 'nl' })).to.equal('Eigen titel');
  });

  it('loads only the language shown: no texts of the tenant’s default locale for another language', async () => {
    const ours = await createTexts(testConfig({ defaultLocale: 'nl' }), 'ar');
    expect([...ours.parts.keys()]).to.deep.equal(['ar']);
    expect([...ours.parts.get('ar')!]).to.deep.equal(['first']);
  });
});

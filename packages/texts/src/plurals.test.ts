import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { supportedLocales, type Locale } from '@meldpunt/contracts';
import { createI18n } from './i18n.ts';
import { loadLaterTexts, loadLocationTexts, loadTexts, textKeys } from './index.ts';
import { serverTexts } from './server.ts';
import { lookup, merge, placeholders, pluralOf } from './test-support.ts';
import type { PluralCategory } from './text-tree.ts';

/**
 * Texts with a count, rendered by i18next as the widget and the service render them: for one sample
 * number of every CLDR plural category of every language (Arabic has six, Polish and Ukrainian four),
 * the text is that category's form and shows the number.
 */

/** The first number in `locale` whose plural category is `category`: whole numbers first, 0 last, then halves. */
function sampleOf(locale: Locale, category: PluralCategory): number {
  const rules = new Intl.PluralRules(locale);
  const candidates = [
    ...Array.from({ length: 1000 }, (_, i) => i + 1),
    0,
    ...Array.from({ length: 100 }, (_, i) => i + 0.5),
  ];
  const sample = candidates.find((n) => rules.select(n) === category);
  assert.ok(sample !== undefined, `${locale} has a number in category ${category}`);
  return sample;
}

/** One namespace's texts in one locale, loaded into an i18next instance made with our options. */
async function namespaces(locale: Locale): Promise<Record<string, object>> {
  return {
    translation: merge(await loadTexts[locale](), await loadLocationTexts[locale](), await loadLaterTexts[locale]()),
    mail: serverTexts[locale].mail,
  };
}

describe('texts with a count', () => {
  for (const locale of supportedLocales) {
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as PluralCategory[];

    it(`${locale}: one sample per plural category (${categories.join(', ')}) shows that category’s form with the number`, async () => {
      const texts = await namespaces(locale);
      const i18n = createI18n({
        lng: locale,
        fallbackLng: false,
        resources: { [locale]: texts },
        ns: Object.keys(texts),
      });
      let checked = 0;
      for (const [namespace, tree] of Object.entries(texts)) {
        const bases = new Set(textKeys(tree).flatMap((key) => pluralOf(key)?.base ?? []));
        for (const base of bases) {
          for (const category of categories) {
            const count = sampleOf(locale, category);
            const form = lookup(tree, `${base}_${category}`);
            // Other variables get a marker of their own, so they are told apart from the count.
            const values = Object.fromEntries(placeholders(form).map((name) => [name, `<${name}>`]));
            const expected = form.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) =>
              name === 'count' ? String(count) : `<${name}>`,
            );
            const rendered = i18n.t(base, { ns: namespace, ...values, count });
            assert.equal(rendered, expected, `${locale} ${namespace}:${base} at ${count} (${category})`);
            assert.ok(rendered.includes(String(count)), `${locale} ${namespace}:${base} shows ${count}`);
            checked += 1;
          }
        }
      }
      // Four texts of the widget (characters left, minutes to wait, addresses found, accuracy) and the mail's accuracy.
      assert.equal(checked, 5 * categories.length);
    });
  }

  it('Dutch and English say 1 in the singular, other numbers in the plural', async () => {
    const t = async (locale: Locale) => {
      const texts = await namespaces(locale);
      const i18n = createI18n({
        lng: locale,
        fallbackLng: false,
        resources: { [locale]: texts },
        ns: Object.keys(texts),
      });
      return (key: string, count: number) => i18n.t(key, { count });
    };
    const nl = await t('nl');
    const en = await t('en');
    assert.equal(nl('steps.details.remaining', 1), 'Nog 1 teken over');
    assert.equal(nl('steps.details.remaining', 5000), 'Nog 5000 tekens over');
    assert.match(nl('errors.rateLimit', 1), /over 1 minuut opnieuw/);
    assert.match(nl('errors.rateLimit', 10), /over 10 minuten opnieuw/);
    assert.equal(en('steps.details.remaining', 1), '1 character left');
    assert.match(en('errors.rateLimit', 1), /in 1 minute\.$/);
    assert.match(en('errors.rateLimit', 2), /in 2 minutes\.$/);
    assert.equal(en('location.device.accuracy', 1), 'Accurate to about 1 metre');
  });
});

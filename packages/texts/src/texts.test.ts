import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { supportedLocales } from '@meldpunt/contracts';
import {
  loadLaterTexts,
  loadLocationTexts,
  loadTexts,
  localeNames,
  textKeys,
  type LaterTexts,
  type LocationTexts,
  type Texts,
} from './index.ts';

/** Two text trees as one, as i18next merges a locale's parts (`addResourceBundle` with `deep`). */
function merge(a: object, b: object): object {
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const here = out[key];
    out[key] = typeof value === 'object' && typeof here === 'object' && here ? merge(here, value as object) : value;
  }
  return out;
}

/** Every default text of a locale: the first steps', the Where step's and the later steps' (which the widget loads later). */
const defaultTexts = Object.fromEntries(
  await Promise.all(
    supportedLocales.map(async (locale) => {
      const parts: object[] = [
        await loadTexts[locale](),
        await loadLocationTexts[locale](),
        await loadLaterTexts[locale](),
      ];
      return [locale, parts.reduce(merge)] as const;
    }),
  ),
) as Record<(typeof supportedLocales)[number], Texts & LocationTexts & LaterTexts>;

const source = textKeys(defaultTexts.nl).sort();
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

function lookup(tree: object, key: string): string {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree) as string;
}

describe('default texts', () => {
  it('exist for every supported locale, with a name', () => {
    assert.deepEqual(Object.keys(defaultTexts).sort(), [...supportedLocales].sort());
    for (const locale of supportedLocales) assert.ok(localeNames[locale]);
  });

  for (const locale of supportedLocales) {
    it(`${locale}: has exactly the keys of nl, each a non-empty text with the same placeholders`, () => {
      const keys = textKeys(defaultTexts[locale]).sort();
      const missing = source.filter((k) => !keys.includes(k));
      const extra = keys.filter((k) => !source.includes(k));
      assert.deepEqual({ missing, extra }, { missing: [], extra: [] });
      for (const key of source) {
        const text = lookup(defaultTexts[locale], key);
        assert.ok(text.trim().length > 0, `${locale}: ${key} is empty`);
        assert.deepEqual(placeholders(text), placeholders(lookup(defaultTexts.nl, key)), `${locale}: ${key}`);
      }
    });
  }

  it('keep the Where step’s texts apart: the form loads without them', async () => {
    for (const locale of supportedLocales) {
      assert.equal('location' in (await loadTexts[locale]()), false, locale);
      assert.deepEqual(Object.keys(await loadLocationTexts[locale]()), ['location'], locale);
    }
  });

  it('keep the later steps’ texts apart, no key in two parts: the first steps load without them', async () => {
    for (const locale of supportedLocales) {
      const first = new Set(textKeys(await loadTexts[locale]()));
      const later = textKeys(await loadLaterTexts[locale]());
      assert.deepEqual(
        later.filter((k) => first.has(k)),
        [],
        locale,
      );
      assert.ok(later.includes('steps.review.intro') && !first.has('steps.review.intro'), locale);
      assert.ok(first.has('steps.review.title'), `${locale}: step titles stay with the first steps`);
    }
  });

  it('never blame the victim: no advice to be more careful', () => {
    const all = JSON.stringify(defaultTexts.nl) + JSON.stringify(defaultTexts.en);
    assert.doesNotMatch(all, /voorzichtig|careful|eigen schuld|your own fault/i);
    assert.match(JSON.stringify(defaultTexts.nl), /niet jouw schuld/);
  });

  it('right to left: a phone number inside a sentence is isolated left to right, so it reads in order', () => {
    for (const key of source) {
      const text = lookup(defaultTexts.ar, key);
      for (const match of text.matchAll(/\d{3,4}-\d{4}/g)) {
        const at = match.index;
        assert.equal(text[at - 1], '\u2066', `ar: ${key}: ${match[0]} opens with U+2066 (LRI)`);
        assert.equal(text[at + match[0].length], '\u2069', `ar: ${key}: ${match[0]} closes with U+2069 (PDI)`);
      }
    }
  });

  it('always tell about 112 and that a report is not a police report', () => {
    for (const locale of supportedLocales) {
      assert.match(defaultTexts[locale].emergency.text, /112/);
      assert.match(defaultTexts[locale].help.police, /0900-8844/);
    }
  });
});

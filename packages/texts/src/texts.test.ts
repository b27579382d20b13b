import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { supportedLocales, type Locale } from '@meldpunt/contracts';
import { auditActions } from '@meldpunt/contracts/audit-actions';
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
import { loadFollowUpTexts, type FollowUpTexts } from './follow-up.ts';
import * as stepLoaders from './step-loaders.ts';
import { consoleLocales, consoleTexts } from './console.ts';
import { consoleConfigTexts } from './console-config.ts';
import { consoleBackofficeTexts } from './console-backoffice.ts';
import { serverTexts, staffLocales, staffTexts } from './server.ts';
import { lookup, merge, placeholders, pluralOf } from './test-support.ts';

/**
 * Every default text of the widget in a locale: the first steps', the Where step's, the later steps' and the
 * follow-up's (which the widget loads later).
 */
const widgetTexts = Object.fromEntries(
  await Promise.all(
    supportedLocales.map(async (locale) => {
      const parts: object[] = [
        await loadTexts[locale](),
        await loadLocationTexts[locale](),
        await loadLaterTexts[locale](),
        await loadFollowUpTexts[locale](),
      ];
      return [locale, merge(...parts)] as const;
    }),
  ),
) as Record<Locale, Texts & LocationTexts & LaterTexts & FollowUpTexts>;

/**
 * Every namespace in exactly the locales it must have: the widget's and the service's in every supported
 * locale (reporters choose), the console's in its two UI languages (staff read Dutch or English). Dutch is
 * the source of each.
 */
const namespaces: Record<string, Partial<Record<Locale, object>> & { nl: object }> = {
  widget: widgetTexts,
  mail: Object.fromEntries(supportedLocales.map((l) => [l, serverTexts[l].mail])) as Record<Locale, object>,
  routing: Object.fromEntries(supportedLocales.map((l) => [l, serverTexts[l].routing])) as Record<Locale, object>,
  console: consoleTexts,
  consoleConfig: consoleConfigTexts,
  consoleBackoffice: consoleBackofficeTexts,
  staffMail: { nl: staffTexts.nl.staffMail, en: staffTexts.en.staffMail },
  newTenant: { nl: staffTexts.nl.newTenant, en: staffTexts.en.newTenant },
};

/** The locales each namespace must have, exactly. */
const localesOf: Record<string, readonly Locale[]> = {
  widget: supportedLocales,
  mail: supportedLocales,
  routing: supportedLocales,
  console: consoleLocales,
  consoleConfig: consoleLocales,
  consoleBackoffice: consoleLocales,
  // Staff read the invitation mail and set up a new municipality in Dutch or English only (its first
  // configuration offers those two languages; the municipality adds more in the editor).
  staffMail: staffLocales,
  newTenant: staffLocales,
};

describe('default texts', () => {
  it('exist for exactly the locales of each namespace (the console: Dutch and English), each with a name', () => {
    for (const [namespace, texts] of Object.entries(namespaces))
      assert.deepEqual(Object.keys(texts).sort(), [...localesOf[namespace]!].sort(), namespace);
    assert.deepEqual([...consoleLocales].sort(), ['en', 'nl']);
    assert.deepEqual([...staffLocales].sort(), ['en', 'nl'], 'staff mail: Dutch and English, explicitly');
    for (const locale of supportedLocales) assert.ok(localeNames[locale]);
  });

  it("console: the configuration pages' and the back office's texts add top-level keys of their own (merged into the namespace, never over a key)", () => {
    for (const locale of consoleLocales) {
      const config = Object.keys(consoleConfigTexts[locale]);
      const backoffice = Object.keys(consoleBackofficeTexts[locale]);
      const shared = [...config, ...backoffice].filter((key) => key in consoleTexts[locale]);
      assert.deepEqual(shared, [], locale);
      assert.deepEqual(
        backoffice.filter((key) => config.includes(key)),
        [],
        `${locale}: back office and configuration`,
      );
    }
  });

  it('console: every audit action of the shared closed list has its words (the audit page and its filter), in nl and en', () => {
    const textAt = (tree: object, key: string): unknown =>
      key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
    for (const locale of consoleLocales) {
      const missing = auditActions.filter((action) => {
        const text = textAt(consoleTexts[locale], `admin.audit.actions.${action}`);
        return typeof text !== 'string' || text.trim() === '';
      });
      assert.deepEqual(missing, [], `${locale}: admin.audit.actions.<action> for each`);
    }
  });

  for (const [namespace, texts] of Object.entries(namespaces) as [string, Record<Locale, object>][]) {
    /** Dutch keys with the plural forms folded into their base key (`remaining_one` → `remaining`). */
    const source = [...new Set(textKeys(texts.nl).map((key) => pluralOf(key)?.base ?? key))].sort();

    for (const locale of localesOf[namespace]!) {
      it(`${namespace}, ${locale}: has exactly the keys of nl, each a non-empty text with the same placeholders`, () => {
        const keys = textKeys(texts[locale]);
        const bases = [...new Set(keys.map((key) => pluralOf(key)?.base ?? key))].sort();
        const missing = source.filter((k) => !bases.includes(k));
        const extra = bases.filter((k) => !source.includes(k));
        assert.deepEqual({ missing, extra }, { missing: [], extra: [] });
        for (const key of keys) {
          const text = lookup(texts[locale], key);
          assert.ok(text.trim().length > 0, `${locale}: ${key} is empty`);
          const plural = pluralOf(key);
          const dutch = lookup(texts.nl, plural ? `${plural.base}_other` : key);
          assert.deepEqual(placeholders(text), placeholders(dutch), `${locale}: ${key}`);
        }
      });

      it(`${namespace}, ${locale}: a text with a count has one form per plural category of the language, each showing the count`, () => {
        const categories = [...new Intl.PluralRules(locale).resolvedOptions().pluralCategories].sort();
        const forms = new Map<string, string[]>();
        for (const key of textKeys(texts[locale])) {
          const plural = pluralOf(key);
          if (plural) forms.set(plural.base, [...(forms.get(plural.base) ?? []), plural.category]);
        }
        const dutchPlurals = source.filter((key) => textKeys(texts.nl).includes(`${key}_other`));
        assert.deepEqual([...forms.keys()].sort(), dutchPlurals, `${locale}: the same texts have a count`);
        for (const [base, found] of forms) {
          assert.deepEqual(found.sort(), categories, `${locale}: ${base}`);
          for (const category of found) {
            assert.ok(
              placeholders(lookup(texts[locale], `${base}_${category}`)).includes('count'),
              `${base}_${category}`,
            );
          }
        }
      });
    }
  }

  it('keep the Where step’s texts apart: the form loads without them', async () => {
    for (const locale of supportedLocales) {
      assert.equal('location' in (await loadTexts[locale]()), false, locale);
      assert.deepEqual(Object.keys(await loadLocationTexts[locale]()), ['location'], locale);
    }
  });

  it('keep the service’s texts out of the widget: nothing the package’s main entry loads reaches them', () => {
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      const source = readFileSync(new URL(file, import.meta.url), 'utf8');
      for (const [, specifier] of source.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)) {
        visit(new URL(specifier!, new URL(file, import.meta.url)).pathname.replace(/^.*\/src\//, './'));
      }
    };
    visit('./index.ts');
    assert.ok(reached.has('./nl/core.ts') && reached.has('./nl/location.ts'), [...reached].join(', '));
    const server = [...reached].filter((file) => /\/(mail|routing|staff-mail)\.ts$|server\.ts$|i18n\.ts$/.test(file));
    assert.deepEqual(server, []);
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

  it('keep the follow-up’s texts apart, no key in another part: neither the form nor its later steps load them', async () => {
    for (const locale of supportedLocales) {
      const others = new Set(
        [await loadTexts[locale](), await loadLocationTexts[locale](), await loadLaterTexts[locale]()].flatMap((part) =>
          textKeys(part),
        ),
      );
      const followUp = textKeys(await loadFollowUpTexts[locale]());
      assert.deepEqual(
        followUp.filter((k) => others.has(k)),
        [],
        locale,
      );
      assert.ok(followUp.includes('followUp.errors.unknown') && others.has('followUp.open'), locale);
    }
  });

  it('the step loaders apart (for the widget’s chunks) load exactly what the main entry’s do', async () => {
    for (const locale of supportedLocales) {
      assert.deepEqual(await stepLoaders.loadLocationTexts[locale](), await loadLocationTexts[locale](), locale);
      assert.deepEqual(await stepLoaders.loadLaterTexts[locale](), await loadLaterTexts[locale](), locale);
    }
  });

  it('never blame the victim: no advice to be more careful', () => {
    for (const texts of Object.values(namespaces)) {
      const all = JSON.stringify(texts.nl) + JSON.stringify(texts.en ?? {});
      assert.doesNotMatch(all, /voorzichtig|careful|eigen schuld|your own fault/i);
    }
    assert.match(JSON.stringify(widgetTexts.nl), /niet jouw schuld/);
    assert.match(JSON.stringify(serverTexts.nl.routing), /nooit jouw schuld/);
  });

  it('right to left: a phone number inside a sentence is isolated left to right, so it reads in order', () => {
    for (const texts of Object.values(namespaces)) {
      if (!texts.ar) continue;
      for (const key of textKeys(texts.ar)) {
        const text = lookup(texts.ar, key);
        for (const match of text.matchAll(/\d{3,4}-\d{4}/g)) {
          const at = match.index;
          assert.equal(text[at - 1], '\u2066', `ar: ${key}: ${match[0]} opens with U+2066 (LRI)`);
          assert.equal(text[at + match[0].length], '\u2069', `ar: ${key}: ${match[0]} closes with U+2069 (PDI)`);
        }
      }
    }
  });

  it('always tell about 112 and that a report is not a police report', () => {
    for (const locale of supportedLocales) {
      assert.match(widgetTexts[locale].emergency.text, /112/);
      assert.match(widgetTexts[locale].help.police, /0900-8844/);
      assert.match(serverTexts[locale].routing.nonParticipating.body, /112/);
    }
  });
});

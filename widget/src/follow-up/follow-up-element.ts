import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { Locale } from '@meldpunt/contracts';
import { loadFollowUpTexts } from '@meldpunt/texts/follow-up';
import type { Translations } from '../i18n.ts';
import { widgetStyles } from '../styles/widget-styles.ts';
import { followUpStyles } from './follow-up-styles.ts';

/** Per text instance, the locales whose follow-up texts are in or on their way. */
const loading = new WeakMap<Translations, Map<Locale, Promise<void>>>();

/**
 * Adds a locale's follow-up texts to the widget's text instance, once (beneath the tenant's own texts, as
 * every part is). A failure is forgotten, so the next render tries again.
 */
export function ensureFollowUpTexts(texts: Translations, locale: Locale): Promise<void> {
  const byLocale = loading.get(texts) ?? new Map<Locale, Promise<void>>();
  loading.set(texts, byLocale);
  let done = byLocale.get(locale);
  if (!done) {
    done = loadFollowUpTexts[locale]().then((tree) => {
      texts.addResourceBundle(locale, 'translation', structuredClone(tree), true, false);
    });
    done.catch(() => byLocale.delete(locale));
    byLocale.set(locale, done);
  }
  return done;
}

/**
 * What the follow-up's elements share: the widget's texts (`texts`, `locale`: the widget's i18next
 * instance, so a tenant's own wording of a key still wins), the follow-up texts of the language shown
 * loaded before anything renders, and the widget's look.
 */
export class FollowUpElement extends LitElement {
  static override styles = [widgetStyles, followUpStyles];

  static override properties: PropertyDeclarations = {
    texts: { attribute: false },
    locale: {},
    textsIn: { state: true, attribute: false },
  };

  /** The widget's text instance (i18next). */
  texts?: Translations;

  /** The language shown (the widget's). */
  locale: Locale = 'nl';

  /** The locale whose follow-up texts are in: until it is the one shown, the element says "one moment". */
  protected textsIn?: Locale;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const { texts, locale } = this;
    if (texts && (changed.has('texts') || changed.has('locale'))) {
      ensureFollowUpTexts(texts, locale).then(
        () => {
          if (this.texts === texts && this.locale === locale) this.textsIn = locale;
        },
        (error: unknown) => console.warn('Meldpunt: the follow-up texts could not be loaded', error),
      );
    }
  }

  /** True once the texts of the language shown are in. */
  protected get textsReady(): boolean {
    return this.textsIn === this.locale;
  }

  protected t(key: string, options?: Record<string, unknown>): string {
    return this.texts ? this.texts.t(key, { lng: this.locale, ...options }) : '';
  }

  /** A date and time in the language shown, e.g. "3 december 2026 om 14:05". */
  protected when(at: string): string {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(at));
  }
}

/**
 * The texts the service writes, in every supported language: `mail` (the e-mail a municipality receives
 * for a report), `routing` (answers to the reporter about where a report went) and `categories` (the
 * category labels, the widget's own, so the mail and webhook name a category as the reporter saw it).
 * Its own export (`@meldpunt/texts/server`): the widget never imports it, so none of these texts reach
 * a reporter's download.
 */
import type { Locale } from '@meldpunt/contracts/limits';
import { createI18n, type Translate } from './i18n.ts';
import { mail as arMail } from './ar/mail.ts';
import { routing as arRouting } from './ar/routing.ts';
import { core as arCore } from './ar/core.ts';
import { mail as enMail } from './en/mail.ts';
import { routing as enRouting } from './en/routing.ts';
import { core as enCore } from './en/core.ts';
import { mail as nlMail } from './nl/mail.ts';
import { routing as nlRouting } from './nl/routing.ts';
import { core as nlCore } from './nl/core.ts';
import { mail as plMail } from './pl/mail.ts';
import { routing as plRouting } from './pl/routing.ts';
import { core as plCore } from './pl/core.ts';
import { mail as trMail } from './tr/mail.ts';
import { routing as trRouting } from './tr/routing.ts';
import { core as trCore } from './tr/core.ts';
import { mail as ukMail } from './uk/mail.ts';
import { routing as ukRouting } from './uk/routing.ts';
import { core as ukCore } from './uk/core.ts';
import { newTenant as enNewTenant, staffMail as enStaffMail } from './en/staff-mail.ts';
import { newTenant as nlNewTenant, staffMail as nlStaffMail } from './nl/staff-mail.ts';

export { createI18n, type Translate } from './i18n.ts';
export { isRtl, textDirection } from './direction.ts';

/** The namespaces of the service's texts. */
export const serverNamespaces = ['mail', 'routing', 'categories'] as const;
export type ServerNamespace = (typeof serverNamespaces)[number];

/** Every locale's service texts by namespace, as i18next resources. */
export const serverTexts = {
  nl: { mail: nlMail, routing: nlRouting, categories: nlCore.categories },
  en: { mail: enMail, routing: enRouting, categories: enCore.categories },
  ar: { mail: arMail, routing: arRouting, categories: arCore.categories },
  tr: { mail: trMail, routing: trRouting, categories: trCore.categories },
  pl: { mail: plMail, routing: plRouting, categories: plCore.categories },
  uk: { mail: ukMail, routing: ukRouting, categories: ukCore.categories },
} satisfies Record<Locale, Record<ServerNamespace, object>>;

/**
 * The texts staff read from the service — the invitation mail (`staffMail`) and a new municipality's
 * first configuration (`newTenant`) — in the console's two languages only, Dutch and English.
 */
export const staffLocales = ['nl', 'en'] as const;
export type StaffLocale = (typeof staffLocales)[number];
export const staffNamespaces = ['staffMail', 'newTenant'] as const;
export type StaffNamespace = (typeof staffNamespaces)[number];
export const staffTexts = {
  nl: { staffMail: nlStaffMail, newTenant: nlNewTenant },
  en: { staffMail: enStaffMail, newTenant: enNewTenant },
} satisfies Record<StaffLocale, Record<StaffNamespace, object>>;

/**
 * One i18next instance for the whole service, with every language loaded: texts are complete in every
 * locale (the completeness test), so nothing falls back to another language.
 */
const instance = createI18n({
  lng: 'nl',
  fallbackLng: false,
  resources: {
    ...serverTexts,
    nl: { ...serverTexts.nl, ...staffTexts.nl },
    en: { ...serverTexts.en, ...staffTexts.en },
  },
  ns: [...serverNamespaces, ...staffNamespaces],
  defaultNS: 'mail',
});

/** The texts of one namespace in one language: `serverT('pl', 'mail')('accuracy', { count: 3 })`. */
export function serverT(locale: Locale, namespace: ServerNamespace): Translate {
  const t = instance.getFixedT(locale, namespace);
  return (key, options) => t(key, options ?? {});
}

/** The staff texts of one namespace in Dutch or English: `staffT('en', 'staffMail')('subject', { tenant })`. */
export function staffT(locale: StaffLocale, namespace: StaffNamespace): Translate {
  const t = instance.getFixedT(locale, namespace);
  return (key, options) => t(key, options ?? {});
}

/** Whether `key` has a text in that namespace and language (for keys built from stored values). */
export function hasServerText(locale: Locale, namespace: ServerNamespace, key: string): boolean {
  return instance.exists(key, { lng: locale, ns: namespace });
}

import { staffLocales, staffT, type StaffLocale } from '@meldpunt/texts/server';
import { html } from '../../html.ts';

const dateFormats: Record<StaffLocale, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }),
};

/**
 * The test delivery's mail (settings → "send a test delivery"): marked TEST in the subject and the
 * first line, Dutch then English like the other staff mail, and nothing of any report in it.
 */
export function renderTestMail(input: { tenantName: string; requestedAt: Date }): {
  subject: string;
  text: string;
  html: string;
} {
  const parts = staffLocales.map((locale) => {
    const t = staffT(locale, 'staffMail');
    return {
      locale,
      subject: t('testDelivery.subject', { tenant: input.tenantName }),
      heading: t('testDelivery.heading'),
      intro: t('testDelivery.intro', { tenant: input.tenantName, date: dateFormats[locale].format(input.requestedAt) }),
      nothing: t('testDelivery.nothing'),
      footer: t('testDelivery.footer'),
    };
  });
  const text = parts
    .map((p) => [p.heading, '', p.intro, p.nothing, '', '--', p.footer].join('\n'))
    .join('\n\n========================================\n\n');
  const sections = parts.map(
    (p) =>
      html`<section lang="${p.locale}" style="margin-bottom:32px">
        <h1 style="font-size:20px;margin:0 0 8px">${p.heading}</h1>
        <p>${p.intro}</p>
        <p>${p.nothing}</p>
        <p style="color:#555;font-size:12px">${p.footer}</p>
      </section>`,
  );
  const body = html`<!doctype html>
    <html lang="nl">
      <head>
        <meta charset="utf-8" />
        <title>${parts[0]?.heading}</title>
      </head>
      <body style="font-family:Arial,sans-serif;font-size:14px;line-height:1.4;color:#1b1b1b">
        ${sections}
      </body>
    </html>`.value;
  return { subject: parts[0]?.subject ?? 'TEST', text: `${text}\n`, html: body };
}

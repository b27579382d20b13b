import { supportedLocales, type Locale, type MailLocale } from '@meldpunt/contracts';
import type { MailContent } from './mail-content.ts';
import { mailLanguage } from './mail-language.ts';
import { renderHtml } from './render-html.ts';
import { renderText } from './render-text.ts';

/**
 * The follow-up's two content-free notices (issue 15), rendered like every other mail of the service
 * (a text part and an HTML part from one `MailContent`). Neither ever holds the message or the reply,
 * nor the receipt code: a mailbox can be read by others, and a mail is copied to places we cannot
 * erase.
 */

export interface NoticeMail {
  subject: string;
  text: string;
  html: string;
}

/** The language of the reporter's notice: the report's, when the service writes it (else Dutch). */
export function noticeLocaleOf(reportLocale: string): MailLocale {
  return supportedLocales.includes(reportLocale as Locale) ? (reportLocale as MailLocale) : 'nl';
}

/**
 * "There is a new message about your report; use your receipt code", to the REPORTER, in the report's
 * language (Arabic right to left), with the link to the receiving municipality's hosted page, where
 * the widget asks for the code. Not even the report's reference is in it: the municipality's name is
 * all that says where it comes from.
 */
export function renderReporterNotice(input: { locale: MailLocale; tenantName: string; link: string }): NoticeMail {
  const { t, locale, dir } = mailLanguage(input.locale);
  const content: MailContent = {
    locale,
    dir,
    heading: t('reporterNotice.heading'),
    intro: t('reporterNotice.body', { tenant: input.tenantName }),
    sections: [
      { rows: [], note: t('reporterNotice.action'), link: input.link },
      { rows: [], note: t('reporterNotice.codeNever') },
      { rows: [], note: t('reporterNotice.emergency') },
    ],
    footer: t('reporterNotice.footer'),
  };
  return { subject: t('reporterNotice.subject'), text: renderText(content), html: renderHtml(content) };
}

/**
 * "The reporter replied to <reference>", to the municipality's recipients in its mail language, with
 * the link to the report in the back office — never the reply's text (it is read there, where reading
 * a report is accounted for).
 */
export function renderReplyNotice(input: {
  locale: MailLocale;
  tenantName: string;
  reference: string;
  link: string;
}): NoticeMail {
  const { t, locale, dir } = mailLanguage(input.locale);
  const content: MailContent = {
    locale,
    dir,
    heading: t('replyNotice.heading'),
    intro: t('replyNotice.body', { reference: input.reference }),
    sections: [
      { rows: [], note: t('replyNotice.action'), link: input.link },
      { rows: [], note: t('replyNotice.privacy') },
    ],
    footer: t('replyNotice.footer'),
  };
  return {
    subject: t('replyNotice.subject', { reference: input.reference, tenant: input.tenantName }),
    text: renderText(content),
    html: renderHtml(content),
  };
}

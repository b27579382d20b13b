import { staffLocales, staffT, type StaffLocale } from '@meldpunt/texts/server';
import { html } from '../../html.ts';

/** What the invitation mail says: for whom, by whom, which roles, until when, and the link. */
export interface InvitationMailInput {
  /** The municipality's name; null for an invitation to the platform only. */
  tenantName: string | null;
  /** The name of the person who invited; null on the command line (or when they were removed). */
  inviterName: string | null;
  /** Role names as the audit log names them (`platform-admin`, `admin`, `editor` …). */
  roles: readonly string[];
  expiresAt: Date;
  /** `${PUBLIC_ORIGIN}/console/invitation#<token>`: a secret, opened only to render this mail. */
  link: string;
}

/** Dates in the Netherlands' time, as staff read them. */
const dateFormats: Record<StaffLocale, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }),
};

/** The paragraphs of the mail in one language, in order; the link goes after `action`. */
function paragraphs(input: InvitationMailInput, locale: StaffLocale) {
  const t = staffT(locale, 'staffMail');
  const inviter = input.inviterName ?? t('someone');
  const roles = input.roles.map((r) => t(`roleNames.${r}`)).join(', ');
  return {
    subject: input.tenantName ? t('subject', { tenant: input.tenantName }) : t('subjectPlatform'),
    heading: t('heading'),
    intro: input.tenantName ? t('intro', { inviter, tenant: input.tenantName }) : t('introPlatform', { inviter }),
    roles: t('roles', { roles }),
    action: t('action'),
    expires: t('expires', { date: dateFormats[locale].format(input.expiresAt) }),
    ignore: t('ignore'),
    footer: t('footer'),
  };
}

/**
 * The mail with an invitation link: Dutch first, then English (staff read either), as a text part and
 * an HTML part. The inviter's and the municipality's names are escaped in HTML like every value.
 */
export function renderInvitationMail(input: InvitationMailInput): { subject: string; text: string; html: string } {
  const parts = staffLocales.map((locale) => ({ locale, ...paragraphs(input, locale) }));
  const text = parts
    .map((p) =>
      [p.heading, '', p.intro, p.roles, '', p.action, input.link, '', p.expires, p.ignore, '', '--', p.footer].join(
        '\n',
      ),
    )
    .join('\n\n========================================\n\n');
  const sections = parts.map(
    (p) =>
      html`<section lang="${p.locale}" style="margin-bottom:32px">
        <h1 style="font-size:20px;margin:0 0 8px">${p.heading}</h1>
        <p>${p.intro}</p>
        <p>${p.roles}</p>
        <p>${p.action}<br /><a href="${input.link}">${input.link}</a></p>
        <p>${p.expires}</p>
        <p>${p.ignore}</p>
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
  return { subject: parts.map((p) => p.subject).join(' / '), text: `${text}\n`, html: body };
}

/**
 * What the tenant admin's pages share: the navigation between members, invitations and the audit log
 * (a `<nav>` landmark named for the tenant, the current page marked with `aria-current`), the way back to
 * the tenant, the tenant's display name, the "not found" answer for a tenant one may not administer, and
 * the few styles of their tables and forms. Plain functions and styles, not an element: each page stays
 * one element with its own data, and this is only markup they render alike.
 */
import type { Me } from '@meldpunt/contracts';
import { css, html, type TemplateResult } from 'lit';
import type { Translate } from '../../i18n.ts';
import { may } from '../../permissions.ts';
import { href } from '../../router.ts';

export type AdminSection = 'members' | 'invitations' | 'audit';

/** The tenant's name as the person's membership gives it (the operator may have none there: the slug). */
export function tenantNameOf(me: Me | null, slug: string): string {
  return me?.memberships.find((m) => m.tenant === slug)?.tenantName ?? slug;
}

/** The admin sections `me` may open in the tenant, each with its title and hint (for the tenant page too). */
export function adminSections(
  t: Translate,
  me: Me | null,
  slug: string,
): { route: AdminSection; title: string; hint: string }[] {
  const sections: { route: AdminSection; title: string; hint: string }[] = [];
  if (may(me, 'members.manage', slug)) {
    sections.push(
      { route: 'members', title: t('admin.sections.members'), hint: t('admin.sections.membersHint') },
      { route: 'invitations', title: t('admin.sections.invitations'), hint: t('admin.sections.invitationsHint') },
    );
  }
  if (may(me, 'audit.read', slug)) {
    sections.push({ route: 'audit', title: t('admin.sections.audit'), hint: t('admin.sections.auditHint') });
  }
  return sections;
}

/** The navigation above every admin page: back to the tenant, and the sections, the current one marked. */
export function renderAdminNav(t: Translate, me: Me | null, slug: string, current: AdminSection): TemplateResult {
  const tenant = tenantNameOf(me, slug);
  return html`<nav class="admin-nav" aria-label=${t('admin.nav', { tenant })}>
    <ul>
      <li><a href=${href('tenant', { slug })}>${t('admin.backToTenant', { tenant })}</a></li>
      ${adminSections(t, me, slug).map(
        (section) =>
          html`<li>
            <a href=${href(section.route, { slug })} aria-current=${section.route === current ? 'page' : 'false'}
              >${section.title}</a
            >
          </li>`,
      )}
    </ul>
  </nav>`;
}

/** The page of a tenant one may not administer (or that does not exist): the API says 404 alike. */
export function renderNotFound(t: Translate): TemplateResult {
  return html`<h1>${t('notFound.title')}</h1>
    <p>${t('tenant.notFound')}</p>
    <p><a href=${href('tenants')}>${t('tenant.allTenants')}</a></p>`;
}

/** A date and time in the console's language, e.g. "2 dec 2026, 10:15". */
export function formatDateTime(locale: string, iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/**
 * How far `iso` is from now in words ("over 2 dagen", "in 5 hours"): days from two days on (below that,
 * "tomorrow" would hide up to a day), else hours, else minutes. Always numbers, never "overmorgen".
 */
export function formatRelative(locale: string, iso: string, now = Date.now()): string {
  const seconds = (Date.parse(iso) - now) / 1000;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 2 * 86_400],
    ['hour', 3600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / (unit === 'day' ? 86_400 : size)), unit);
  }
  return format.format(Math.round(seconds), 'second');
}

/**
 * The admin pages' own styles: the navigation, tables that scroll sideways inside their box at 320 px
 * (the page itself never does), the forms (fieldset of roles with their hints, field errors) and the
 * success and error messages. Logical properties only.
 */
export const adminStyles = css`
  .admin-nav ul {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    padding: 0;
    margin: 0 0 1rem;
  }
  .admin-nav a {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--_meldpunt-target);
  }
  .admin-nav a[aria-current='page'] {
    font-weight: 700;
    text-decoration: none;
  }
  .table-box {
    overflow-x: auto;
    max-inline-size: 100%;
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block: 0.5rem;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.5rem;
    border-block-end: 1px solid var(--_meldpunt-border);
    overflow-wrap: anywhere;
  }
  th button {
    font: inherit;
    font-weight: 700;
    background: none;
    border: 0;
    padding: 0;
    color: var(--_meldpunt-link);
    text-decoration: underline;
    cursor: pointer;
    min-block-size: var(--_meldpunt-target);
  }
  td .button {
    margin-block: 0.125rem;
  }
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  fieldset {
    border: 1px solid var(--_meldpunt-border);
    border-radius: var(--_meldpunt-radius);
    padding: 0.75rem var(--_meldpunt-space);
    margin: 0 0 1rem;
    min-inline-size: 0;
  }
  legend {
    font-weight: 600;
    padding-inline: 0.25rem;
  }
  .choice {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0 0.5rem;
    align-items: start;
    margin-block: 0.5rem;
  }
  .choice input {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0.125rem 0 0;
  }
  .choice label {
    font-weight: 600;
  }
  .choice .hint {
    grid-column: 2;
  }
  .field {
    display: grid;
    gap: 0.25rem;
    margin-block-end: 1rem;
    max-inline-size: 32rem;
  }
  .field label {
    font-weight: 600;
  }
  .field input,
  select {
    font: inherit;
    min-block-size: var(--_meldpunt-target);
    padding: 0.25rem 0.5rem;
    border: 2px solid var(--_meldpunt-border);
    border-radius: var(--_meldpunt-radius);
    max-inline-size: 100%;
  }
  .field input[aria-invalid='true'] {
    border-color: var(--_meldpunt-error);
  }
  .hint {
    color: var(--_meldpunt-muted);
    margin: 0;
  }
  .field-error {
    color: var(--_meldpunt-error);
    font-weight: 600;
    margin: 0;
  }
  .message.success {
    border-inline-start-color: var(--_meldpunt-primary);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: end;
  }
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    justify-content: end;
  }
`;

/**
 * The roles as a person chooses them (inviting someone, changing a member's roles): a fieldset with one
 * native checkbox per tenant role, each with a short plain-language line of what it allows, named by the
 * checkbox's `aria-describedby`. At least one role is needed; the caller shows that error and names its id.
 */
import type { TenantRole } from '@meldpunt/contracts';
import { html, type TemplateResult } from 'lit';
import type { Translate } from '../../i18n.ts';

/**
 * Every tenant role in the contracts' order (`tenantRoles`), kept here by type only so the console's
 * chunks carry no zod; the `Record` fails to compile when the contracts add a role.
 */
const roleOrder: Record<TenantRole, number> = { admin: 0, editor: 1, publisher: 2, officer: 3, analyst: 4 };
export const tenantRoles = (Object.keys(roleOrder) as TenantRole[]).sort((a, b) => roleOrder[a] - roleOrder[b]);

/** Roles in the contracts' order, each once. */
export const orderedRoles = (roles: readonly TenantRole[]): TenantRole[] =>
  tenantRoles.filter((r) => roles.includes(r));

export function renderRoleChoices(
  t: Translate,
  options: {
    legend: string;
    chosen: readonly TenantRole[];
    /** Whether "choose at least one role" shows (its element has the id `errorId`). */
    invalid: boolean;
    errorId: string;
    onToggle: (role: TenantRole, checked: boolean) => void;
  },
): TemplateResult {
  return html`<fieldset>
    <legend>${options.legend}</legend>
    ${tenantRoles.map(
      (role) =>
        html`<div class="choice">
          <input
            type="checkbox"
            id="role-${role}"
            name="roles"
            value=${role}
            .checked=${options.chosen.includes(role)}
            aria-describedby=${options.invalid ? `role-${role}-hint ${options.errorId}` : `role-${role}-hint`}
            @change=${(event: Event) => options.onToggle(role, (event.target as HTMLInputElement).checked)}
          />
          <label for="role-${role}">${t(`roles.${role}`)}</label>
          <p class="hint" id="role-${role}-hint">${t(`admin.roleHints.${role}`)}</p>
        </div>`,
    )}
  </fieldset>`;
}

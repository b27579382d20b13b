import { live } from 'lit/directives/live.js';
import { html, nothing } from 'lit';
import type { ReportRole } from '@meldpunt/contracts';
import { describedBy, fieldError, type StepContext } from './context.ts';

const roles: ReportRole[] = ['victim', 'bystander', 'other'];

/** Step 1: it happened to me / I saw it happen / other. */
export function whoStep(ctx: StepContext) {
  return html`
    <fieldset class="choices" aria-describedby=${describedBy(ctx, 'role-victim')}>
      <legend>${ctx.t('steps.who.legend')}</legend>
      ${roles.map(
        (role) => html`
          <label class="choice" for="role-${role}">
            <input
              type="radio"
              id="role-${role}"
              name="role"
              value=${role}
              .checked=${live(ctx.draft.role === role)}
              aria-describedby=${role === 'other' ? 'role-other-hint' : nothing}
              @change=${() => ctx.update({ role })}
            />
            <span>
              ${ctx.t(`steps.who.${role}`)}
              ${role === 'other' ? html`<span class="hint" id="role-other-hint">${ctx.t('steps.who.otherHint')}</span>` : ''}
            </span>
          </label>
        `,
      )}
    </fieldset>
    ${fieldError(ctx, 'role-victim')}
  `;
}

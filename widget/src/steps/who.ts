import { live } from 'lit/directives/live.js';
import { html, nothing } from 'lit';
import type { ReportRole } from '@meldpunt/contracts';
import { describedBy, errorId, fieldError } from '@meldpunt/ui/field';
import { errorText, type StepContext } from './context.ts';

const roles: ReportRole[] = ['victim', 'bystander', 'other'];

/** Step 1: it happened to me / I saw it happen / other. */
export function whoStep(ctx: StepContext) {
  const error = errorText(ctx, 'role-victim');
  return html`
    <fieldset class="choices" aria-describedby=${describedBy(errorId('role-victim', error))}>
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
    ${fieldError('role-victim', error)}
  `;
}

import { live } from 'lit/directives/live.js';
import { html, nothing } from 'lit';
import { limits } from '@meldpunt/contracts/limits';
import { field } from '@meldpunt/ui/field';
import { errorText, type StepContext } from './context.ts';
import { months } from './months.ts';

/** Step 6 (only for tenants that follow up): clearly optional; anonymous is the default. */
export function contactStep(ctx: StepContext) {
  const { draft, config } = ctx;
  const name = ctx.receiverName;
  return html`
    <p>${ctx.t('steps.contact.intro')}</p>
    <p class="hint" id="contact-who-sees">
      ${ctx.t('steps.contact.whoSees', {
        name,
        months: config.privacy.contactRetentionMonths,
        duration: months(ctx, config.privacy.contactRetentionMonths),
      })}
    </p>
    <fieldset class="choices" aria-describedby="contact-who-sees">
      <legend>${ctx.t('steps.contact.legend')}</legend>
      <label class="choice" for="contact-anonymous">
        <input
          type="radio"
          id="contact-anonymous"
          name="contact"
          .checked=${live(!draft.wantsContact)}
          @change=${() => ctx.update({ wantsContact: false })}
        />
        <span>${ctx.t('steps.contact.anonymous')}</span>
      </label>
      <label class="choice" for="contact-yes">
        <input
          type="radio"
          id="contact-yes"
          name="contact"
          .checked=${live(draft.wantsContact)}
          @change=${() => ctx.update({ wantsContact: true })}
        />
        <span>${ctx.t('steps.contact.wantsFollowUp')}</span>
      </label>
    </fieldset>
    ${
      draft.wantsContact
        ? html`
            <p class="hint" id="contact-need-one">${ctx.t('steps.contact.needOne')}</p>
            ${field(
              {
                id: 'name',
                label: html`${ctx.t('steps.contact.name')}
                  <span class="optional">(${ctx.t('steps.details.optional')})</span>`,
              },
              () =>
                html`<input
                  id="name"
                  type="text"
                  autocomplete="name"
                  maxlength=${limits.nameMaxLength}
                  .value=${live(draft.name)}
                  @input=${(e: Event) => ctx.update({ name: (e.target as HTMLInputElement).value })}
                />`,
            )}
            ${field(
              {
                id: 'email',
                label: ctx.t('steps.contact.email'),
                describedBy: ['contact-need-one'],
                error: errorText(ctx, 'email'),
              },
              (aria) =>
                html`<input
                  id="email"
                  type="email"
                  autocomplete="email"
                  maxlength=${limits.emailMaxLength}
                  .value=${live(draft.email)}
                  aria-invalid=${aria.invalid}
                  aria-describedby=${aria.describedBy}
                  @input=${(e: Event) => ctx.update({ email: (e.target as HTMLInputElement).value })}
                />`,
            )}
            ${field(
              {
                id: 'phone',
                label: ctx.t('steps.contact.phone'),
                describedBy: ['contact-need-one'],
                error: errorText(ctx, 'phone'),
              },
              (aria) =>
                html`<input
                  id="phone"
                  type="tel"
                  autocomplete="tel"
                  maxlength=${limits.phoneMaxLength}
                  .value=${live(draft.phone)}
                  aria-invalid=${aria.invalid}
                  aria-describedby=${aria.describedBy}
                  @input=${(e: Event) => ctx.update({ phone: (e.target as HTMLInputElement).value })}
                />`,
            )}
          `
        : nothing
    }
  `;
}

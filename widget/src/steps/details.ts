import { live } from 'lit/directives/live.js';
import { html, nothing } from 'lit';
import { limits } from '@meldpunt/contracts/limits';
import { field } from '@meldpunt/ui/field';
import { errorText, tenantText, type StepContext } from './context.ts';

const answers = ['yes', 'no', 'unknown'] as const;

/** Step 5: free text, whether anyone intervened, and the tenant's extra fields — all optional. */
export function detailsStep(ctx: StepContext) {
  const { draft, config } = ctx;
  const remaining = limits.descriptionMaxLength - draft.description.length;
  return html`
    <p class="hint">${ctx.t('steps.details.hint')}</p>
    ${field(
      {
        id: 'description',
        label: ctx.t('steps.details.description'),
        hint: ctx.t('steps.details.descriptionHint'),
        describedBy: ['description-count'],
        after: html`<p class="hint counter" id="description-count">
          ${ctx.t('steps.details.remaining', { count: remaining })}
        </p>`,
        error: errorText(ctx, 'description'),
      },
      (aria) =>
        html`<textarea
          id="description"
          rows="6"
          maxlength=${limits.descriptionMaxLength}
          .value=${live(draft.description)}
          aria-invalid=${aria.invalid}
          aria-describedby=${aria.describedBy}
          @input=${(e: Event) => ctx.update({ description: (e.target as HTMLTextAreaElement).value })}
        ></textarea>`,
    )}
    ${
      config.fields.intervention
        ? html`<fieldset class="choices choices-inline" id="intervened">
            <legend>${ctx.t('steps.details.intervened')}</legend>
            ${answers.map(
              (answer) => html`
                <label class="choice" for="intervened-${answer}">
                  <input
                    type="radio"
                    id="intervened-${answer}"
                    name="intervened"
                    .checked=${live(draft.intervened === answer)}
                    @change=${() => ctx.update({ intervened: answer })}
                  />
                  <span>${ctx.t(`steps.details.${answer}`)}</span>
                </label>
              `,
            )}
          </fieldset>`
        : nothing
    }
    ${config.fields.extra.map((extra) => {
      const id = `extra-${extra.id}`;
      const description = tenantText(ctx, extra.description);
      const explanation = extra.specialCategory ? tenantText(ctx, extra.explanation) : undefined;
      const set = (value: string) => ctx.update({ extra: { ...draft.extra, [extra.id]: value } });
      return field(
        {
          id,
          label: html`${tenantText(ctx, extra.label)}
            <span class="optional">(${ctx.t('steps.details.optional')})</span>`,
          hint: description,
          before: explanation
            ? html`<details class="why" id="${id}-why">
                <summary>${ctx.t('steps.details.why')}</summary>
                <p>${explanation}</p>
              </details>`
            : nothing,
          describedBy: [explanation && `${id}-why`],
          error: errorText(ctx, id),
        },
        (aria) =>
          extra.type === 'select'
            ? html`<select
                id=${id}
                aria-invalid=${aria.invalid}
                aria-describedby=${aria.describedBy}
                @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}
              >
                <option value="" ?selected=${!draft.extra[extra.id]}>${ctx.t('steps.details.choose')}</option>
                ${(extra.options ?? []).map(
                  (option) =>
                    html`<option value=${option.id} ?selected=${draft.extra[extra.id] === option.id}>
                      ${tenantText(ctx, option.label)}
                    </option>`,
                )}
              </select>`
            : html`<input
                id=${id}
                type="text"
                maxlength=${limits.extraValueMaxLength}
                .value=${live(draft.extra[extra.id] ?? '')}
                aria-invalid=${aria.invalid}
                aria-describedby=${aria.describedBy}
                @input=${(e: Event) => set((e.target as HTMLInputElement).value)}
              />`,
      );
    })}
  `;
}

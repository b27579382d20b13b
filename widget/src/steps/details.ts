import { live } from 'lit/directives/live.js';
import { html, nothing } from 'lit';
import { limits } from '@meldpunt/contracts/limits';
import { describedBy, fieldError, tenantText, type StepContext } from './context.ts';

const answers = ['yes', 'no', 'unknown'] as const;

/** Step 5: free text, whether anyone intervened, and the tenant's extra fields — all optional. */
export function detailsStep(ctx: StepContext) {
  const { draft, config } = ctx;
  const remaining = limits.descriptionMaxLength - draft.description.length;
  return html`
    <p class="hint">${ctx.t('steps.details.hint')}</p>
    <div class="field">
      <label for="description">${ctx.t('steps.details.description')}</label>
      <p class="hint" id="description-hint">${ctx.t('steps.details.descriptionHint')}</p>
      <textarea
        id="description"
        rows="6"
        maxlength=${limits.descriptionMaxLength}
        .value=${live(draft.description)}
        aria-describedby=${describedBy(ctx, 'description', 'description-hint description-count')}
        @input=${(e: Event) => ctx.update({ description: (e.target as HTMLTextAreaElement).value })}
      ></textarea>
      <p class="hint counter" id="description-count">${ctx.t('steps.details.remaining', { count: remaining })}</p>
      ${fieldError(ctx, 'description')}
    </div>
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
    ${config.fields.extra.map((field) => {
      const id = `extra-${field.id}`;
      const description = tenantText(ctx, field.description);
      const explanation = field.specialCategory ? tenantText(ctx, field.explanation) : undefined;
      const hints = [description ? `${id}-hint` : '', explanation ? `${id}-why` : ''].filter(Boolean).join(' ');
      const set = (value: string) => ctx.update({ extra: { ...draft.extra, [field.id]: value } });
      return html`
        <div class="field">
          <label for=${id}>
            ${tenantText(ctx, field.label)} <span class="optional">(${ctx.t('steps.details.optional')})</span>
          </label>
          ${description ? html`<p class="hint" id="${id}-hint">${description}</p>` : nothing}
          ${
            explanation
              ? html`<details class="why" id="${id}-why">
                  <summary>${ctx.t('steps.details.why')}</summary>
                  <p>${explanation}</p>
                </details>`
              : nothing
          }
          ${
            field.type === 'select'
              ? html`<select
                  id=${id}
                  aria-describedby=${describedBy(ctx, id, hints || undefined)}
                  @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}
                >
                  <option value="" ?selected=${!draft.extra[field.id]}>${ctx.t('steps.details.choose')}</option>
                  ${(field.options ?? []).map(
                    (option) =>
                      html`<option value=${option.id} ?selected=${draft.extra[field.id] === option.id}>
                        ${tenantText(ctx, option.label)}
                      </option>`,
                  )}
                </select>`
              : html`<input
                  id=${id}
                  type="text"
                  maxlength=${limits.extraValueMaxLength}
                  .value=${live(draft.extra[field.id] ?? '')}
                  aria-describedby=${describedBy(ctx, id, hints || undefined)}
                  @input=${(e: Event) => set((e.target as HTMLInputElement).value)}
                />`
          }
          ${fieldError(ctx, id)}
        </div>
      `;
    })}
  `;
}

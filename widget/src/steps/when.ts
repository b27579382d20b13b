import { live } from 'lit/directives/live.js';
import { html, nothing } from 'lit';
import type { PartOfDay, TimeMode } from '../draft.ts';
import { describedBy, fieldError, type StepContext } from './context.ts';

const modes: { mode: TimeMode; key: string }[] = [
  { mode: 'exact', key: 'steps.when.exact' },
  { mode: 'part-of-day', key: 'steps.when.partOfDay' },
  { mode: 'approximate', key: 'steps.when.approximate' },
];
const parts: PartOfDay[] = ['night', 'morning', 'afternoon', 'evening'];

/** Today as `YYYY-MM-DD` in the reporter's time zone: the latest date the picker offers. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Step 3: date and time, or date and part of day, or roughly — long ago is fine. */
export function whenStep(ctx: StepContext) {
  const { draft } = ctx;
  const approximate = draft.timeMode === 'approximate';
  return html`
    <p class="hint" id="when-hint">${ctx.t('steps.when.hint')}</p>
    <fieldset class="choices">
      <legend>${ctx.t('steps.when.legend')}</legend>
      ${modes.map(
        ({ mode, key }) => html`
          <label class="choice" for="time-mode-${mode}">
            <input
              type="radio"
              id="time-mode-${mode}"
              name="time-mode"
              .checked=${live(draft.timeMode === mode)}
              @change=${() => ctx.update({ timeMode: mode })}
            />
            <span>${ctx.t(key)}</span>
          </label>
        `,
      )}
    </fieldset>
    <div class="field">
      <label for="date">${ctx.t(approximate ? 'steps.when.approximateDate' : 'steps.when.date')}</label>
      ${approximate ? html`<p class="hint" id="date-hint">${ctx.t('steps.when.approximateHint')}</p>` : nothing}
      <input
        type="date"
        id="date"
        max=${today()}
        min="1950-01-01"
        .value=${live(draft.date)}
        aria-invalid=${fieldError(ctx, 'date') === nothing ? 'false' : 'true'}
        aria-describedby=${describedBy(ctx, 'date', approximate ? 'date-hint' : undefined)}
        @input=${(e: Event) => ctx.update({ date: (e.target as HTMLInputElement).value })}
      />
      ${fieldError(ctx, 'date')}
    </div>
    ${
      draft.timeMode === 'exact'
        ? html`<div class="field">
            <label for="time">${ctx.t('steps.when.time')}</label>
            <input
              type="time"
              id="time"
              .value=${live(draft.time)}
              aria-invalid=${fieldError(ctx, 'time') === nothing ? 'false' : 'true'}
              aria-describedby=${describedBy(ctx, 'time')}
              @input=${(e: Event) => ctx.update({ time: (e.target as HTMLInputElement).value })}
            />
            ${fieldError(ctx, 'time')}
          </div>`
        : nothing
    }
    ${
      draft.timeMode === 'part-of-day'
        ? html`<div class="field">
            <label for="part-of-day">${ctx.t('steps.when.partOfDayLabel')}</label>
            <select
              id="part-of-day"
              aria-invalid=${fieldError(ctx, 'part-of-day') === nothing ? 'false' : 'true'}
              aria-describedby=${describedBy(ctx, 'part-of-day')}
              @change=${(e: Event) =>
                ctx.update({
                  partOfDay: ((e.target as HTMLSelectElement).value || undefined) as PartOfDay | undefined,
                })}
            >
              <option value="" ?selected=${!draft.partOfDay}>${ctx.t('steps.when.choose')}</option>
              ${parts.map(
                (part) =>
                  html`<option value=${part} ?selected=${draft.partOfDay === part}>
                    ${ctx.t(`steps.when.parts.${part}`)}
                  </option>`,
              )}
            </select>
            ${fieldError(ctx, 'part-of-day')}
          </div>`
        : nothing
    }
  `;
}

import { live } from 'lit/directives/live.js';
import { html, nothing } from 'lit';
import type { PartOfDay, TimeMode } from '../draft.ts';
import { field } from '@meldpunt/ui/field';
import { errorText, type StepContext } from './context.ts';

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
    ${field(
      {
        id: 'date',
        label: ctx.t(approximate ? 'steps.when.approximateDate' : 'steps.when.date'),
        hint: approximate ? ctx.t('steps.when.approximateHint') : undefined,
        error: errorText(ctx, 'date'),
      },
      (aria) =>
        html`<input
          type="date"
          id="date"
          max=${today()}
          min="1950-01-01"
          .value=${live(draft.date)}
          aria-invalid=${aria.invalid}
          aria-describedby=${aria.describedBy}
          @input=${(e: Event) => ctx.update({ date: (e.target as HTMLInputElement).value })}
        />`,
    )}
    ${
      draft.timeMode === 'exact'
        ? field(
            { id: 'time', label: ctx.t('steps.when.time'), error: errorText(ctx, 'time') },
            (aria) =>
              html`<input
                type="time"
                id="time"
                .value=${live(draft.time)}
                aria-invalid=${aria.invalid}
                aria-describedby=${aria.describedBy}
                @input=${(e: Event) => ctx.update({ time: (e.target as HTMLInputElement).value })}
              />`,
          )
        : nothing
    }
    ${
      draft.timeMode === 'part-of-day'
        ? field(
            { id: 'part-of-day', label: ctx.t('steps.when.partOfDayLabel'), error: errorText(ctx, 'part-of-day') },
            (aria) =>
              html`<select
                id="part-of-day"
                aria-invalid=${aria.invalid}
                aria-describedby=${aria.describedBy}
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
              </select>`,
          )
        : nothing
    }
  `;
}

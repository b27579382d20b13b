import { live } from 'lit/directives/live.js';
import { html, nothing } from 'lit';
import { describedBy, errorId, fieldError } from '@meldpunt/ui/field';
import { categoryDescription, categoryLabel, errorText, type StepContext } from './context.ts';

/** Step 2: the tenant's categories, more than one allowed, each with a short plain explanation. */
export function whatStep(ctx: StepContext) {
  const toggle = (id: string, on: boolean) => {
    const chosen = new Set(ctx.draft.categories);
    if (on) chosen.add(id);
    else chosen.delete(id);
    // Keep the tenant's order.
    ctx.update({ categories: ctx.config.categories.map((c) => c.id).filter((c) => chosen.has(c)) });
  };
  const error = errorText(ctx, 'categories');
  return html`
    <fieldset
      class="choices"
      id="categories"
      tabindex="-1"
      aria-describedby=${describedBy(errorId('categories', error))}
    >
      <legend>${ctx.t('steps.what.legend')}</legend>
      ${ctx.config.categories.map(({ id }) => {
        const description = categoryDescription(ctx, id);
        return html`
          <label class="choice" for="category-${id}">
            <input
              type="checkbox"
              id="category-${id}"
              value=${id}
              .checked=${live(ctx.draft.categories.includes(id))}
              aria-describedby=${description ? `category-${id}-hint` : nothing}
              @change=${(e: Event) => toggle(id, (e.target as HTMLInputElement).checked)}
            />
            <span>
              ${categoryLabel(ctx, id)}
              ${description ? html`<span class="hint" id="category-${id}-hint">${description}</span>` : ''}
            </span>
          </label>
        `;
      })}
    </fieldset>
    ${fieldError('categories', error)}
  `;
}

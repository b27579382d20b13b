import { html, nothing, type TemplateResult } from 'lit';
import { plainText } from '../shell/plain-text.ts';
import { categoryLabel, tenantText, type StepContext } from './context.ts';
import { months } from './months.ts';

function whenText(ctx: StepContext): string {
  const { draft } = ctx;
  const [y, m, d] = draft.date.split('-').map(Number);
  const date =
    y && m && d ? new Intl.DateTimeFormat(ctx.locale, { dateStyle: 'long' }).format(new Date(y, m - 1, d)) : '';
  if (draft.timeMode === 'exact') return `${date}, ${draft.time}`;
  if (draft.timeMode === 'part-of-day' && draft.partOfDay)
    return `${date}, ${ctx.t(`steps.when.parts.${draft.partOfDay}`)}`;
  return `${ctx.t('steps.when.approximate')}: ${date}`;
}

function whereText(ctx: StepContext): string {
  const location = ctx.draft.location;
  if (!location) return ctx.t('steps.review.empty');
  const point =
    location.lat !== undefined && location.lng !== undefined
      ? `${location.lat.toFixed(5)}, ${location.lng.toFixed(5)}`
      : '';
  return [location.text, location.text ? '' : point].filter(Boolean).join(' ') || point;
}

/** Step 7: everything at a glance, each part changeable, then send. */
export function reviewStep(ctx: StepContext, steps: string[]) {
  const { draft, config } = ctx;
  const row = (step: string, label: string, value: TemplateResult | string) => html`
    <div class="review-row">
      <dt>${label}</dt>
      <dd>${value}</dd>
      <dd class="review-change">
        <button
          type="button"
          class="link-button"
          @click=${() => ctx.goTo(step)}
          aria-label=${ctx.t('nav.changeSection', { section: label })}
        >
          ${ctx.t('nav.change')}
        </button>
      </dd>
    </div>
  `;
  const extras = config.fields.extra
    .filter((f) => draft.extra[f.id])
    .map((f) => {
      const option = f.options?.find((o) => o.id === draft.extra[f.id]);
      return `${tenantText(ctx, f.label)}: ${option ? tenantText(ctx, option.label) : draft.extra[f.id]}`;
    });
  const details = [draft.description.trim(), ...extras].filter(Boolean);
  return html`
    <p>${ctx.t('steps.review.intro')}</p>
    <dl class="review">
      ${row('who', ctx.t('steps.review.who'), draft.role ? ctx.t(`roles.${draft.role}`) : ctx.t('steps.review.empty'))}
      ${row('what', ctx.t('steps.review.what'), draft.categories.map((id) => categoryLabel(ctx, id)).join(', '))}
      ${row('when', ctx.t('steps.review.when'), whenText(ctx))}
      ${row(
        'where',
        ctx.t('steps.review.where'),
        ctx.routeNotice
          ? html`<span class="review-text">${whereText(ctx)}</span>
              <span class="review-text route-notice" id="route-notice">${ctx.routeNotice}</span>`
          : whereText(ctx),
      )}
      ${row(
        'details',
        ctx.t('steps.review.details'),
        details.length
          ? html`${details.map((d) => html`<span class="review-text">${d}</span>`)}`
          : ctx.t('steps.review.empty'),
      )}
      ${
        config.fields.intervention
          ? row(
              'details',
              ctx.t('steps.review.intervened'),
              draft.intervened ? ctx.t(`steps.details.${draft.intervened}`) : ctx.t('steps.review.empty'),
            )
          : nothing
      }
      ${
        steps.includes('contact')
          ? row(
              'contact',
              ctx.t('steps.review.contact'),
              draft.wantsContact
                ? [draft.name, draft.email, draft.phone].filter((v) => v.trim()).join(', ')
                : ctx.t('steps.review.anonymous'),
            )
          : nothing
      }
    </dl>
    <p class="hint">
      ${ctx.t('steps.review.retention', {
        months: config.privacy.retentionMonths,
        duration: months(ctx, config.privacy.retentionMonths),
      })}
      ${
        config.privacy.url
          ? html`<a href=${config.privacy.url} target="_blank" rel="noopener noreferrer"
              >${ctx.t('steps.review.privacy')}</a
            >`
          : nothing
      }
    </p>
    ${
      tenantText(ctx, config.privacy.statement)
        ? html`<details class="why">
            <summary>${ctx.t('steps.review.privacy')}</summary>
            ${plainText(tenantText(ctx, config.privacy.statement) ?? '')}
          </details>`
        : nothing
    }
  `;
}

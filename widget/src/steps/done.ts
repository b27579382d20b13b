import { html, nothing } from 'lit';
import type { ReportCreated } from '@meldpunt/contracts';
import { tenantText, type StepContext } from './context.ts';

/** After sending: the tenant's logo and response, the reference, what happens next. */
export function doneStep(
  ctx: Omit<StepContext, 'draft' | 'errors' | 'update' | 'goTo'>,
  result: ReportCreated,
  logoUrl: string | undefined,
) {
  const { config } = ctx;
  return html`
    ${
      logoUrl
        ? html`<img class="done-logo" src=${logoUrl} alt=${tenantText(ctx, config.branding.logoAlt) ?? config.name} />`
        : nothing
    }
    <p class="response-body">${result.response.body}</p>
    <div class="reference" part="reference">
      <p class="reference-label" id="reference-label">${ctx.t('steps.done.reference')}</p>
      <p class="reference-code" aria-labelledby="reference-label">${result.reference}</p>
      <p class="hint">${ctx.t('steps.done.referenceHint')}</p>
    </div>
    <h3>${ctx.t('steps.done.next')}</h3>
    <p>
      ${
        result.followUp === 'active'
          ? ctx.t('steps.done.nextActive', { name: config.name })
          : ctx.t('steps.done.noFollowUp', { name: config.name })
      }
    </p>
  `;
}

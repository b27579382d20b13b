import { html, nothing } from 'lit';
import type { ReportCreated } from '@meldpunt/contracts';
import { plainText } from '../shell/plain-text.ts';
import { tenantText, type StepContext } from './context.ts';

/** After sending: the tenant's logo and response, the reference, what happens next. */
export function doneStep(
  ctx: Pick<StepContext, 'config' | 'locale' | 'dir' | 't'>,
  result: ReportCreated,
  logoUrl: string | undefined,
) {
  const { config } = ctx;
  const { routedTo } = result;
  const forwarded = routedTo.participating && routedTo.slug !== config.slug;
  return html`
    ${
      logoUrl
        ? html`<img class="done-logo" src=${logoUrl} alt=${tenantText(ctx, config.branding.logoAlt) ?? config.name} />`
        : nothing
    }
    ${forwarded ? html`<p class="forwarded">${ctx.t('location.route.forwarded', { name: routedTo.name })}</p>` : nothing}
    <div class="response-body">${plainText(result.response.body)}</div>
    <div class="reference" part="reference">
      <p class="reference-label" id="reference-label">${ctx.t('steps.done.reference')}</p>
      <p class="reference-code" aria-labelledby="reference-label">${result.reference}</p>
      <p class="hint">${ctx.t('steps.done.referenceHint')}</p>
    </div>
    <h3>${ctx.t('steps.done.next')}</h3>
    <p>
      ${
        result.followUp === 'active'
          ? ctx.t('steps.done.nextActive', { name: routedTo.name })
          : ctx.t('steps.done.noFollowUp', { name: routedTo.name })
      }
    </p>
  `;
}

import { html, nothing } from 'lit';
import type { ReportCreated } from '@meldpunt/contracts';
import type { FollowUpLink } from '../follow-up/follow-up-link.ts';
import { sendFeedback } from '../send.ts';
import { plainText } from '../shell/plain-text.ts';
import { tenantText, type StepContext } from './context.ts';

/**
 * The copy and save buttons beside the code and the feedback question are in the follow-up's chunk: it loads
 * once the confirmation has something for them. Until then, or if it never comes, the code shows all the same.
 */
function loadFollowUpChunk(): void {
  import('../follow-up.ts').catch((error: unknown) =>
    console.warn('Meldpunt: the follow-up could not be loaded', error),
  );
}

/**
 * After sending: the tenant's logo and response, the reference, the receipt code (shown once: the service can
 * never show it again) when the receiver follows up, what happens next, and "how was reporting for you?".
 */
export function doneStep(
  ctx: Pick<StepContext, 'config' | 'locale' | 'dir' | 't'>,
  result: ReportCreated,
  logoUrl: string | undefined,
  followUp?: FollowUpLink,
) {
  const { config } = ctx;
  const { routedTo, receiptCode } = result;
  const forwarded = routedTo.participating && routedTo.slug !== config.slug;
  const feedback = followUp?.texts && result.feedbackToken;
  if (followUp?.texts && (receiptCode || feedback)) loadFollowUpChunk();
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
    ${
      receiptCode
        ? html`<div class="reference receipt" part="receipt">
            <p class="reference-label" id="receipt-label">${ctx.t('steps.done.receipt')}</p>
            <meldpunt-receipt-actions
              .texts=${followUp?.texts}
              .locale=${ctx.locale}
              code=${receiptCode}
              reference=${result.reference}
              receiver=${routedTo.name}
            >
              <p class="reference-code receipt-code" id="receipt-code">${receiptCode}</p>
            </meldpunt-receipt-actions>
            <p class="hint"><strong>${ctx.t('steps.done.receiptHint')}</strong></p>
          </div>`
        : nothing
    }
    <h3>${ctx.t('steps.done.next')}</h3>
    <p>
      ${
        result.followUp === 'active'
          ? ctx.t('steps.done.nextActive', { name: routedTo.name })
          : ctx.t('steps.done.noFollowUp', { name: routedTo.name })
      }
    </p>
    ${
      feedback && followUp
        ? html`<meldpunt-feedback
            moment="sent"
            .texts=${followUp.texts}
            .locale=${ctx.locale}
            .send=${(input: Parameters<typeof sendFeedback>[2]) => sendFeedback(followUp, result, input)}
          ></meldpunt-feedback>`
        : nothing
    }
  `;
}

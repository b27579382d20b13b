// After the reporter presses Send: what a failure means for the form (the state, the step and fields to fix,
// the event the host page hears), the message with "try again", and the confirmation. Only the review sends,
// so this is in the chunk of the later steps (`later.ts`).
import { html, nothing } from 'lit';
import type { ReportCreated } from '@meldpunt/contracts';
import { ApiError } from '../api.ts';
import type { DraftError, StepId } from '../draft.ts';
import type { MeldpuntEventMap } from '../events.ts';
import type { Translate } from '../i18n.ts';
import { fieldOfPath, stepOfPath } from '../send.ts';
import type { StepContext } from '../steps/context.ts';
import type { FollowUpLink } from '../follow-up/follow-up-link.ts';
import { doneStep } from '../steps/done.ts';
import { outsideError } from './route-check.ts';

/** Where sending is: not yet, on its way, or failed (and how: each has its own message). */
export type SendState = 'idle' | 'sending' | 'network' | 'server' | 'rate-limit' | 'failed';

/** A sending failure as `meldpunt-error` reports it (its kinds are the element's public API). */
const eventKinds = {
  network: 'network',
  timeout: 'network',
  validation: 'validation',
  'rate-limit': 'rate-limit',
  'origin-refused': 'server',
  'not-found': 'server',
  server: 'server',
  client: 'server',
} as const satisfies Record<ApiError['kind'], MeldpuntEventMap['meldpunt-error']['detail']['kind']>;

/** What a failed send means for the form. */
export interface SendFailure {
  state: SendState;
  /** Rate limited: try again after this many minutes. */
  retryMinutes: number;
  /** The service refused fields: the step that asks the first, and an error per field. */
  fix?: { step: StepId; errors: DraftError[] };
  /** The detail of `meldpunt-error`. */
  event: MeldpuntEventMap['meldpunt-error']['detail'];
  /** No connection: send again, with the same Idempotency-Key, when the browser is online again. */
  retryWhenOnline: boolean;
}

/** Maps what `sendReport` rejected with to what the form shows. */
export function sendFailure(error: unknown): SendFailure {
  const apiError = error instanceof ApiError ? error : new ApiError('network');
  const event = { kind: eventKinds[apiError.kind], ...(apiError.status ? { status: apiError.status } : {}) };
  const failure = { state: 'failed' as SendState, retryMinutes: 0, event, retryWhenOnline: false };
  switch (apiError.kind) {
    case 'validation': {
      const outside = apiError.type?.endsWith('/outside-netherlands');
      const errors = apiError.errors.map((e) =>
        outside ? outsideError : { field: fieldOfPath(e.path), message: 'errors.invalid' },
      );
      return { ...failure, state: 'idle', fix: { step: stepOfPath(apiError.errors[0]?.path ?? ''), errors } };
    }
    case 'network':
    case 'timeout':
      // No answer in time is told like no connection: not sent, try again (the same Idempotency-Key).
      return { ...failure, state: 'network', retryWhenOnline: true };
    case 'rate-limit':
      return {
        ...failure,
        state: 'rate-limit',
        retryMinutes: Math.max(1, Math.ceil((apiError.retryAfterSeconds ?? 60) / 60)),
      };
    case 'server':
      return { ...failure, state: 'server' };
    default:
      return failure;
  }
}

/** "Not sent", why, and "try again" (not when rate limited: then it says when). */
export function sendErrorView(t: Translate, state: SendState, retryMinutes: number, retry: () => void) {
  const message =
    state === 'network'
      ? `${t('errors.network')} ${t('errors.offline')}`
      : state === 'rate-limit'
        ? t('errors.rateLimit', { count: retryMinutes })
        : t('errors.server');
  return html`
    <div class="send-error" id="send-error" role="alert" tabindex="-1">
      <p>${message}</p>
      ${
        state === 'rate-limit'
          ? nothing
          : html`<button type="button" class="primary" part="button" @click=${retry}>${t('errors.tryAgain')}</button>`
      }
    </div>
  `;
}

/**
 * The confirmation after sending: the tenant's response, the reference (and the receipt code), the feedback
 * question, "Follow up on my report" and "report something else".
 */
export function sentView(
  ctx: Pick<StepContext, 'config' | 'locale' | 'dir' | 't'>,
  result: ReportCreated,
  logoUrl: string | undefined,
  another: () => void,
  followUp: FollowUpLink,
) {
  return html`
    <section part="form">
      <h2 id="step-heading" tabindex="-1" part="heading">${result.response.title}</h2>
      ${doneStep(ctx, result, logoUrl, followUp)}
      <div class="nav">
        ${
          followUp.open
            ? html`<button id="open-follow-up" type="button" class="secondary" part="button" @click=${followUp.open}>
                ${ctx.t('followUp.open')}
              </button>`
            : nothing
        }
        <button id="another" type="button" class="primary" part="button" @click=${another}>
          ${ctx.t('steps.done.another')}
        </button>
      </div>
    </section>
  `;
}

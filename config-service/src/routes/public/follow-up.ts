import { Hono, type Context } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { feedbackInputSchema, followUpLookupSchema, followUpReplySchema } from '@meldpunt/contracts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { DomainError } from '../../errors/domain-error.ts';
import {
  eraseContactAsReporter,
  feedbackAfterSending,
  feedbackAsReporter,
  openByReceiptCode,
  replyAsReporter,
  withdrawAsReporter,
} from '../../follow-up/follow-up-service.ts';
import type { GuessLimiter } from '../../follow-up/guess-limiter.ts';
import { clientAddress } from '../../http/client-address.ts';
import { limitBody, requireJson } from '../../http/json-body.ts';
import { tenantOrigin } from '../../http/tenant-origin.ts';
import { validationHook } from '../../http/validation.ts';

/** The follow-up's bodies are a code, a reply (≤ 2000 characters) or a rating with a comment: 16 KB is ample. */
const maxBodyBytes = 16 * 1024;
const noStore = { 'Cache-Control': 'no-store' };

/** The bearer token of `Authorization` (never logged); a refusal like any invalid token without one. */
function bearerToken(c: Context): string {
  const match = /^Bearer[ ]+([A-Za-z0-9._~+/=-]{1,512})$/.exec(c.req.header('authorization') ?? '');
  if (!match?.[1]) throw new DomainError({ code: 'follow-up-token-invalid' }, 'no bearer token');
  return match[1];
}

/**
 * The reporter's side of the follow-up by receipt code (issue 15), under `/api/v1/tenants/:slug`:
 * `:slug` is the reporting point whose widget (or hosted page) asks — for its origin check only; the
 * code finds the report wherever it was routed. The code travels in a body, never in a URL; the token
 * in `Authorization`. Every answer is `no-store`. The service functions decide; this is HTTP only.
 *
 * - `POST …/follow-up` `{ code }` → 200 `FollowUpView`; every failure one 404 `receipt-code-unknown`;
 *   a client waiting out its failures 429 `too-many-attempts` with `Retry-After`.
 * - `POST …/follow-up/replies` `{ body }` → 201 `FollowUpView` (409 `report-closed`).
 * - `POST …/follow-up/contact-erasure` → 200 `FollowUpView`.
 * - `POST …/follow-up/withdrawal` → 204.
 * - `POST …/follow-up/feedback` `FeedbackInput` → 204 (409 `report-not-closed` for `closed` too early).
 * - `POST …/reports/:id/feedback` `FeedbackInput` with the 201's `feedbackToken` → 204.
 * A missing, forged, expired or superseded token: 401 `follow-up-token-invalid`.
 */
export function followUpRoutes(deps: AppDeps, guessLimiter: GuessLimiter) {
  const origin = tenantOrigin(deps, { extraAllowedHeaders: ['Authorization'] });
  const json = [limitBody(maxBodyBytes, 'the request'), requireJson('the request')] as const;
  return new Hono<AppEnv>()
    .use('/:slug/follow-up', origin)
    .use('/:slug/follow-up/:action', origin)
    .use('/:slug/reports/:id/feedback', origin)
    .post('/:slug/follow-up', ...json, zValidator('json', followUpLookupSchema, validationHook), async (c) => {
      const address = clientAddress(c, deps.trustedProxies);
      const view = await openByReceiptCode({ ...deps, guessLimiter }, { code: c.req.valid('json').code, address });
      return c.json(view, 200, noStore);
    })
    .post('/:slug/follow-up/replies', ...json, zValidator('json', followUpReplySchema, validationHook), async (c) => {
      const view = await replyAsReporter(deps, bearerToken(c), c.req.valid('json').body);
      c.get('log').info({ tenant: view.receiver.slug }, 'follow-up reply');
      return c.json(view, 201, noStore);
    })
    .post('/:slug/follow-up/contact-erasure', async (c) => {
      const view = await eraseContactAsReporter(deps, bearerToken(c));
      c.get('log').info({ tenant: view.receiver.slug }, 'follow-up contact erased');
      return c.json(view, 200, noStore);
    })
    .post('/:slug/follow-up/withdrawal', async (c) => {
      await withdrawAsReporter(deps, bearerToken(c));
      c.get('log').info({}, 'follow-up report withdrawn');
      return c.body(null, 204, noStore);
    })
    .post('/:slug/follow-up/feedback', ...json, zValidator('json', feedbackInputSchema, validationHook), async (c) => {
      await feedbackAsReporter(deps, bearerToken(c), c.req.valid('json'));
      return c.body(null, 204, noStore);
    })
    .post(
      '/:slug/reports/:id/feedback',
      ...json,
      zValidator('json', feedbackInputSchema, validationHook),
      async (c) => {
        await feedbackAfterSending(deps, c.req.param('id'), bearerToken(c), c.req.valid('json'));
        return c.body(null, 204, noStore);
      },
    );
}

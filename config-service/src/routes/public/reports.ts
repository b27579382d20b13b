import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { zValidator } from '@hono/zod-validator';
import { idempotencyKeySchema, limits, reportInputSchema, tenantReportErrors } from '@meldpunt/contracts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { clientAddress } from '../../http/client-address.ts';
import { ProblemError, problems } from '../../http/problem.ts';
import { tenantOrigin } from '../../http/tenant-origin.ts';
import { validationHook } from '../../http/validation.ts';
import { submitReport } from '../../reports/report-service.ts';

/** 415 unless the body is declared as JSON. */
const requireJson = createMiddleware(async (c, next) => {
  const mediaType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new ProblemError(415, 'unsupported-media-type', 'Send the report as JSON', {
      detail: 'Use Content-Type: application/json.',
    });
  }
  await next();
});

const limitBody = bodyLimit({
  maxSize: limits.maxBodyBytes,
  onError: () => {
    throw new ProblemError(413, 'payload-too-large', 'The report is too large', {
      detail: `A report may be at most ${limits.maxBodyBytes / 1024} KB.`,
    });
  },
});

/** `POST /api/v1/tenants/:slug/reports`: takes a report in for the tenant. */
export function reportRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use('/:slug/reports', tenantOrigin(deps))
    .post(
      '/:slug/reports',
      limitBody,
      requireJson,
      zValidator('json', reportInputSchema, validationHook),
      async (c) => {
        const tenant = c.get('tenant');
        const input = c.req.valid('json');

        const idempotencyKey = c.req.header('idempotency-key');
        if (idempotencyKey !== undefined && !idempotencyKeySchema.safeParse(idempotencyKey).success) {
          throw new ProblemError(400, 'bad-idempotency-key', 'The Idempotency-Key header is not valid', {
            detail: `Use 8 to ${limits.idempotencyKeyMaxLength} visible ASCII characters, e.g. a UUID.`,
          });
        }
        // Where it goes (422 outside the Netherlands). A tenant without follow-up refuses contact details
        // for its own reports; for one routed elsewhere they are kept if the receiver follows up, else dropped.
        const route = await deps.router.route(tenant, input.location, input.occurredAt);
        const stays = route.tenant.id === tenant.id && route.participating;
        const errors = tenantReportErrors(tenant.config, input, stays ? tenant.config.followUp.mode : 'active');
        if (errors.length > 0) throw problems.validation(errors);

        const limit = tenant.settings.rateLimit;
        const client = deps.rateLimiter.clientKey(clientAddress(c, deps.trustProxy));
        const wait = deps.rateLimiter.retryAfter(tenant.id, client, limit);
        if (wait > 0) {
          throw new ProblemError(429, 'too-many-reports', 'Too many reports from this connection', {
            detail: `Try again in ${Math.ceil(wait / 60)} minute(s). In an emergency, call 112.`,
            headers: { 'Retry-After': String(wait) },
          });
        }

        const result = await submitReport(deps, tenant, input, idempotencyKey, route);
        if (result.created) {
          deps.rateLimiter.consume(tenant.id, client, limit);
          // Its deliveries are in the outbox; wake the worker so the municipality has it within seconds.
          deps.nudgeDelivery?.();
        }
        c.get('log').info(
          { tenant: tenant.slug, reportId: result.body.id, replay: !result.created },
          'report accepted',
        );
        return c.json(result.body, 201, { 'Cache-Control': 'no-store' });
      },
    );
}

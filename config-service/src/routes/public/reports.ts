import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { idempotencyKeySchema, limits, reportInputSchema } from '@meldpunt/contracts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { clientAddress } from '../../http/client-address.ts';
import { limitBody, requireJson } from '../../http/json-body.ts';
import { ProblemError } from '../../http/problem.ts';
import { requireProof } from '../../http/require-proof.ts';
import { tenantOrigin } from '../../http/tenant-origin.ts';
import { validationHook } from '../../http/validation.ts';
import { submitReport } from '../../reports/report-service.ts';

const requireReportJson = requireJson('the report');
const limitReportBody = limitBody(limits.maxBodyBytes, 'the report');

/**
 * `POST /api/v1/tenants/:slug/reports`: takes a report in for the tenant. HTTP only: the embed origin,
 * proof of work (issue 16), size, media type, schema and `Idempotency-Key` are checked here; who receives the report, the
 * tenant's rules and the rate limit are `submitReport`'s (its refusals answer through `app.onError`),
 * behind the instance's intake gate (503 `busy` when full).
 */
export function reportRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().use('/:slug/reports', tenantOrigin(deps)).post(
    '/:slug/reports',
    // Issue 16: a solved proof-of-work challenge, before the body is read (a retry of a stored report needs none).
    requireProof(deps),
    limitReportBody,
    requireReportJson,
    zValidator('json', reportInputSchema, validationHook),
    async (c) => {
      const tenant = c.get('tenant');
      const idempotencyKey = c.req.header('idempotency-key');
      if (idempotencyKey !== undefined && !idempotencyKeySchema.safeParse(idempotencyKey).success) {
        throw new ProblemError(400, 'bad-idempotency-key', 'The Idempotency-Key header is not valid', {
          detail: `Use 8 to ${limits.idempotencyKeyMaxLength} visible ASCII characters, e.g. a UUID.`,
        });
      }
      const submission = {
        source: tenant,
        input: c.req.valid('json'),
        idempotencyKey,
        clientAddress: clientAddress(c, deps.trustedProxies),
      };
      // Issue 16: shed what this instance cannot store now, before its database work (503 busy).
      const store = () => submitReport(deps, submission);
      const result = await (deps.intakeGate ? deps.intakeGate.run(store) : store());
      c.get('log').info({ tenant: tenant.slug, reportId: result.body.id, replay: !result.created }, 'report accepted');
      return c.json(result.body, 201, { 'Cache-Control': 'no-store' });
    },
  );
}

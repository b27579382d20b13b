import { createMiddleware } from 'hono/factory';
import { DomainError } from '../errors/domain-error.ts';
import { ProblemError, problemOf } from './problem.ts';
import { metrics } from '../ops/metrics.ts';

/**
 * Counts every answer to `POST /api/v1/tenants/:slug/reports`: accepted by source tenant, refused by the
 * problem type of the answer (a fixed set in `http/problem.ts`, so a client cannot invent label values).
 * In one place, after the answer, so every refusal is counted the same way whichever check made it —
 * the rate limit and the proof of work included, which also get counters of their own.
 */
export const countReportOutcomes = createMiddleware(async (c, next) => {
  await next();
  const status = c.res.status;
  if (status === 201) {
    // Only a published tenant answers 201, so the slug is one of a bounded set.
    metrics.reportsAccepted.inc({ tenant: c.req.param('slug') ?? 'unknown' });
    return;
  }
  if (status < 400) return;
  const reason = reasonOf(c.error, status);
  metrics.reportsRefused.inc({ reason });
  if (reason === 'too-many-reports') metrics.rateLimitRefusals.inc();
  else if (reason.startsWith('proof-')) metrics.proofRefusals.inc({ reason });
});

/** The last segment of the answer's problem type (`https://meldpunt.dev/problems/too-many-reports`). */
function reasonOf(error: unknown, status: number): string {
  const problem =
    error instanceof DomainError ? problemOf(error).problem : error instanceof ProblemError ? error.problem : undefined;
  const type = problem?.type.split('/').pop();
  return type && /^[a-z0-9-]{1,60}$/.test(type) ? type : status >= 500 ? 'server-error' : `http-${status}`;
}

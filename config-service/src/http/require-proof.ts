import { createMiddleware } from 'hono/factory';
import { idempotencyKeySchema } from '@meldpunt/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { ProofOfWork } from '../proof/proof-of-work.ts';
import { findReportByIdempotencyKey } from '../reports/report-repository.ts';
import type { TenantVariables } from './tenant-origin.ts';

/** The header a report's solved proof-of-work challenge travels in (issue 16). */
export const proofHeader = 'Meldpunt-Proof';

/**
 * Issue 16: a report is taken in only with a solved, unused proof-of-work challenge of its tenant
 * (`proof/proof-of-work.ts`), checked before its body is even read. One exception: a retry of a
 * report already stored under the same `Idempotency-Key` passes without a new proof, so the reporter
 * whose answer was lost gets the original 201 (`submitReport` answers it).
 * A challenge redeemed for a report that then could not be stored for a fault of ours (5xx: the
 * database was away) is given back, so the widget's retry can use it again; a refused report (4xx)
 * keeps it used.
 */
export function requireProof(deps: { db: Kysely<Database>; proof: ProofOfWork }) {
  return createMiddleware<{ Variables: TenantVariables }>(async (c, next) => {
    const tenant = c.get('tenant');
    const key = c.req.header('idempotency-key');
    if (key !== undefined && idempotencyKeySchema.safeParse(key).success) {
      if (await findReportByIdempotencyKey(deps.db, tenant.id, key)) return next();
    }
    const redemption = await deps.proof.redeem(c.req.header(proofHeader), tenant.id);
    await next();
    if (c.res.status >= 500) await redemption.release().catch(() => undefined);
  });
}

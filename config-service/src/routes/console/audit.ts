import { Hono, type Context } from 'hono';
import { zValidator } from '@hono/zod-validator';
import {
  auditExportQuerySchema,
  auditPageQuerySchema,
  tenantAuditPageQuerySchema,
  type AuditPage,
  type AuditVerification,
  type TenantAuditPage,
} from '@meldpunt/contracts';
import { platformChain } from '../../audit/audit-entry.ts';
import type { AuditPage as AuditLogPage } from '../../audit/audit-log.ts';
import { verifyAuditLog } from '../../audit/verify.ts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { signedInOf, staffTenantOf } from '../../http/staff-access.ts';
import { validationHook } from '../../http/validation.ts';
import { staffNamesByIds } from '../../staff/staff-repository.ts';

/** A page of the log as the API answers it (`nextBefore` null at the end). */
function pageBody(page: AuditLogPage): AuditPage {
  return { entries: page.entries, nextBefore: page.nextBefore ?? null };
}

/**
 * The people a page names (actors, and targets that are staff), by id, for the console to show who did
 * what. Only the answer carries them; the entries keep ids. Everyone named acted in, or was acted on in,
 * this tenant, so its admins see nobody they could not see otherwise.
 */
async function peopleOf(deps: AppDeps, page: AuditLogPage): Promise<TenantAuditPage['people']> {
  const ids = page.entries.flatMap((e) => [
    ...(e.actor?.kind === 'staff' ? [e.actor.id] : []),
    ...(e.target?.kind === 'staff' ? [e.target.id] : []),
  ]);
  return Object.fromEntries(await staffNamesByIds(deps.db, ids));
}

/**
 * `/api/v1/console/tenants/:slug/audit…`: the tenant's own chain, for its admins only (the rule is in
 * `http/staff-access.ts`; the platform operator reads the platform chain, `platformAuditRoutes`).
 * `GET …/audit` pages newest first (`?before=<sequence>` from the previous page's `nextBefore`;
 * `?action=` keeps one action), with the people the page names; `GET …/audit/verify` recomputes the
 * chain; `GET …/audit/export?format=jsonl|csv` downloads the whole chain — and is itself audited: its
 * `export.created` entry is the last line.
 */
export function tenantAuditRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/:slug/audit', zValidator('query', tenantAuditPageQuerySchema, validationHook), async (c) => {
      const page = await deps.auditLog.read(staffTenantOf(c).id, c.req.valid('query'));
      const body: TenantAuditPage = { ...pageBody(page), people: await peopleOf(deps, page) };
      return c.json(body, 200, { 'Cache-Control': 'no-store' });
    })
    .get('/:slug/audit/verify', async (c) => {
      const chain = staffTenantOf(c).id;
      const result = await verifyAuditLog(deps.db, deps.serverSecret, new Map(), [chain]);
      const report = result.chains.find((r) => r.chain === chain);
      const body: AuditVerification = {
        intact: result.problems.length === 0,
        entries: report?.entries ?? 0,
        headSequence: report?.head?.sequence ?? null,
        problems: result.problems.map((p) => ({ sequence: p.sequence, kind: p.kind })),
        checkedAt: new Date().toISOString(),
      };
      return c.json(body, 200, { 'Cache-Control': 'no-store' });
    })
    .get('/:slug/audit/export', zValidator('query', auditExportQuerySchema, validationHook), async (c) => {
      const tenant = staffTenantOf(c);
      return exportResponse(c, deps, tenant.id, `audit-${tenant.slug}`, c.req.valid('query').format);
    });
}

/** `GET /api/v1/console/platform/audit`: the platform chain (the operator's work, failed sign-ins), paged. */
export function platformAuditRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', zValidator('query', auditPageQuerySchema, validationHook), async (c) => {
    const page = await deps.auditLog.read(platformChain, c.req.valid('query'));
    return c.json(pageBody(page), 200, { 'Cache-Control': 'no-store' });
  });
}

/**
 * Streams a chain's export as a download. The export's own entry is appended (and committed) before
 * the first byte, so a download that breaks off is still on record.
 */
async function exportResponse(
  c: Context<AppEnv>,
  deps: AppDeps,
  chain: string,
  name: string,
  format: 'jsonl' | 'csv',
): Promise<Response> {
  const exported = await deps.auditLog.export(chain, {
    actor: { kind: 'staff', id: signedInOf(c).staffId },
    format,
  });
  const encoder = new TextEncoder();
  const lines = exported.lines[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return?.();
    },
  });
  const date = exported.entry.occurredAt.slice(0, 10);
  return c.body(body, 200, {
    'Content-Type': exported.contentType,
    'Content-Disposition': `attachment; filename="${name}-${date}.${format}"`,
    'Cache-Control': 'no-store',
  });
}

import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import {
  contactRevealInputSchema,
  inboxQuerySchema,
  noteInputSchema,
  reportDetailQuerySchema,
  reportMessageInputSchema,
  reportUpdateSchema,
  savedViewInputSchema,
  type OfficerList,
  type WithdrawalList,
} from '@meldpunt/contracts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { pathId } from '../../http/path-id.ts';
import { ProblemError } from '../../http/problem.ts';
import { signedInOf, staffTenantOf } from '../../http/staff-access.ts';
import { streamBody } from '../../http/stream-body.ts';
import { validationHook } from '../../http/validation.ts';
import { inboxPage } from '../../reports/inbox.ts';
import {
  addNote,
  officersOf,
  reportDetail,
  retryDelivery,
  revealContact,
  sendMessage,
  updateReport,
  viewReport,
  withdrawalsOf,
} from '../../reports/report-handling.ts';
import { exportReports } from '../../reports/reports-export.ts';
import { deleteView, listViews, saveView } from '../../reports/saved-views.ts';

const noStore = { 'Cache-Control': 'no-store' };
const etagOf = (revision: number) => `"${revision}"`;

/**
 * `/api/v1/backoffice/tenants/:slug/…` for officers (issue 14): the inbox, one report, its handling,
 * notes, the contact reveal, sending a delivery again, the CSV export, the tenant's officers and the
 * team's saved views; and (issue 15) messages to the reporter and the reports their reporters withdrew. The rules are in `http/staff-access.ts`; every id is looked up in the tenant of
 * the path, so another tenant's report reads as an unknown one (404).
 */
export function backofficeReportRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/:slug/reports', zValidator('query', inboxQuerySchema, validationHook), async (c) => {
      const page = await inboxPage(deps.db, {
        tenantId: staffTenantOf(c).id,
        filter: c.req.valid('query'),
        staffId: signedInOf(c).staffId,
      });
      return c.json(page, 200, noStore);
    })
    .get('/:slug/reports.csv', zValidator('query', inboxQuerySchema, validationHook), async (c) => {
      const tenant = staffTenantOf(c);
      const exported = await exportReports(deps, {
        tenantId: tenant.id,
        tenantSlug: tenant.slug,
        filter: c.req.valid('query'),
        staffId: signedInOf(c).staffId,
      });
      // Pulled one batch at a time: the client's pace sets the database's.
      return c.body(streamBody(exported.chunks), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${exported.filename}"`,
        ...noStore,
      });
    })
    .get('/:slug/reports/:id', zValidator('query', reportDetailQuerySchema, validationHook), async (c) => {
      const detail = await viewReport(
        deps,
        { tenantId: staffTenantOf(c).id, reportId: pathId(c.req.param('id')), staffId: signedInOf(c).staffId },
        c.req.valid('query').lang,
      );
      return c.json(detail, 200, { ...noStore, ETag: etagOf(detail.revision) });
    })
    .patch('/:slug/reports/:id', zValidator('json', reportUpdateSchema, validationHook), async (c) => {
      const act = {
        tenantId: staffTenantOf(c).id,
        reportId: pathId(c.req.param('id')),
        staffId: signedInOf(c).staffId,
      };
      const ifMatch = c.req.header('if-match');
      if (!ifMatch) {
        throw new ProblemError(428, 'if-match-required', 'Send the report’s ETag in If-Match', {
          detail: 'Read the report first (GET), then send its ETag with the change, so nobody’s change is lost.',
        });
      }
      await updateReport(deps, act, c.req.valid('json'), ifMatch);
      const detail = await reportDetail(deps.db, act.tenantId, act.reportId);
      return c.json(detail, 200, { ...noStore, ETag: etagOf(detail.revision) });
    })
    .post('/:slug/reports/:id/notes', zValidator('json', noteInputSchema, validationHook), async (c) => {
      const note = await addNote(
        deps,
        { tenantId: staffTenantOf(c).id, reportId: pathId(c.req.param('id')), staffId: signedInOf(c).staffId },
        c.req.valid('json').body,
      );
      return c.json(note, 201, noStore);
    })
    .post('/:slug/reports/:id/messages', zValidator('json', reportMessageInputSchema, validationHook), async (c) => {
      const message = await sendMessage(
        deps,
        { tenantId: staffTenantOf(c).id, reportId: pathId(c.req.param('id')), staffId: signedInOf(c).staffId },
        c.req.valid('json'),
      );
      // The reporter's notice (when they asked for follow-up by e-mail) is queued: send it now.
      deps.nudgeDelivery?.();
      return c.json(message, 201, noStore);
    })
    .get('/:slug/withdrawals', async (c) => {
      const body: WithdrawalList = await withdrawalsOf(deps.db, staffTenantOf(c).id);
      return c.json(body, 200, noStore);
    })
    .post('/:slug/reports/:id/contact', zValidator('json', contactRevealInputSchema, validationHook), async (c) => {
      const contact = await revealContact(
        deps,
        { tenantId: staffTenantOf(c).id, reportId: pathId(c.req.param('id')), staffId: signedInOf(c).staffId },
        c.req.valid('json'),
      );
      return c.json(contact, 200, noStore);
    })
    .post('/:slug/reports/:id/deliveries/:deliveryId/retry', async (c) => {
      const delivery = await retryDelivery(deps, {
        tenantId: staffTenantOf(c).id,
        reportId: pathId(c.req.param('id')),
        deliveryId: pathId(c.req.param('deliveryId')),
        staffId: signedInOf(c).staffId,
      });
      deps.nudgeDelivery?.();
      return c.json(delivery, 200, noStore);
    })
    .get('/:slug/officers', async (c) => {
      const body: OfficerList = { officers: await officersOf(deps.db, staffTenantOf(c).id) };
      return c.json(body, 200, noStore);
    })
    .get('/:slug/views', async (c) => {
      return c.json({ views: await listViews(deps.db, staffTenantOf(c).id) }, 200, noStore);
    })
    .post('/:slug/views', zValidator('json', savedViewInputSchema, validationHook), async (c) => {
      const view = await saveView(deps, staffTenantOf(c).id, signedInOf(c).staffId, c.req.valid('json'));
      return c.json(view, 201, noStore);
    })
    .delete('/:slug/views/:id', async (c) => {
      await deleteView(deps, staffTenantOf(c).id, signedInOf(c).staffId, pathId(c.req.param('id')));
      return c.body(null, 204);
    });
}

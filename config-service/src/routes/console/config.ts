import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { previewReportInputSchema, publishInputSchema, restoreInputSchema } from '@meldpunt/contracts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { ProblemError, problems } from '../../http/problem.ts';
import { signedInOf, staffTenantOf } from '../../http/staff-access.ts';
import { validationHook } from '../../http/validation.ts';
import { previewReport } from '../../reports/report-preview.ts';
import {
  getDraft,
  getVersion,
  publishDraft,
  restoreVersion,
  saveDraft,
  versionHistory,
} from '../../tenants/config-drafts.ts';

const noStore = { 'Cache-Control': 'no-store' };

/** A version number from the path; anything else names no version: 404. */
function versionParam(value: string | undefined): number {
  if (!value || !/^[1-9]\d{0,8}$/.test(value)) throw problems.notFound('No configuration version with this number');
  return Number(value);
}

/**
 * `/api/v1/console/tenants/:slug/config/…`: the draft (editors and publishers), publishing it and
 * restoring an earlier version (publishers), the history and sending from the preview (also admins and
 * the operator). The rules are in `http/staff-access.ts`; the work in `tenants/config-drafts.ts` and
 * `reports/report-preview.ts`.
 */
export function configRoutes(deps: AppDeps) {
  return (
    new Hono<AppEnv>()
      .get('/:slug/config/draft', async (c) => {
        const draft = await getDraft(deps.db, staffTenantOf(c).id);
        return c.json(draft, 200, { ...noStore, ETag: draft.etag });
      })
      .put('/:slug/config/draft', async (c) => {
        const ifMatch = c.req.header('if-match')?.trim();
        if (!ifMatch || ifMatch === '*') {
          throw new ProblemError(428, 'if-match-required', 'Send the draft’s ETag as If-Match', {
            detail: 'Saving needs the `etag` of the draft the change was made to, so nobody overwrites another’s save.',
          });
        }
        let body: unknown;
        try {
          body = await c.req.json();
        } catch {
          throw problems.validation([{ path: '', message: 'Send the config as JSON' }]);
        }
        const draft = await saveDraft(deps, staffTenantOf(c).id, signedInOf(c).staffId, ifMatch, body);
        return c.json(draft, 200, { ...noStore, ETag: draft.etag });
      })
      .post('/:slug/config/publish', zValidator('json', publishInputSchema, validationHook), async (c) => {
        const ifMatch = c.req.header('if-match')?.trim();
        const version = await publishDraft(deps, staffTenantOf(c), signedInOf(c).staffId, {
          note: c.req.valid('json').note,
          ifMatch: ifMatch && ifMatch !== '*' ? ifMatch : undefined,
        });
        return c.json(version, 201, noStore);
      })
      .get('/:slug/config/versions', async (c) =>
        c.json(await versionHistory(deps.db, staffTenantOf(c).id), 200, noStore),
      )
      .get('/:slug/config/versions/:version', async (c) => {
        const version = versionParam(c.req.param('version'));
        return c.json(await getVersion(deps.db, staffTenantOf(c).id, version), 200, noStore);
      })
      // Sending from the preview: checked like a real report under the draft, answered, never stored.
      .post('/:slug/config/preview-report', zValidator('json', previewReportInputSchema, validationHook), async (c) => {
        const preview = await previewReport(deps, staffTenantOf(c), c.req.valid('json'));
        return c.json(preview, 200, noStore);
      })
      .post(
        '/:slug/config/versions/:version/restore',
        zValidator('json', restoreInputSchema, validationHook),
        async (c) => {
          const from = versionParam(c.req.param('version'));
          const restored = await restoreVersion(
            deps,
            staffTenantOf(c),
            signedInOf(c).staffId,
            from,
            c.req.valid('json'),
          );
          return c.json(restored, 201, noStore);
        },
      )
  );
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { reportCreatedSchema } from '@meldpunt/contracts';
import { importTenant } from '../tenants/tenant-service.ts';
import {
  createTestContext,
  databaseKind,
  minimalReport,
  postReport,
  readJson,
  tenantDocument,
  type TestContext,
} from '../../test/helpers.ts';
import { enforceRetention } from './retention.ts';

const day = 24 * 3600 * 1000;

describe(`retention (${databaseKind})`, () => {
  let ctx: TestContext;
  before(async () => {
    // Its own database on PostgreSQL: a sweep looks at every tenant's reports.
    ctx = await createTestContext({ ownDatabase: true });
  });
  after(() => ctx.close());

  function privacy(retentionMonths: number, contactRetentionMonths: number) {
    return { statement: { nl: 'Alleen het team OOV ziet je melding.' }, retentionMonths, contactRetentionMonths };
  }

  /** Sends a report with contact details and sets when it was received, `daysAgo` days back. */
  async function report(slug: string, daysAgo: number): Promise<string> {
    const res = await postReport(
      ctx,
      slug,
      minimalReport({ contact: { email: 'melder@example.org', wantsFollowUp: true } }),
    );
    assert.equal(res.status, 201, await res.clone().text());
    const { id } = reportCreatedSchema.parse(await readJson(res));
    await ctx.db
      .updateTable('report')
      .set({ received_at: new Date(Date.now() - daysAgo * day) })
      .where('id', '=', id)
      .execute();
    return id;
  }

  async function row(id: string) {
    return ctx.db
      .selectFrom('report')
      .select(['contact_sealed', 'wants_follow_up'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  it('erases contact details after their period, deletes reports (and deliveries) after theirs, tenant by tenant', async () => {
    const short = await ctx.createTenant({ config: { privacy: privacy(3, 1) } });
    const long = await ctx.createTenant({ config: { privacy: privacy(24, 6) } });
    const fresh = await report(short.slug, 10);
    const contactDue = await report(short.slug, 40);
    const reportDue = await report(short.slug, 100);
    const otherTenant = await report(long.slug, 100);
    assert.equal(
      (await ctx.db.selectFrom('delivery').select('id').where('report_id', '=', reportDue).execute()).length,
      1,
    );

    const result = await enforceRetention(ctx.db);

    assert.ok((await row(fresh))?.contact_sealed, 'a contact within its period stays');
    assert.deepEqual(await row(contactDue), { contact_sealed: null, wants_follow_up: false });
    assert.equal(await row(reportDue), undefined);
    assert.equal(
      (await ctx.db.selectFrom('delivery').select('id').where('report_id', '=', reportDue).execute()).length,
      0,
    );
    assert.ok((await row(otherTenant))?.contact_sealed, 'another tenant’s longer period applies to its reports');
    assert.deepEqual(result.byTenant, [{ slug: short.slug, contactsErased: 2, reportsDeleted: 1 }]);

    // Idempotent: nothing left to do.
    assert.deepEqual(await enforceRetention(ctx.db), { contactsErased: 0, reportsDeleted: 0, byTenant: [] });
  });

  it('a shortened period applies to the reports already stored', async () => {
    const tenant = await ctx.createTenant({ config: { privacy: privacy(24, 6) } });
    const id = await report(tenant.slug, 100);
    assert.equal((await enforceRetention(ctx.db)).reportsDeleted, 0);
    await importTenant(ctx.db, tenantDocument(tenant.slug, { config: { privacy: privacy(3, 1) } }));
    await enforceRetention(ctx.db);
    assert.equal(await row(id), undefined);
  });

  it('a report routed in from another widget keeps to the shorter of the two periods it was promised', async () => {
    const national = await ctx.createTenant({ config: { privacy: privacy(24, 1) } });
    const receiver = await ctx.createTenant({ config: { privacy: privacy(24, 6) } });
    const id = await report(receiver.slug, 40);
    await ctx.db.updateTable('report').set({ source_tenant_id: national.id }).where('id', '=', id).execute();
    await enforceRetention(ctx.db);
    assert.deepEqual(await row(id), { contact_sealed: null, wants_follow_up: false });
  });

  it('nothing newer than a month is looked at, whatever the clock says about the rest', async () => {
    const tenant = await ctx.createTenant({ config: { privacy: privacy(1, 1) } });
    const id = await report(tenant.slug, 29);
    await enforceRetention(ctx.db);
    assert.ok((await row(id))?.contact_sealed);
    // A month and a day later it is due.
    await enforceRetention(ctx.db, new Date(Date.now() + 3 * day));
    assert.equal(await row(id), undefined);
    const { count } = (
      await sql<{ count: number }>`select count(*)::int as count from report where id = ${id}`.execute(ctx.db)
    ).rows[0]!;
    assert.equal(count, 0);
  });
});

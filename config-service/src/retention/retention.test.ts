import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { sendTestDelivery } from '../delivery/test-delivery.ts';
import { importTenant } from '../tenants/tenant-service.ts';
import {
  databaseKind,
  minimalReport,
  postReport,
  readJson,
  sendReport,
  tenantDocument,
  useTestContext,
} from '../../test/helpers.ts';
import {
  enforceRetention,
  fallbackRetentionMonths,
  replayWindowHours,
  retentionDatesOf,
  testDeliveryDays,
} from './retention.ts';

const hour = 3600 * 1000;
const day = 24 * hour;

describe(`retention (${databaseKind})`, () => {
  // Its own database on PostgreSQL: a sweep looks at every tenant's reports.
  const ctx = useTestContext({ ownDatabase: true });

  function privacy(retentionMonths: number, contactRetentionMonths: number) {
    return { statement: { nl: 'Alleen het team OOV ziet je melding.' }, retentionMonths, contactRetentionMonths };
  }

  /** Sends a report with contact details and sets when it was received, `daysAgo` days back. */
  async function report(slug: string, daysAgo: number, idempotencyKey?: string): Promise<string> {
    const { id } = await sendReport(
      ctx,
      slug,
      minimalReport({ contact: { email: 'melder@example.org', wantsFollowUp: true } }),
      idempotencyKey ? { headers: { 'Idempotency-Key': idempotencyKey } } : {},
    );
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
    assert.deepEqual(await enforceRetention(ctx.db), {
      contactsErased: 0,
      reportsDeleted: 0,
      idempotencyKeysCleared: 0,
      logosDeleted: 0,
      testDeliveriesDeleted: 0,
      withdrawalsDeleted: 0,
      byTenant: [],
    });
  });

  // Issue 15: the follow-up's thread and feedback go with their report; a withdrawal's tombstone when the report would have.
  it('deletes a report’s messages, feedback and notices with it, and a withdrawn report’s tombstone after the report period', async () => {
    const tenant = await ctx.createTenant({ config: { privacy: privacy(3, 1) } });
    const due = await report(tenant.slug, 100);
    const kept = await report(tenant.slug, 10);
    for (const id of [due, kept]) {
      await ctx.db
        .insertInto('report_message')
        .values([
          { tenant_id: tenant.id, report_id: id, sender: 'municipality', author_id: null, body: 'Een vraag' },
          { tenant_id: tenant.id, report_id: id, sender: 'reporter', author_id: null, body: 'Een antwoord' },
        ])
        .execute();
      await ctx.db
        .insertInto('report_feedback')
        .values({ tenant_id: tenant.id, report_id: id, moment: 'sent', rating: 4, comment: 'Prima' })
        .execute();
      await ctx.db
        .insertInto('delivery')
        .values({
          kind: 'reply-notice',
          tenant_id: tenant.id,
          report_id: id,
          channel: 'email',
          target: 'oov@x.example',
        })
        .execute();
    }
    const tombstone = (daysAgo: number) => ({
      tenant_id: tenant.id,
      report_id: crypto.randomUUID(),
      reference: `W-${daysAgo}`,
      received_at: new Date(Date.now() - daysAgo * day),
    });
    const [oldTombstone, newTombstone] = [tombstone(100), tombstone(80)];
    await ctx.db.insertInto('report_withdrawal').values([oldTombstone, newTombstone]).execute();

    const counts = async (id: string) => ({
      messages: (await ctx.db.selectFrom('report_message').select('id').where('report_id', '=', id).execute()).length,
      feedback: (await ctx.db.selectFrom('report_feedback').select('id').where('report_id', '=', id).execute()).length,
      deliveries: (await ctx.db.selectFrom('delivery').select('id').where('report_id', '=', id).execute()).length,
    });
    assert.deepEqual(await counts(due), { messages: 2, feedback: 1, deliveries: 2 });

    const result = await enforceRetention(ctx.db);
    assert.equal(await row(due), undefined);
    assert.deepEqual(await counts(due), { messages: 0, feedback: 0, deliveries: 0 });
    assert.deepEqual(await counts(kept), { messages: 2, feedback: 1, deliveries: 2 });
    assert.equal(result.withdrawalsDeleted, 1);
    const left = await ctx.db
      .selectFrom('report_withdrawal')
      .select('reference')
      .where('tenant_id', '=', tenant.id)
      .execute();
    assert.deepEqual(left, [{ reference: 'W-80' }], 'a tombstone within the 3-month report period stays');
  });

  // Issue 14: the back office says when contact details were erased, and when they and the report will be.
  it('records when it erased contact details, and answers the dates it acts on with the same periods', async () => {
    const tenant = await ctx.createTenant({ config: { privacy: privacy(6, 2) } });
    const kept = await report(tenant.slug, 10);
    const erased = await report(tenant.slug, 70);
    const before = await retentionDatesOf(ctx.db, erased);
    const received = await ctx.db
      .selectFrom('report')
      .select('received_at')
      .where('id', '=', erased)
      .executeTakeFirstOrThrow();
    const plusMonths = (date: Date, months: number) => {
      const d = new Date(date);
      d.setUTCMonth(d.getUTCMonth() + months);
      return d;
    };
    assert.ok(before);
    assert.ok(before.contactErasedBy < new Date(), 'the contact period of a 70-day-old report is over');
    // Months are counted in the database's zone (UTC in the tests): within a day of two and six months.
    assert.ok(Math.abs(before.contactErasedBy.getTime() - plusMonths(received.received_at, 2).getTime()) < day);
    assert.ok(Math.abs(before.deletedBy.getTime() - plusMonths(received.received_at, 6).getTime()) < day);

    const now = new Date();
    await enforceRetention(ctx.db, now);

    const erasedRow = await ctx.db
      .selectFrom('report')
      .select(['contact_sealed', 'contact_erased_at'])
      .where('id', '=', erased)
      .executeTakeFirstOrThrow();
    assert.equal(erasedRow.contact_sealed, null);
    assert.equal(erasedRow.contact_erased_at?.toISOString(), now.toISOString());
    const keptRow = await ctx.db
      .selectFrom('report')
      .select('contact_erased_at')
      .where('id', '=', kept)
      .executeTakeFirstOrThrow();
    assert.equal(keptRow.contact_erased_at, null);
    assert.equal(await retentionDatesOf(ctx.db, '00000000-0000-4000-8000-000000000000'), undefined);
  });

  it('deletes test deliveries after a month, with their outbox rows; newer ones stay', async () => {
    const tenant = await ctx.createTenant();
    const actor = { kind: 'cli' } as const;
    const old = await sendTestDelivery(ctx.deps, tenant.id, actor);
    const recent = await sendTestDelivery(ctx.deps, tenant.id, actor);
    await ctx.db
      .updateTable('test_delivery')
      .set({ created_at: new Date(Date.now() - (testDeliveryDays + 1) * day) })
      .where('id', '=', old.id)
      .execute();
    const rowsOf = async (id: string) => ({
      tests: (await ctx.db.selectFrom('test_delivery').select('id').where('id', '=', id).execute()).length,
      outbox: (await ctx.db.selectFrom('delivery').select('id').where('test_delivery_id', '=', id).execute()).length,
    });
    assert.deepEqual(await rowsOf(old.id), { tests: 1, outbox: 1 });

    const result = await enforceRetention(ctx.db);
    assert.equal(result.testDeliveriesDeleted, 1);
    assert.deepEqual(await rowsOf(old.id), { tests: 0, outbox: 0 });
    assert.deepEqual(await rowsOf(recent.id), { tests: 1, outbox: 1 });
    // One day short of the period: kept.
    await ctx.db
      .updateTable('test_delivery')
      .set({ created_at: new Date(Date.now() - (testDeliveryDays - 1) * day) })
      .where('id', '=', recent.id)
      .execute();
    assert.equal((await enforceRetention(ctx.db)).testDeliveriesDeleted, 0);
    assert.deepEqual(await rowsOf(recent.id), { tests: 1, outbox: 1 });
  });

  it('works through a backlog in batches: every due report is handled, whatever the batch size', async () => {
    const tenant = await ctx.createTenant({ config: { privacy: privacy(3, 1) } });
    const contactDue = await Promise.all([40, 41, 42, 43, 44].map((d) => report(tenant.slug, d)));
    const reportDue = await Promise.all([100, 101, 102].map((d) => report(tenant.slug, d)));

    const result = await enforceRetention(ctx.db, new Date(), 2);

    for (const id of contactDue) assert.deepEqual(await row(id), { contact_sealed: null, wants_follow_up: false });
    for (const id of reportDue) assert.equal(await row(id), undefined);
    assert.deepEqual(result.byTenant, [{ slug: tenant.slug, contactsErased: 8, reportsDeleted: 3 }]);
    assert.equal((await enforceRetention(ctx.db, new Date(), 2)).contactsErased, 0);
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

  async function replayColumns(id: string) {
    return ctx.db
      .selectFrom('report')
      .select(['idempotency_key', 'request_hash'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  }

  it('idempotency key and request hash are cleared once the 48-hour replay window is over; the cleared rows do not collide', async () => {
    assert.equal(replayWindowHours, 48);
    const tenant = await ctx.createTenant({ config: { privacy: privacy(24, 6) } });
    const keys = [crypto.randomUUID(), crypto.randomUUID()];
    const ids = [await report(tenant.slug, 0, keys[0]), await report(tenant.slug, 0, keys[1])];
    const receivedAt = (
      await ctx.db.selectFrom('report').select('received_at').where('id', '=', ids[1]!).executeTakeFirstOrThrow()
    ).received_at;
    const at = (hours: number) => new Date(new Date(receivedAt).getTime() + hours * hour);

    await enforceRetention(ctx.db, at(47));
    for (const id of ids) assert.deepEqual(Object.values(await replayColumns(id)).map(Boolean), [true, true]);

    const result = await enforceRetention(ctx.db, at(48.1));
    assert.equal(result.idempotencyKeysCleared, 2);
    // Both rows of one source tenant now hold a NULL key: the unique (source_tenant_id, idempotency_key) allows it.
    for (const id of ids) assert.deepEqual(await replayColumns(id), { idempotency_key: null, request_hash: null });
    assert.ok((await row(ids[0]!))?.contact_sealed, 'the contact keeps its own, longer period');

    // After the window the key is free: the same request is a new report.
    const again = await postReport(
      ctx,
      tenant.slug,
      minimalReport({ contact: { email: 'melder@example.org', wantsFollowUp: true } }),
      { headers: { 'Idempotency-Key': keys[0]! } },
    );
    assert.equal(again.status, 201);
    assert.ok(!ids.includes((await readJson(again)).id));
  });

  it('erasing contact details clears the idempotency key and request hash with them', async () => {
    const tenant = await ctx.createTenant({ config: { privacy: privacy(24, 1) } });
    const id = await report(tenant.slug, 40, crypto.randomUUID());
    assert.ok((await replayColumns(id)).request_hash);
    const result = await enforceRetention(ctx.db);
    assert.deepEqual(await row(id), { contact_sealed: null, wants_follow_up: false });
    assert.deepEqual(await replayColumns(id), { idempotency_key: null, request_hash: null });
    // Done by the erasure itself: the replay-window sweep after it found nothing left.
    assert.equal(result.contactsErased, 1);
    assert.equal(result.idempotencyKeysCleared, 0);
  });

  it('a tenant without a published config: its reports get the fallback period (the shortest allowed), not for ever', async () => {
    assert.equal(fallbackRetentionMonths, 1);
    const tenant = await ctx.createTenant({ config: { privacy: privacy(24, 6) } });
    const fresh = await report(tenant.slug, 10);
    const due = await report(tenant.slug, 40);
    const old = await report(tenant.slug, 400);
    await ctx.db.updateTable('tenant').set({ published_version: null }).where('id', '=', tenant.id).execute();

    const result = await enforceRetention(ctx.db);
    assert.ok((await row(fresh))?.contact_sealed, 'within the fallback period nothing happens');
    assert.equal(await row(due), undefined);
    assert.equal(await row(old), undefined);
    assert.deepEqual(result.byTenant, [{ slug: tenant.slug, contactsErased: 2, reportsDeleted: 2 }]);
  });

  it('a report entered in a widget whose tenant has no published config gets the fallback period too', async () => {
    const source = await ctx.createTenant({ config: { privacy: privacy(24, 6) } });
    const receiver = await ctx.createTenant({ config: { privacy: privacy(24, 6) } });
    const kept = await report(receiver.slug, 40);
    const routed = await report(receiver.slug, 40);
    await ctx.db.updateTable('report').set({ source_tenant_id: source.id }).where('id', '=', routed).execute();
    await ctx.db.updateTable('tenant').set({ published_version: null }).where('id', '=', source.id).execute();

    await enforceRetention(ctx.db);
    assert.equal(await row(routed), undefined);
    assert.ok((await row(kept))?.contact_sealed, 'the receiver’s own reports keep its period');
  });
});

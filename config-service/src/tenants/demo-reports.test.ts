import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { referenceSchema, reportContactSchema, type TenantConfig } from '@meldpunt/contracts';
import type { Database } from '../db/database.ts';
import { enforceRetention } from '../retention/retention.ts';
import { seedDemoStaff } from '../staff/demo-staff.ts';
import { createTestContext, databaseKind, useTestContext } from '../../test/helpers.ts';
import { demoCities, demoWeeks, seedDemoReports } from './demo-reports.ts';
import { seedDemoTenants } from './demo-seed.ts';

/** A fixed "now", so every run sees the same demo (a Saturday evening in late November). */
const now = new Date('2026-11-28T21:00:00+01:00');

/** Weekday (0 = Monday) and hour of a moment in Amsterdam. */
function amsterdam(at: Date): { weekday: number; hour: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    weekday: 'short',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(
    parts.find((p) => p.type === 'weekday')!.value,
  );
  return { weekday, hour: Number(parts.find((p) => p.type === 'hour')!.value) };
}

async function demoRows(db: Kysely<Database>, slug: string) {
  return db
    .selectFrom('report')
    .innerJoin('tenant', 'tenant.id', 'report.tenant_id')
    .innerJoin('tenant as source', 'source.id', 'report.source_tenant_id')
    .innerJoin('tenant_config_version as v', (join) =>
      join.onRef('v.tenant_id', '=', 'report.source_tenant_id').onRef('v.version', '=', 'report.config_version'),
    )
    .selectAll('report')
    .select(['source.slug as source_slug', 'v.config as source_config'])
    .where('tenant.slug', '=', slug)
    .where('report.demo', '=', true)
    .execute();
}

describe(`demo reports (${databaseKind})`, () => {
  // Its own database: the demo tenants' slugs are fixed.
  const ctx = useTestContext({ ownDatabase: true });
  before(async () => {
    await seedDemoTenants(ctx.db);
    await seedDemoStaff(ctx.db);
  });

  it('seeds each demo municipality its reports, over the last weeks, at realistic hours; once', async () => {
    const started = performance.now();
    const first = await seedDemoReports(ctx.db, ctx.deps.sealer, now);
    const took = performance.now() - started;
    assert.deepEqual(
      first.map((r) => [r.slug, r.outcome, r.count]),
      demoCities.map((c) => [c.slug, 'seeded', c.count]),
    );
    assert.ok(demoCities.find((c) => c.slug === 'dordrecht')!.count >= 250, 'Dordrecht has the most');
    console.log(`  seeded ${first.reduce((n, r) => n + r.count, 0)} demo reports in ${took.toFixed(0)} ms`);

    const references = new Set<string>();
    for (const city of demoCities) {
      const rows = await demoRows(ctx.db, city.slug);
      assert.equal(rows.length, city.count, city.slug);

      const weeks = new Set<number>();
      let evening = 0;
      let weekend = 0;
      let exact = 0;
      for (const row of rows) {
        assert.doesNotThrow(() => referenceSchema.parse(row.reference));
        assert.ok(!references.has(row.reference), `reference ${row.reference} unique`);
        references.add(row.reference);
        const received = row.received_at.getTime();
        assert.ok(received <= now.getTime(), 'never received in the future');
        assert.ok(received > now.getTime() - demoWeeks * 7 * 86_400_000, 'within the demo weeks');
        assert.ok(row.occurred_at.getTime() <= received, 'received after it happened');
        weeks.add(Math.floor((now.getTime() - received) / (7 * 86_400_000)));
        // Valid for the widget it came in through: its categories, fields and languages.
        const config = row.source_config as TenantConfig;
        for (const id of row.categories)
          assert.ok(
            config.categories.some((c) => c.id === id),
            `category ${id}`,
          );
        for (const [key, value] of Object.entries(row.extra)) {
          const field = config.fields.extra.find((f) => f.id === key);
          assert.ok(
            field?.options?.some((o) => o.id === value),
            `extra ${key}=${value}`,
          );
        }
        assert.ok(config.locales.includes(row.locale as never), row.locale);
        if (row.time_precision === 'part-of-day') assert.ok(row.part_of_day);
        else assert.equal(row.part_of_day, null);
        if (row.time_precision === 'exact') {
          exact++;
          const { weekday, hour } = amsterdam(row.occurred_at);
          if (hour >= 18 || hour < 4) evening++;
          if (weekday === 4 || weekday === 5) weekend++;
        }
        assert.ok(row.location_lat !== null || row.location_text, 'a place');
        // Handling that fits the workflow.
        if (row.status === 'referred') assert.ok(row.referred_to);
        else assert.equal(row.referred_to, null);
        if (row.status === 'closed') assert.ok(row.closing_reason);
        else assert.equal(row.closing_reason, null);
        if (row.status !== 'new') assert.ok(row.status_changed_at && row.status_changed_at <= now);
      }
      assert.ok(weeks.size >= 8, `${city.slug}: spread over ${weeks.size} weeks`);
      assert.ok(evening / exact > 0.5, `${city.slug}: evenings and nights ${evening}/${exact}`);
      assert.ok(weekend / exact > 0.35, `${city.slug}: Friday and Saturday ${weekend}/${exact} (2/7 if even)`);
      assert.ok(new Set(rows.map((r) => r.time_precision)).size === 3, 'mixed time precisions');
      assert.ok(new Set(rows.map((r) => r.role)).has('bystander'));
      assert.ok(new Set(rows.map((r) => `${r.grid_e}:${r.grid_n}`)).size >= 4, 'several grid squares');
      assert.ok(new Set(rows.map((r) => r.status)).size === 4, `${city.slug}: every status`);
      assert.ok(
        rows.some((r) => r.source_slug === 'nederland'),
        'some via the national point',
      );
    }

    // Handled by the demo officer of Dordrecht, with notes and a timeline.
    const officer = await ctx.db
      .selectFrom('staff')
      .select('id')
      .where('email', '=', 'dordrecht-officer@demo.meldpunt.example')
      .executeTakeFirstOrThrow();
    const dordrecht = await demoRows(ctx.db, 'dordrecht');
    const assigned = dordrecht.filter((r) => r.assignee_id === officer.id);
    assert.ok(assigned.length > 50, `assigned: ${assigned.length}`);
    const ids = dordrecht.map((r) => r.id);
    const notes = await ctx.db.selectFrom('report_note').selectAll().where('report_id', 'in', ids).execute();
    assert.ok(notes.length > 10 && notes.every((n) => n.author_id === officer.id));
    const events = await ctx.db.selectFrom('report_event').selectAll().where('report_id', 'in', ids).execute();
    for (const row of dordrecht.filter((r) => r.status !== 'new')) {
      const last = events
        .filter((e) => e.report_id === row.id && e.kind === 'status-changed')
        .sort((a, b) => a.created_at.getTime() - b.created_at.getTime())
        .at(-1);
      assert.equal(last?.details.status, row.status, 'the timeline ends in the status');
    }

    const again = await seedDemoReports(ctx.db, ctx.deps.sealer, now);
    assert.deepEqual(
      again.map((r) => [r.slug, r.outcome, r.count]),
      demoCities.map((c) => [c.slug, 'present', 0]),
    );
    assert.equal((await demoRows(ctx.db, 'dordrecht')).length, 300, 'nothing added the second time');
  });

  it('seals contact details as intake does (they open with the sealer, bound to the report), only where followed up', async () => {
    await seedDemoReports(ctx.db, ctx.deps.sealer, now);
    const dordrecht = await demoRows(ctx.db, 'dordrecht');
    const withContact = dordrecht.filter((r) => r.contact_sealed);
    assert.ok(withContact.length >= 30, `with contact: ${withContact.length}`);
    for (const row of withContact) {
      const contact = reportContactSchema.parse(
        ctx.deps.sealer.open(row.contact_sealed!, { reportId: row.id, tenantId: row.tenant_id }),
      );
      assert.equal(row.wants_follow_up, contact.wantsFollowUp);
      assert.ok(!contact.email || contact.email.endsWith('.example'), 'reserved addresses only');
    }
    const moved = withContact[0]!;
    assert.throws(() =>
      ctx.deps.sealer.open(moved.contact_sealed!, { reportId: withContact[1]!.id, tenantId: moved.tenant_id }),
    );
    // Almere gives no follow-up: nobody's contact details.
    assert.ok((await demoRows(ctx.db, 'almere')).every((r) => r.contact_sealed === null));
  });

  it('lies within every retention period: the sweep at start deletes and erases nothing', async () => {
    await seedDemoReports(ctx.db, ctx.deps.sealer, now);
    const result = await enforceRetention(ctx.db, now);
    for (const city of demoCities) {
      const tenant = result.byTenant.find((t) => t.slug === city.slug);
      assert.equal(tenant?.reportsDeleted ?? 0, 0, city.slug);
      assert.equal(tenant?.contactsErased ?? 0, 0, city.slug);
      assert.equal((await demoRows(ctx.db, city.slug)).length, city.count);
    }
  });

  it('is the same demo on every start (seeded random)', async () => {
    await seedDemoReports(ctx.db, ctx.deps.sealer, now);
    const other = await createTestContext({ ownDatabase: true });
    try {
      await seedDemoTenants(other.db);
      await seedDemoStaff(other.db);
      await seedDemoReports(other.db, other.deps.sealer, now);
      const shape = async (db: Kysely<Database>) =>
        (await demoRows(db, 'eindhoven'))
          .map((r) =>
            [r.reference, r.occurred_at.toISOString(), r.categories.join(), r.description, r.status].join('|'),
          )
          .sort();
      assert.deepEqual(await shape(other.db), await shape(ctx.db));
    } finally {
      await other.close();
    }
  });

  it('issue 15: where the municipality follows up, receipt codes (unique demo hashes), threads of question and answer, and feedback', async () => {
    await seedDemoReports(ctx.db, ctx.deps.sealer, now);
    const almere = await demoRows(ctx.db, 'almere');
    const hashesOf = (ids: string[]) =>
      ctx.db.selectFrom('report').select(['receipt_key_id', 'receipt_hash']).where('id', 'in', ids).execute();
    assert.ok(
      (await hashesOf(almere.map((r) => r.id))).every((r) => r.receipt_hash === null),
      'Almere: no follow-up',
    );

    const dordrecht = await demoRows(ctx.db, 'dordrecht');
    const ids = dordrecht.map((r) => r.id);
    const hashes = await hashesOf(ids);
    assert.ok(hashes.every((r) => r.receipt_key_id === 1 && /^[\w-]{43}$/.test(r.receipt_hash ?? '')));
    assert.equal(new Set(hashes.map((r) => r.receipt_hash)).size, hashes.length, 'unique');

    const messages = await ctx.db
      .selectFrom('report_message')
      .selectAll()
      .where('report_id', 'in', ids)
      .orderBy('created_at')
      .execute();
    const threads = new Set(messages.map((m) => m.report_id));
    assert.ok(threads.size >= 10, `threads: ${threads.size}`);
    assert.ok(
      messages.some((m) => m.sender === 'reporter'),
      'some answered',
    );
    for (const id of threads) {
      const thread = messages.filter((m) => m.report_id === id);
      const report = dordrecht.find((r) => r.id === id)!;
      assert.equal(thread[0]?.sender, 'municipality', 'the officer asks first');
      assert.ok(thread[0]?.author_id, 'an officer wrote it');
      assert.ok(thread.every((m) => m.created_at > report.received_at && m.created_at <= now));
      assert.ok(thread.filter((m) => m.sender === 'reporter').every((m) => m.author_id === null));
    }
    const events = await ctx.db
      .selectFrom('report_event')
      .select(['kind', 'actor_id'])
      .where('report_id', 'in', [...threads])
      .where('kind', 'in', ['message-sent', 'reporter-replied'])
      .execute();
    assert.equal(events.length, messages.length, 'each message on the timeline');
    assert.ok(events.every((e) => (e.kind === 'reporter-replied') === (e.actor_id === null)));

    const feedback = await ctx.db.selectFrom('report_feedback').selectAll().where('report_id', 'in', ids).execute();
    const sent = feedback.filter((f) => f.moment === 'sent');
    const closed = feedback.filter((f) => f.moment === 'closed');
    assert.ok(sent.length > 50 && closed.length > 10, `feedback: ${sent.length} sent, ${closed.length} closed`);
    assert.ok(feedback.every((f) => f.rating >= 1 && f.rating <= 5 && f.created_at <= now));
    assert.ok(feedback.some((f) => f.comment) && feedback.some((f) => !f.comment));
    for (const f of closed) assert.equal(dordrecht.find((r) => r.id === f.report_id)?.status, 'closed');
  });
});

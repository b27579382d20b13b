import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { databaseKind, sendReport, useTestContext } from '../../test/helpers.ts';
import { defaultDifficulty, historyHours, intakeFromReports, maxNumberFor, ProofDifficulty } from './difficulty.ts';

const settings = { ...defaultDifficulty, baseMaxNumber: 1000 };

describe('proof-of-work difficulty per tenant', () => {
  it('stays at the base while the last hour is at most 5× the median hour of four weeks', () => {
    const pastHours = new Array(historyHours).fill(4);
    assert.equal(maxNumberFor({ lastHour: 20, pastHours }, settings), 1000);
    assert.equal(maxNumberFor({ lastHour: 21, pastHours }, settings), 1000 * settings.floodMultiplier);
  });

  it('a new or quiet tenant (median 0) counts with the floor: a few reports an hour raise nothing', () => {
    assert.equal(maxNumberFor({ lastHour: 5 * settings.medianFloorPerHour, pastHours: [] }, settings), 1000);
    assert.equal(maxNumberFor({ lastHour: 5 * settings.medianFloorPerHour + 1, pastHours: [] }, settings), 10_000);
    // Busy hours now and then do not move the median of 672 mostly quiet hours.
    assert.equal(maxNumberFor({ lastHour: 11, pastHours: new Array(300).fill(50) }, settings), 10_000);
  });

  it('rises within seconds of a flood and falls after, each tenant on its own; the median is read seldom', async () => {
    let now = Date.parse('2026-12-09T12:00:00Z');
    const flooding = new Set<string>();
    const reads: string[] = [];
    const difficulty = new ProofDifficulty(
      {
        async lastHour(tenantId) {
          reads.push(`last hour ${tenantId}`);
          return flooding.has(tenantId) ? 500 : 3;
        },
        async pastHours(tenantId) {
          reads.push(`past ${tenantId}`);
          return new Array(historyHours).fill(2);
        },
      },
      { baseMaxNumber: 1000, recountMs: 5_000, historyRefreshMs: 900_000 },
      () => now,
    );
    assert.equal(await difficulty.maxNumber('a'), 1000);
    flooding.add('a');
    now += 4_999;
    assert.equal(await difficulty.maxNumber('a'), 1000, 'the count is reused until the recount');
    now += 1;
    assert.equal(await difficulty.maxNumber('a'), 10_000);
    assert.equal(await difficulty.maxNumber('b'), 1000, 'another tenant is not affected');
    flooding.delete('a');
    now += 5_000;
    assert.equal(await difficulty.maxNumber('a'), 1000);
    assert.deepEqual(reads, ['last hour a', 'past a', 'last hour a', 'last hour b', 'past b', 'last hour a']);
    // Requests at the same moment share one read; the median is read again only after its refresh.
    now += 900_000;
    await Promise.all([difficulty.maxNumber('a'), difficulty.maxNumber('a'), difficulty.maxNumber('a')]);
    assert.deepEqual(reads.slice(6), ['last hour a', 'past a']);
  });

  it('a read that failed is not kept: the next request reads again', async () => {
    let fail = true;
    const difficulty = new ProofDifficulty({
      async lastHour() {
        if (fail) throw new Error('database away');
        return 0;
      },
      async pastHours() {
        return [];
      },
    });
    await assert.rejects(difficulty.maxNumber('a'), /database away/);
    fail = false;
    assert.equal(await difficulty.maxNumber('a'), defaultDifficulty.baseMaxNumber);
  });

  describe(`counted from the reports entered through the tenant's widget (${databaseKind})`, () => {
    const ctx = useTestContext();

    it('the last hour and the hours before it, by received_at', async () => {
      const tenant = await ctx.createTenant();
      for (let i = 0; i < 4; i++) await sendReport(ctx, tenant.slug);
      const now = new Date();
      // Two of them moved back: one into the hour before, one three weeks back.
      const ids = await ctx.db.selectFrom('report').select('id').where('source_tenant_id', '=', tenant.id).execute();
      await sql`update report set received_at = ${new Date(now.getTime() - 90 * 60_000).toISOString()}::timestamptz
        where id = ${ids[0]!.id}`.execute(ctx.db);
      await sql`update report set received_at = ${new Date(now.getTime() - 21 * 86_400_000).toISOString()}::timestamptz
        where id = ${ids[1]!.id}`.execute(ctx.db);
      const at = new Date(now.getTime() + 1000);
      const source = intakeFromReports(ctx.db);
      assert.equal(await source.lastHour(tenant.id, at), 2);
      const pastHours = await source.pastHours(tenant.id, at);
      assert.equal(pastHours.length, historyHours);
      assert.equal(pastHours[0], 1);
      assert.equal(pastHours[21 * 24 - 1], 1);
      assert.equal(
        pastHours.reduce((a, b) => a + b, 0),
        2,
      );
    });
  });
});

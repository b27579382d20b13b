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

  it('rises under a flood and falls after, each tenant on its own, its counts read once per refresh', async () => {
    let now = Date.parse('2026-12-09T12:00:00Z');
    const flooding = new Set<string>();
    const reads: string[] = [];
    const difficulty = new ProofDifficulty(
      async (tenantId) => {
        reads.push(tenantId);
        return { lastHour: flooding.has(tenantId) ? 500 : 3, pastHours: new Array(historyHours).fill(2) };
      },
      { baseMaxNumber: 1000, refreshMs: 60_000 },
      () => now,
    );
    assert.equal(await difficulty.maxNumber('a'), 1000);
    flooding.add('a');
    assert.equal(await difficulty.maxNumber('a'), 1000, 'cached until the refresh');
    now += 60_000;
    assert.equal(await difficulty.maxNumber('a'), 10_000);
    assert.equal(await difficulty.maxNumber('b'), 1000, 'another tenant is not affected');
    flooding.delete('a');
    now += 60_000;
    assert.equal(await difficulty.maxNumber('a'), 1000);
    assert.deepEqual(reads, ['a', 'a', 'b', 'a']);
    // Requests at the same moment share one read.
    now += 60_000;
    await Promise.all([difficulty.maxNumber('a'), difficulty.maxNumber('a'), difficulty.maxNumber('a')]);
    assert.equal(reads.length, 5);
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
      const intake = await intakeFromReports(ctx.db)(tenant.id, new Date(now.getTime() + 1000));
      assert.equal(intake.lastHour, 2);
      assert.equal(intake.pastHours.length, historyHours);
      assert.equal(intake.pastHours[0], 1);
      assert.equal(intake.pastHours[21 * 24 - 1], 1);
      assert.equal(
        intake.pastHours.reduce((a, b) => a + b, 0),
        2,
      );
    });
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { reportInputSchema } from '@meldpunt/contracts';
import {
  countReports,
  createTestContext,
  databaseKind,
  minimalReport,
  postReport,
  type TestContext,
  readJson,
} from '../../../test/helpers.ts';

/** Any value for any known field, so the property explores near-valid bodies as well as junk. */
const fieldValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom('victim', 'bystander', 'nl', 'verbal', '2026-11-20T22:30:00+01:00', 'part-of-day', 'evening'),
  fc.record({ lat: fc.double(), lng: fc.double(), text: fc.string() }, { requiredKeys: [] }),
  fc.array(fc.constantFrom('verbal', 'following', 'x', ''), { maxLength: 3 }),
);

const nearValid = fc
  .dictionary(
    fc.constantFrom(
      ...Object.keys(minimalReport()),
      'contact',
      'extra',
      'intervened',
      'timePrecision',
      'partOfDay',
      'zzz',
    ),
    fieldValue,
    { maxKeys: 4 },
  )
  .map((changes) => minimalReport(changes));

describe(`POST reports with arbitrary JSON (${databaseKind})`, () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext();
  });
  after(() => ctx.close());

  it('never answers 5xx, and stores a report exactly when it answers 201 — whole, for its tenant', async () => {
    const tenant = await ctx.createTenant({ settings: { rateLimit: { reports: 100_000, windowSeconds: 60 } } });
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), nearValid), async (body) => {
        const res = await postReport(ctx, tenant.slug, body);
        assert.ok(res.status < 500, `status ${res.status} for ${JSON.stringify(body)}`);
        if (res.status === 201) {
          stored += 1;
          const { id } = await readJson(res);
          const row = await ctx.db.selectFrom('report').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
          const input = reportInputSchema.parse(body);
          assert.equal(row.tenant_id, tenant.id);
          assert.equal(row.role, input.role);
          assert.deepEqual(row.categories, input.categories);
          assert.equal(row.description, input.description || null);
        } else {
          assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
          assert.ok([400, 413, 415, 422].includes(res.status), `status ${res.status}`);
        }
        assert.equal(await countReports(ctx.db, tenant.id), stored);
      }),
      { numRuns: 150 },
    );
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createTestContext,
  databaseKind,
  minimalReport,
  postReport,
  readJson,
  type TestContext,
} from '../../test/helpers.ts';
import { countQueries, type QueryCounter } from '../../test/query-counter.ts';
import { ReportRouter } from '../routing/report-router.ts';
import { TenantCache } from '../tenants/tenant-cache.ts';

describe(`tenant slugs in URLs (${databaseKind})`, () => {
  let ctx: TestContext;
  let counter: QueryCounter;
  let app: TestContext['app'];
  before(async () => {
    ctx = await createTestContext();
    // The app on a database that counts every query it is sent.
    counter = countQueries(ctx.db);
    const tenants: TenantCache = new TenantCache(counter.db, {
      refreshAfterMs: 60_000,
      areas: { outline: (code) => router.outline(code) },
    });
    const router = new ReportRouter(counter.db, tenants, { refreshAfterMs: 60_000 });
    app = ctx.appWith({ db: counter.db, tenants, router });
  });
  after(() => ctx.close());

  // As they arrive in the path: percent-encoded where a URL needs it.
  const invalidSlugs = ['a'.repeat(5000), '..%2Fx', '%00', 'a', 'Dordrecht', 'den--haag', '%2E%2E', 'den%20haag'];

  it('an invalid slug → 404 problem on config, route preview and reports, without asking the database', async () => {
    const before = counter.queries;
    for (const slug of invalidSlugs) {
      const answers = {
        config: await app.request(`/api/v1/tenants/${slug}/config?locale=nl`),
        route: await app.request(`/api/v1/tenants/${slug}/route?lat=51.8133&lng=4.6901`),
        reports: await postReport({ app }, slug, minimalReport()),
      };
      for (const [route, res] of Object.entries(answers)) {
        const what = `${route} for ${slug.slice(0, 20)}`;
        assert.equal(res.status, 404, what);
        assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/, what);
        assert.equal((await readJson(res)).type, 'https://meldpunt.dev/problems/not-found', what);
      }
    }
    assert.equal(counter.queries, before, 'no query for an invalid slug');
  });

  it('100 concurrent first requests for a tenant’s config → one database query', async () => {
    const tenant = await ctx.createTenant();
    const before = counter.queries;
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => app.request(`/api/v1/tenants/${tenant.slug}/config?locale=nl`)),
    );
    assert.ok(answers.every((res) => res.status === 200));
    assert.equal(counter.queries - before, 1);
  });
});

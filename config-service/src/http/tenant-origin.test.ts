import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  countReports,
  databaseKind,
  minimalReport,
  postReport,
  readJson,
  useTestContext,
  type TestContext,
  solvedProof,
} from '../../test/helpers.ts';
import { countQueries, type QueryCounter } from '../../test/query-counter.ts';
import { ReceiverLookup } from '../receivers/receiver-lookup.ts';
import { TenantCache } from '../tenants/tenant-cache.ts';

describe(`tenant slugs in URLs (${databaseKind})`, () => {
  const ctx = useTestContext();
  let counter: QueryCounter;
  let app: TestContext['app'];
  before(async () => {
    // The app on a database that counts every query it is sent.
    counter = countQueries(ctx.db);
    const tenants: TenantCache = new TenantCache(counter.db, {
      refreshAfterMs: 60_000,
      areas: { outline: (code) => receivers.outline(code) },
    });
    const receivers = new ReceiverLookup(counter.db, tenants, { refreshAfterMs: 60_000 });
    app = ctx.appWith({ db: counter.db, tenants, receivers });
  });

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

describe(`the service's own origin (${databaseKind})`, () => {
  const ctx = useTestContext();

  /** A browser request as the service sees it: `Host` is the URL's host, `Origin` the page's. */
  const request = async (app: TestContext['app'], url: string, origin: string, method = 'POST') =>
    app.request(url, {
      method,
      headers: {
        'Content-Type': 'application/json',
        Origin: origin,
        // Issue 16: a solved proof of work, so only the origin decides.
        ...(method === 'POST' && { 'Meldpunt-Proof': await solvedProof({ app }, url.split('/')[6]!) }),
        ...(method === 'OPTIONS' && { 'Access-Control-Request-Method': 'POST' }),
      },
      ...(method === 'POST' && { body: JSON.stringify(minimalReport()) }),
    });

  it('a Host chosen to match a foreign Origin does not make it same-origin: 403, no CORS echo, nothing stored', async () => {
    const tenant = await ctx.createTenant();
    const app = ctx.appWith({ publicOrigin: 'https://meldpunt.example.nl' });
    const path = `/api/v1/tenants/${tenant.slug}`;
    for (const method of ['POST', 'OPTIONS']) {
      const res = await request(app, `http://evil.example${path}/reports`, 'http://evil.example', method);
      assert.equal(res.status, 403, method);
      assert.equal(res.headers.get('access-control-allow-origin'), null, method);
    }
    const read = await request(app, `http://evil.example${path}/config`, 'http://evil.example', 'GET');
    assert.equal(read.status, 200);
    assert.equal(read.headers.get('access-control-allow-origin'), null, 'a read gets no CORS headers either');
    assert.equal(await countReports(ctx.db, tenant.id), 0);
  });

  it('pages on PUBLIC_ORIGIN may send to every tenant, whatever Host the request names', async () => {
    const tenant = await ctx.createTenant();
    const app = ctx.appWith({ publicOrigin: 'https://meldpunt.example.nl' });
    const res = await request(
      app,
      `http://10.0.0.5:8787/api/v1/tenants/${tenant.slug}/reports`,
      'https://meldpunt.example.nl',
    );
    assert.equal(res.status, 201, await res.clone().text());
    assert.equal(res.headers.get('access-control-allow-origin'), 'https://meldpunt.example.nl');
    assert.equal(await countReports(ctx.db, tenant.id), 1);
  });
});

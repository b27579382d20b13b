import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { countReports, createTestContext, databaseKind, minimalReport, type TestContext } from '../../test/helpers.ts';

describe(`the service's own origin (${databaseKind})`, () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext();
  });
  after(() => ctx.close());

  /** A browser request as the service sees it: `Host` is the URL's host, `Origin` the page's. */
  const request = (app: TestContext['app'], url: string, origin: string, method = 'POST') =>
    app.request(url, {
      method,
      headers: {
        'Content-Type': 'application/json',
        Origin: origin,
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

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { databaseKind, minimalReport, postReport, useTestContext } from '../../test/helpers.ts';

describe(`access log (${databaseKind})`, () => {
  const ctx = useTestContext();

  /** The JSON log lines of one request, by the id the response named. */
  function linesOf(res: Response): Record<string, unknown>[] {
    const id = res.headers.get('x-request-id');
    assert.ok(id, 'every response names its request id');
    return ctx.logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.requestId === id);
  }

  it('writes and errors are logged at info with the request id and the route pattern', async () => {
    const tenant = await ctx.createTenant();
    const created = await postReport(ctx, tenant.slug, minimalReport());
    assert.equal(created.status, 201);
    const lines = linesOf(created);
    assert.deepEqual(
      lines.map((l) => [l.msg, l.level]),
      [
        ['report accepted', 30],
        ['request', 30],
      ],
    );
    assert.equal(lines[1]?.route, '/api/v1/tenants/:slug/reports');
    assert.equal(lines[1]?.status, 201);

    const missing = await ctx.app.request('/api/v1/tenants/no-such-tenant/config?locale=nl');
    assert.equal(missing.status, 404);
    const [line] = linesOf(missing);
    assert.equal(line?.status, 404);
    assert.equal(line?.route, '/api/v1/tenants/:slug/config');
    assert.ok(!JSON.stringify(line).includes('no-such-tenant'), 'the pattern, not the URL');
  });

  it('successful reads (every page view of a municipal site) are at debug level, so not at info', async () => {
    const tenant = await ctx.createTenant();
    const res = await ctx.app.request(`/api/v1/tenants/${tenant.slug}/config`);
    assert.equal(res.status, 200);
    assert.deepEqual(linesOf(res), []);
  });
});

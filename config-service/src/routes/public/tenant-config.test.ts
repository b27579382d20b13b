import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemSchema, publicTenantConfigSchema } from '@meldpunt/contracts';
import { databaseKind, readJson, tenantDocument, useTestContext } from '../../../test/helpers.ts';
import { importTenant } from '../../tenants/tenant-service.ts';

describe(`GET /api/v1/tenants/:slug/config (${databaseKind})`, () => {
  const ctx = useTestContext();

  const get = (slug: string, query = '', headers: Record<string, string> = {}) =>
    ctx.app.request(`/api/v1/tenants/${slug}/config${query}`, { headers });

  it('answers the published config with ETag and cache headers', async () => {
    // A map without tile URL: the default, PDOK's, is published.
    const tenant = await ctx.createTenant({ config: { map: { center: { lat: 51.8133, lng: 4.6901 }, zoom: 13 } } });
    const res = await get(tenant.slug);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    assert.match(res.headers.get('etag') ?? '', /^"[\w-]+"$/);
    // A publish shows within a minute: 45 s in caches, no stale-while-revalidate on top.
    assert.equal(res.headers.get('cache-control'), 'public, max-age=45');
    const body = publicTenantConfigSchema.parse(await readJson(res));
    assert.equal(body.version, 1);
    assert.equal(body.config.slug, tenant.slug);
    assert.deepEqual(
      body.config.categories.map((c) => c.id),
      ['verbal', 'following', 'touching'],
    );
    assert.equal(
      body.config.map.tileUrl,
      'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png',
    );
  });

  it('never carries private settings', async () => {
    const tenant = await ctx.createTenant();
    const text = await (await get(tenant.slug)).text();
    for (const secret of ['allowedOrigins', 'oov@testgemeente.example', 'rateLimit', 'delivery']) {
      assert.ok(!text.includes(secret), `config shows ${secret}`);
    }
  });

  it('If-None-Match with the current ETag → 304 without a body', async () => {
    const tenant = await ctx.createTenant();
    const etag = (await get(tenant.slug)).headers.get('etag')!;
    const res = await get(tenant.slug, '', { 'If-None-Match': etag });
    assert.equal(res.status, 304);
    assert.equal(res.headers.get('etag'), etag);
    assert.equal(await res.text(), '');
    assert.equal((await get(tenant.slug, '', { 'If-None-Match': '"stale"' })).status, 200);
  });

  it('?locale= narrows texts to that language and falls back to the default locale', async () => {
    const tenant = await ctx.createTenant();
    const en = publicTenantConfigSchema.parse(await readJson(await get(tenant.slug, '?locale=en')));
    assert.equal(en.locale, 'en');
    assert.deepEqual(en.config.followUp.response.title, { en: 'Thank you for your report' });
    // The privacy statement exists only in Dutch: the default locale fills in.
    assert.deepEqual(en.config.privacy.statement, { en: 'Alleen het team OOV ziet je melding.' });
    // A language the tenant does not offer gets the default language.
    const pl = publicTenantConfigSchema.parse(await readJson(await get(tenant.slug, '?locale=pl')));
    assert.equal(pl.locale, 'nl');
    assert.notEqual(
      (await get(tenant.slug, '?locale=en')).headers.get('etag'),
      (await get(tenant.slug)).headers.get('etag'),
    );
  });

  it('an unknown locale code → 422 problem', async () => {
    const tenant = await ctx.createTenant();
    const res = await get(tenant.slug, '?locale=xx');
    assert.equal(res.status, 422);
    assert.equal(problemSchema.parse(await readJson(res)).errors?.[0]?.path, '/locale');
  });

  it('an unknown tenant → 404 problem+json', async () => {
    const res = await get('does-not-exist');
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.equal(problemSchema.parse(await readJson(res)).status, 404);
  });

  it('CORS: the allowed origin gets Access-Control-Allow-Origin; another gets none; Vary: Origin always', async () => {
    const tenant = await ctx.createTenant();
    const allowed = await get(tenant.slug, '', { Origin: 'https://www.testgemeente.example' });
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://www.testgemeente.example');
    assert.match(allowed.headers.get('vary') ?? '', /Origin/);
    const other = await get(tenant.slug, '', { Origin: 'https://elders.example' });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    assert.match(other.headers.get('vary') ?? '', /Origin/);
  });

  it('a newly published version is served after invalidation, with a new ETag', async () => {
    const tenant = await ctx.createTenant();
    const before = await get(tenant.slug);
    const doc = tenantDocument(tenant.slug, { config: { name: 'Hernoemde gemeente' } });
    const result = await importTenant(ctx.db, doc);
    assert.equal(result.version, 2);
    ctx.deps.tenants.invalidate(tenant.slug);
    const after = await get(tenant.slug);
    const body = publicTenantConfigSchema.parse(await readJson(after));
    assert.equal(body.version, 2);
    assert.equal(body.config.name, 'Hernoemde gemeente');
    assert.notEqual(after.headers.get('etag'), before.headers.get('etag'));
  });
});

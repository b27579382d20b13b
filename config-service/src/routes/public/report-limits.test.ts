import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { importDemoAreas } from '../../areas/demo-areas.ts';
import { TrustedProxies } from '../../http/client-address.ts';
import { importTenant } from '../../tenants/tenant-service.ts';
import {
  countReports,
  databaseKind,
  minimalReport,
  postReport,
  readJson,
  solvedProof,
  tenantDocument,
  useTestContext,
} from '../../../test/helpers.ts';

const from = (address: string, headers: Record<string, string> = {}) => ({
  headers: { 'X-Forwarded-For': address, ...headers },
});
const statuses = (responses: Response[]) => responses.map((r) => r.status).sort();

describe(`report rate limits (issue 16, ${databaseKind})`, () => {
  const ctx = useTestContext();
  const limited = (reports: number) => ctx.createTenant({ settings: { rateLimit: { reports, windowSeconds: 3600 } } });

  it('100 parallel reports from one client: exactly the limit accepted and stored, the rest 429', async () => {
    const tenant = await limited(20);
    const responses = await Promise.all(
      Array.from({ length: 100 }, () => postReport(ctx, tenant.slug, minimalReport(), from('203.0.113.10'))),
    );
    const codes = statuses(responses);
    assert.equal(codes.filter((s) => s === 201).length, 20, JSON.stringify(codes));
    assert.equal(codes.filter((s) => s === 429).length, 80);
    assert.equal(await countReports(ctx.db, tenant.id), 20);
    const refused = responses.find((r) => r.status === 429);
    assert.match(refused?.headers.get('retry-after') ?? '', /^\d+$/);
    assert.match((await readJson(refused!)).type, /too-many-reports$/);
  });

  it('25 addresses of one IPv6 /64 are one client', async () => {
    const tenant = await limited(2);
    const codes = [];
    for (let i = 1; i <= 25; i++) {
      codes.push(
        (await postReport(ctx, tenant.slug, minimalReport(), from(`2001:db8:16:1:${i.toString(16)}::${i}`))).status,
      );
    }
    assert.deepEqual(codes.slice(0, 3), [201, 201, 429]);
    assert.equal(codes.filter((s) => s === 201).length, 2);
    assert.equal((await postReport(ctx, tenant.slug, minimalReport(), from('2001:db8:16:2::1'))).status, 201);
  });

  it('one address written four ways is one client', async () => {
    const tenant = await limited(3);
    const spellings = ['203.0.113.20', '::ffff:203.0.113.20', '::ffff:cb00:7114', '[0:0:0:0:0:ffff:203.0.113.20]'];
    const codes = [];
    for (const spelling of spellings)
      codes.push((await postReport(ctx, tenant.slug, minimalReport(), from(spelling))).status);
    assert.deepEqual(codes, [201, 201, 201, 429]);
  });

  it('a replay gives its slot back, and a client at its limit still gets its original answer', async () => {
    const tenant = await limited(2);
    const key = { 'Idempotency-Key': randomUUID() };
    const first = await postReport(ctx, tenant.slug, minimalReport(), from('203.0.113.30', key));
    assert.equal(first.status, 201);
    for (let i = 0; i < 3; i++) {
      assert.equal((await postReport(ctx, tenant.slug, minimalReport(), from('203.0.113.30', key))).status, 201);
    }
    // The same key with another body is refused after the reservation: the slot comes back too.
    const reused = await postReport(
      ctx,
      tenant.slug,
      minimalReport({ description: 'Iets anders.' }),
      from('203.0.113.30', key),
    );
    assert.equal(reused.status, 422);
    assert.equal((await postReport(ctx, tenant.slug, minimalReport(), from('203.0.113.30'))).status, 201, 'slot 2');
    assert.equal((await postReport(ctx, tenant.slug, minimalReport(), from('203.0.113.30'))).status, 429);
    const replay = await postReport(ctx, tenant.slug, minimalReport(), from('203.0.113.30', key));
    assert.equal(replay.status, 201, 'a lost answer can be fetched again at the limit');
    assert.equal((await readJson(replay)).id, (await readJson(first)).id);
    assert.equal(await countReports(ctx.db, tenant.id), 2);
  });

  it('behind trusted proxies: the client is the right-most untrusted address; junk and spoofing are no keys', async () => {
    const tenant = await limited(2);
    const app = ctx.appWith({ trustedProxies: TrustedProxies.parse('10.0.0.0/8,fd00::/8') });
    const send = async (connection: string, forwardedFor: string) => {
      const res = await app.request(
        `/api/v1/tenants/${tenant.slug}/reports`,
        {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'X-Forwarded-For': forwardedFor,
            'Meldpunt-Proof': await solvedProof({ app }, tenant.slug),
          },
          body: JSON.stringify(minimalReport()),
        },
        { incoming: { socket: { remoteAddress: connection } } },
      );
      return res.status;
    };
    // Through the load balancer: the visitor's own address counts, whatever it prepends.
    assert.equal(await send('10.0.0.1', '1.1.1.1, 198.51.100.40, 10.0.0.7'), 201);
    assert.equal(await send('fd00::1', '2.2.2.2, 198.51.100.40'), 201);
    assert.equal(await send('10.0.0.1', '3.3.3.3, 198.51.100.40'), 429);
    assert.equal(await send('10.0.0.1', '198.51.100.41'), 201, 'another visitor behind the same proxy');
    // Straight from the internet: its X-Forwarded-For is not believed, however it changes.
    assert.equal(await send('203.0.113.50', '198.51.100.42'), 201);
    assert.equal(await send('203.0.113.50', '198.51.100.43'), 201);
    assert.equal(await send('203.0.113.50', '198.51.100.44'), 429);
    // A multi-KB junk header is no key: the proxy's peer before it is.
    const junk = (n: number) => `${'x'.repeat(4096)}${n}`;
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push(await send('10.0.0.9', junk(i)));
    assert.deepEqual(codes, [201, 201, 429]);
  });
});

describe(`report rate limits across tenants, through routing (issue 16, ${databaseKind})`, () => {
  // Its own database on PostgreSQL: municipality links are unique, and areas apply to every tenant there.
  const ctx = useTestContext({ ownDatabase: true });
  const dordrechtPoint = { lat: 51.8133, lng: 4.6901 };
  const eindhovenPoint = { lat: 51.4416, lng: 5.4697 };
  const t = {} as Record<'national' | 'dordrecht', { slug: string; id: string }>;

  before(async () => {
    await importDemoAreas(ctx.db);
    const add = async (key: keyof typeof t, changes: Parameters<typeof tenantDocument>[1]) => {
      const slug = `rl-${key}-${randomUUID().slice(0, 8)}`;
      t[key] = { slug, id: (await importTenant(ctx.db, tenantDocument(slug, changes))).tenantId };
    };
    await add('national', {
      config: { kind: 'national', name: 'Meldpunt Nederland (test)' },
      settings: { rateLimit: { reports: 50, windowSeconds: 3600 } },
    });
    await add('dordrecht', {
      config: { municipalityCode: 'GM0505', name: 'Dordrecht (test)' },
      settings: { rateLimit: { reports: 2, windowSeconds: 3600 } },
    });
    await ctx.deps.receivers.refresh();
  });

  it("a flood through the national point fills a municipality's inbox only up to the municipality's limit", async () => {
    const client = from('203.0.113.60');
    const codes = [];
    for (let i = 0; i < 5; i++) {
      const res = await postReport(ctx, t.national.slug, minimalReport({ location: dordrechtPoint }), client);
      codes.push(res.status);
    }
    assert.deepEqual(codes, [201, 201, 429, 429, 429]);
    assert.equal(await countReports(ctx.db, t.dordrecht.id), 2);
    // The same client through Dordrecht's own widget: that inbox is full for it too.
    assert.equal((await postReport(ctx, t.dordrecht.slug, minimalReport(), client)).status, 429);
    // Elsewhere (no tenant: the national one keeps it) the national limit still has room.
    const elsewhere = await postReport(ctx, t.national.slug, minimalReport({ location: eindhovenPoint }), client);
    assert.equal(elsewhere.status, 201, await elsewhere.clone().text());
    // Another client is not affected.
    assert.equal((await postReport(ctx, t.dordrecht.slug, minimalReport(), from('203.0.113.61'))).status, 201);
    assert.equal(await countReports(ctx.db, t.dordrecht.id), 3);
  });
});

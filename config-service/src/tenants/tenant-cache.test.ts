import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { databaseKind, tenantDocument, useTestContext } from '../../test/helpers.ts';
import { waitUntil } from '../../test/delivery-helpers.ts';
import { countQueries } from '../../test/query-counter.ts';
import { TenantCache, type TenantCacheOptions } from './tenant-cache.ts';
import { importTenant } from './tenant-service.ts';

const unusedSlug = () => `unknown-${randomUUID().slice(0, 12)}`;

describe(`tenant cache (${databaseKind})`, () => {
  const ctx = useTestContext();

  /** A fresh cache on the test database, counting the queries it sends. */
  function countingCache(options: Partial<TenantCacheOptions> = {}) {
    const counter = countQueries(ctx.db);
    const cache = new TenantCache(counter.db, { refreshAfterMs: 60_000, ...options });
    return { cache, counter };
  }

  it('looks up no slug that is not a valid tenant slug: no query, no tenant', async () => {
    const { cache, counter } = countingCache();
    const invalid = ['', 'a', 'a'.repeat(5000), 'x'.repeat(64), '../x', '..', '%00', '\0', 'Dordrecht'];
    invalid.push('den--haag', '-den-haag', 'den-haag-', 'den haag', 'den_haag', 'dordrecht\n', 'dórdrecht');
    for (const slug of invalid) {
      assert.equal(await cache.get(slug), undefined, JSON.stringify(slug.slice(0, 20)));
      assert.equal(await cache.config(slug, 'nl'), undefined);
    }
    assert.equal(counter.queries, 0, 'the database was not asked');

    // The counter does count: a valid slug that is unknown costs one query.
    assert.equal(await cache.get(unusedSlug()), undefined);
    assert.equal(counter.queries, 1);
  });

  it('reads the database once for 100 concurrent first requests for one slug', async () => {
    const tenant = await ctx.createTenant();
    const { cache, counter } = countingCache();
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => (i % 2 ? cache.get(tenant.slug) : cache.config(tenant.slug, 'nl'))),
    );
    assert.equal(counter.queries, 1, 'one query for the tenant');
    for (const [i, answer] of answers.entries()) assert.ok(answer, `request ${i} got the tenant`);

    const unknown = unusedSlug();
    const none = await Promise.all(Array.from({ length: 100 }, () => cache.get(unknown)));
    assert.equal(counter.queries, 2, 'one query for the unknown slug');
    assert.ok(none.every((t) => t === undefined));
  });

  it('a failed read fails every request waiting for it, and the next request reads again', async () => {
    const tenant = await ctx.createTenant();
    const { cache, counter } = countingCache();
    counter.failWith = new Error('Query read timeout');
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => cache.get(tenant.slug)));
    assert.equal(counter.queries, 1);
    for (const outcome of outcomes) {
      assert.equal(outcome.status, 'rejected');
      assert.equal((outcome as PromiseRejectedResult).reason, counter.failWith);
    }
    counter.failWith = undefined;
    assert.equal((await cache.get(tenant.slug))?.id, tenant.id);
    assert.equal(counter.queries, 2);
  });

  it('remembers at most maxUnknownSlugs unknown slugs, least recently asked forgotten first, and never forgets a tenant for them', async () => {
    const tenant = await ctx.createTenant();
    const { cache, counter } = countingCache({ maxUnknownSlugs: 3 });
    const [u1, u2, u3, u4] = [unusedSlug(), unusedSlug(), unusedSlug(), unusedSlug()];
    const ask = async (...slugs: string[]) => {
      const before = counter.queries;
      for (const slug of slugs) await cache.get(slug);
      return counter.queries - before;
    };

    assert.equal(await ask(tenant.slug, u1, u2, u3), 4);
    assert.equal(await ask(u1, u2, u3), 0, 'remembered');
    assert.equal(await ask(u1), 0, 'u1 is now the most recently asked');
    assert.equal(await ask(u4), 1);
    assert.equal(await ask(u3, u1, u4), 0, 'still remembered');
    assert.equal(await ask(u2), 1, 'u2, the least recently asked, was forgotten for u4');

    // A flood of random slugs: only the last three are remembered, and the tenant stays in memory.
    const flood = Array.from({ length: 200 }, unusedSlug);
    assert.equal(await ask(...flood), 200);
    assert.equal(await ask(tenant.slug), 0, 'the tenant was not pushed out');
    assert.equal(await ask(...flood.slice(-3)), 0);
    assert.equal(await ask(flood[0]!), 1);
  });

  it('looks an unknown slug up again after refreshAfterMs, so a tenant published elsewhere appears', async () => {
    let now = 1_000_000;
    const { cache, counter } = countingCache({ refreshAfterMs: 5000, now: () => now });
    const slug = unusedSlug();
    assert.equal(await cache.get(slug), undefined);

    // Published by another process: this cache is not told.
    await importTenant(ctx.db, tenantDocument(slug));
    now += 5000;
    assert.equal(await cache.get(slug), undefined, 'still within refreshAfterMs');
    assert.equal(counter.queries, 1);
    now += 1;
    assert.equal((await cache.get(slug))?.slug, slug);
    assert.equal(counter.queries, 2);
  });

  it('does not remember a read that an invalidate overtook', async () => {
    const { cache, counter } = countingCache();
    const slug = unusedSlug();
    const reading = cache.get(slug);
    cache.invalidate(slug); // a publish in this process, which the read may predate
    assert.equal(await reading, undefined);
    await importTenant(ctx.db, tenantDocument(slug));
    assert.equal((await cache.get(slug))?.slug, slug, 'read again, not the answer from before the publish');
    assert.equal(counter.queries, 2);
  });

  it('serves a stale tenant while refreshing only up to 2 × refreshAfterMs; older, it reads first', async () => {
    let now = 1_000_000;
    const { cache } = countingCache({ refreshAfterMs: 5000, now: () => now });
    const slug = unusedSlug();
    await importTenant(ctx.db, tenantDocument(slug));
    assert.equal((await cache.get(slug))?.version, 1);

    // Published again elsewhere; nobody asked this process for a long while.
    await importTenant(ctx.db, tenantDocument(slug, { config: { name: 'Gemeente Test Nieuw' } }));
    now += 10_001;
    assert.equal((await cache.get(slug))?.version, 2, 'too old to serve: read before answering');

    // Within 2 × refreshAfterMs the stale one is served once, and the refresh is under way.
    await importTenant(ctx.db, tenantDocument(slug, { config: { name: 'Gemeente Test Nieuwer' } }));
    now += 6000;
    assert.equal((await cache.get(slug))?.version, 2, 'stale, refreshing in the background');
    await waitUntil(async () => (await cache.get(slug))?.version === 3, 'the background refresh');
  });
});

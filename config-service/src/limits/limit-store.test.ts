import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { ServerSecret } from '../secrets/server-secret.ts';
import { databaseKind, useTestContext } from '../../test/helpers.ts';
import { ClientKeys } from './client-keys.ts';
import { LimitStore, type LimitStoreOptions } from './limit-store.ts';

const secret = new ServerSecret(randomBytes(32));
const scope = () => `test:${randomUUID()}`;

describe(`limit store (issue 16, ${databaseKind})`, () => {
  const ctx = useTestContext();
  const store = (options: LimitStoreOptions = {}) => new LimitStore(ctx.db, new ClientKeys(secret), options);

  it('100 parallel reservations of one client accept exactly the limit; another client is not affected', async () => {
    const limits = store();
    const s = scope();
    const results = await Promise.all(
      Array.from({ length: 100 }, () => limits.reserve(s, '198.51.100.7', { max: 20, windowSeconds: 3600 })),
    );
    assert.equal(results.filter((r) => r.reserved).length, 20);
    for (const r of results) if (!r.reserved) assert.ok(r.retryAfterSeconds >= 1 && r.retryAfterSeconds <= 3600);
    const rows = await ctx.db.selectFrom('rate_limit_window').selectAll().where('scope', '=', s).execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.count, 20);
    assert.ok((await limits.reserve(s, '198.51.100.8', { max: 20, windowSeconds: 3600 })).reserved);
  });

  it('two instances (two stores on one database) enforce one limit together', async () => {
    const [a, b] = [store(), store()];
    const s = scope();
    const limit = { max: 5, windowSeconds: 600 };
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).reserve(s, '2001:db8:aa:1::/64', limit)),
    );
    assert.equal(results.filter((r) => r.reserved).length, 5);
  });

  it('a released reservation is given back; only the client stored, as a keyed hash', async () => {
    const limits = store();
    const s = scope();
    const limit = { max: 1, windowSeconds: 600 };
    const first = await limits.reserve(s, '198.51.100.9', limit);
    assert.ok(first.reserved);
    assert.equal((await limits.reserve(s, '198.51.100.9', limit)).reserved, false);
    await first.release();
    assert.ok((await limits.reserve(s, '198.51.100.9', limit)).reserved, 'the slot is free again');
    const row = await ctx.db
      .selectFrom('rate_limit_window')
      .selectAll()
      .where('scope', '=', s)
      .executeTakeFirstOrThrow();
    assert.match(row.client_hash, /^[A-Za-z0-9_-]{22}$/);
    assert.ok(!JSON.stringify(row).includes('198.51.100'), 'no address in the row');
  });

  it('a window that spans midnight keeps its count: the key is the day the window started', async () => {
    // 7-minute windows do not divide a day: the one around 00:00 UTC starts on the day before.
    const windowMs = 420_000;
    const midnight = Date.parse('2026-12-12T00:00:00Z'); // its window: 23:57–00:04 UTC
    const windowStart = Math.floor(midnight / windowMs) * windowMs;
    assert.ok(windowStart < midnight && windowStart + windowMs > midnight + 30_000);
    let now = midnight - 30_000;
    const limits = store({ now: () => now });
    const s = scope();
    const limit = { max: 2, windowSeconds: 420 };
    assert.ok((await limits.reserve(s, '198.51.100.10', limit)).reserved);
    assert.ok((await limits.reserve(s, '198.51.100.10', limit)).reserved);
    now = midnight + 30_000; // the next UTC day, the same window
    const after = await store({ now: () => now }).reserve(s, '198.51.100.10', limit);
    assert.equal(after.reserved, false, 'no reset at 00:00 UTC');
    assert.equal(after.reserved ? 0 : after.retryAfterSeconds, Math.ceil((windowStart + windowMs - now) / 1000));
    now = windowStart + windowMs; // the next window
    assert.ok((await store({ now: () => now }).reserve(s, '198.51.100.10', limit)).reserved);
  });

  it('client keys differ per day and per network, and are the same on every instance', () => {
    const day = Date.parse('2026-12-10T12:00:00Z');
    const one = new ClientKeys(secret);
    const other = new ClientKeys(secret);
    assert.equal(one.keyOf('198.51.100.7', day), other.keyOf('198.51.100.7', day + 3_600_000));
    assert.notEqual(one.keyOf('198.51.100.7', day), one.keyOf('198.51.100.7', day + 86_400_000));
    assert.notEqual(one.keyOf('198.51.100.7', day), one.keyOf('198.51.100.8', day));
    assert.notEqual(
      one.keyOf('198.51.100.7', day),
      new ClientKeys(new ServerSecret(randomBytes(32))).keyOf('198.51.100.7', day),
    );
  });

  it('a refused client is refused from memory until its window ends; the memory is bounded', async () => {
    const limits = store({ maxRememberedRefusals: 10 });
    const s = scope();
    const limit = { max: 1, windowSeconds: 600 };
    for (let i = 0; i < 30; i++) {
      await limits.reserve(s, `203.0.113.${i}`, limit);
      assert.equal((await limits.reserve(s, `203.0.113.${i}`, limit)).reserved, false);
    }
    assert.equal(limits.rememberedRefusals, 10);
    const row = await ctx.db
      .selectFrom('rate_limit_window')
      .select('count')
      .where('scope', '=', s)
      .executeTakeFirstOrThrow();
    assert.equal(row.count, 1, 'a refusal never counts');
  });

  it('expired windows are deleted, running ones kept', async () => {
    let now = Date.parse('2026-12-10T10:00:00Z');
    const limits = store({ now: () => now, sweepEveryMs: Number.MAX_SAFE_INTEGER });
    const s = scope();
    await limits.reserve(s, '198.51.100.11', { max: 3, windowSeconds: 60 });
    await limits.reserve(s, '198.51.100.12', { max: 3, windowSeconds: 86_400 });
    now += 120_000;
    while ((await limits.sweepExpired()) > 0);
    const left = await ctx.db.selectFrom('rate_limit_window').select('expires_at').where('scope', '=', s).execute();
    assert.equal(left.length, 1);
    assert.ok(left[0]!.expires_at.getTime() > now);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useTestContext } from '../../test/helpers.ts';
import { createStaff } from '../../test/staff.ts';
import { absoluteTimeoutMs, endAllSessions, endSession, findSession, idleTimeoutMs, startSession } from './sessions.ts';

describe('staff sessions', () => {
  const ctx = useTestContext();
  const at = (ms: number) => new Date(Date.UTC(2026, 11, 1, 8) + ms);

  it('keeps only a keyed hash of the token and finds the person with their memberships', async () => {
    const tenant = await ctx.createTenant();
    const person = await createStaff(ctx, { tenantId: tenant.id, roles: ['officer', 'admin'] });
    const session = await startSession(ctx.deps, person.id, { method: 'passkey' });
    const row = await ctx.db
      .selectFrom('staff_session')
      .selectAll()
      .where('id', '=', session.sessionId)
      .executeTakeFirstOrThrow();
    assert.notEqual(row.token_hash, session.token);
    assert.ok(!JSON.stringify(row).includes(session.token));
    const found = await findSession(ctx.deps, session.token, { refresh: false });
    assert.equal(found?.staffId, person.id);
    assert.deepEqual(
      found?.memberships.map((m) => [m.slug, m.roles]),
      [[tenant.slug, ['admin', 'officer']]],
    );
  });

  it('ends after 30 minutes without activity; activity starts the idle time again, a passive read does not', async () => {
    const person = await createStaff(ctx, { platformAdmin: true });
    const { token } = await startSession(ctx.deps, person.id, { method: 'passkey', now: at(0) });
    const passive = await findSession(ctx.deps, token, { refresh: false, now: at(idleTimeoutMs - 1000) });
    assert.equal(passive?.idleExpiresAt.getTime(), at(idleTimeoutMs).getTime());
    assert.equal(await findSession(ctx.deps, token, { refresh: false, now: at(idleTimeoutMs) }), undefined);

    const other = await startSession(ctx.deps, person.id, { method: 'passkey', now: at(0) });
    const active = await findSession(ctx.deps, other.token, { refresh: true, now: at(20 * 60_000) });
    assert.equal(active?.idleExpiresAt.getTime(), at(20 * 60_000 + idleTimeoutMs).getTime());
    assert.ok(await findSession(ctx.deps, other.token, { refresh: false, now: at(idleTimeoutMs + 60_000) }));
  });

  it('ends 12 hours after sign-in however active it was, and the idle time never goes beyond that', async () => {
    const person = await createStaff(ctx, { platformAdmin: true });
    const { token } = await startSession(ctx.deps, person.id, { method: 'passkey', now: at(0) });
    for (let t = 25 * 60_000; t < absoluteTimeoutMs; t += 25 * 60_000) {
      assert.ok(await findSession(ctx.deps, token, { refresh: true, now: at(t) }), `alive at ${t}`);
    }
    const last = await findSession(ctx.deps, token, { refresh: true, now: at(absoluteTimeoutMs - 60_000) });
    assert.equal(last?.idleExpiresAt.getTime(), at(absoluteTimeoutMs).getTime());
    assert.equal(await findSession(ctx.deps, token, { refresh: true, now: at(absoluteTimeoutMs) }), undefined);
  });

  it('a new sign-in ends the session the browser had (session fixation), sign-out ends one, everywhere ends all', async () => {
    const person = await createStaff(ctx, { platformAdmin: true });
    const planted = await startSession(ctx.deps, person.id, { method: 'passkey' });
    const fresh = await startSession(ctx.deps, person.id, { method: 'passkey', replacing: planted.token });
    assert.notEqual(fresh.sessionId, planted.sessionId);
    assert.equal(await findSession(ctx.deps, planted.token, { refresh: false }), undefined);
    assert.ok(await findSession(ctx.deps, fresh.token, { refresh: false }));

    await endSession(ctx.deps, fresh.token);
    assert.equal(await findSession(ctx.deps, fresh.token, { refresh: false }), undefined);

    const a = await startSession(ctx.deps, person.id, { method: 'passkey' });
    const b = await startSession(ctx.deps, person.id, { method: 'passkey' });
    const bystander = await createStaff(ctx, { platformAdmin: true });
    const theirs = await startSession(ctx.deps, bystander.id, { method: 'passkey' });
    assert.equal(await endAllSessions(ctx.db, person.id), 2);
    assert.equal(await findSession(ctx.deps, a.token, { refresh: false }), undefined);
    assert.equal(await findSession(ctx.deps, b.token, { refresh: false }), undefined);
    assert.ok(await findSession(ctx.deps, theirs.token, { refresh: false }));
  });
});

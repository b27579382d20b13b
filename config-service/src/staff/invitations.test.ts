import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useTestContext } from '../../test/helpers.ts';
import { createStaff } from '../../test/staff.ts';
import { consumeInvitation, createInvitation, invitationLifetimeMs, invitationLink } from './invitations.ts';
import { membershipsOf } from './staff-repository.ts';

describe('invitations', () => {
  const ctx = useTestContext();

  it('stores only a keyed hash of the token, and the link carries the token in its fragment', async () => {
    const tenant = await ctx.createTenant();
    const inv = await createInvitation(ctx.deps, { email: 'Nieuw@Example.nl', tenantId: tenant.id, roles: ['editor'] });
    assert.match(inv.token, /^[A-Za-z0-9_-]{43}$/);
    const row = await ctx.db.selectFrom('invitation').selectAll().where('id', '=', inv.id).executeTakeFirstOrThrow();
    assert.equal(row.email, 'nieuw@example.nl');
    assert.notEqual(row.token_hash, inv.token);
    assert.ok(!JSON.stringify(row).includes(inv.token));
    assert.equal(row.expires_at.getTime() - row.created_at.getTime(), invitationLifetimeMs);
    assert.equal(invitationLink('https://m.example', inv.token), `https://m.example/console/invitation#${inv.token}`);
  });

  it('is used once: a second use, even of the same person, is refused', async () => {
    const tenant = await ctx.createTenant();
    const email = `once-${tenant.slug}@example.nl`;
    const inv = await createInvitation(ctx.deps, { email, tenantId: tenant.id, roles: ['admin', 'officer'] });
    const first = await consumeInvitation(ctx.deps, inv.token, { name: 'Nieuwe collega' });
    assert.ok(first.ok);
    const memberships = await membershipsOf(ctx.db, first.staffId);
    assert.deepEqual(
      memberships.map((m) => [m.slug, m.roles]),
      [[tenant.slug, ['admin', 'officer']]],
    );
    assert.deepEqual(await consumeInvitation(ctx.deps, inv.token, { name: 'Nog eens' }), {
      ok: false,
      reason: 'unknown-used-or-expired',
    });
  });

  it('two uses at the same moment: exactly one succeeds', async () => {
    const tenant = await ctx.createTenant();
    const inv = await createInvitation(ctx.deps, {
      email: `race-${tenant.slug}@example.nl`,
      tenantId: tenant.id,
      roles: ['editor'],
    });
    const results = await Promise.all([
      consumeInvitation(ctx.deps, inv.token, { name: 'A' }),
      consumeInvitation(ctx.deps, inv.token, { name: 'B' }),
    ]);
    assert.equal(results.filter((r) => r.ok).length, 1);
  });

  it('expires after 72 hours, and an unknown token reads the same', async () => {
    const tenant = await ctx.createTenant();
    const made = new Date('2026-12-01T10:00:00Z');
    const inv = await createInvitation(
      ctx.deps,
      { email: `late-${tenant.slug}@example.nl`, tenantId: tenant.id, roles: ['analyst'] },
      made,
    );
    const late = new Date(made.getTime() + invitationLifetimeMs);
    const refused = await consumeInvitation(ctx.deps, inv.token, { name: 'Te laat' }, late);
    assert.deepEqual(refused, { ok: false, reason: 'unknown-used-or-expired' });
    const unknown = await consumeInvitation(ctx.deps, 'x'.repeat(43), { name: 'Niemand' }, made);
    assert.deepEqual(unknown, refused);
    const inTime = new Date(late.getTime() - 1000);
    assert.ok((await consumeInvitation(ctx.deps, inv.token, { name: 'Net op tijd' }, inTime)).ok);
  });

  it('adds roles to an existing member and can make the platform operator', async () => {
    const tenant = await ctx.createTenant();
    const person = await createStaff(ctx, { tenantId: tenant.id, roles: ['editor'] });
    const inv = await createInvitation(ctx.deps, {
      email: person.email,
      tenantId: tenant.id,
      roles: ['publisher'],
      platformAdmin: true,
    });
    const result = await consumeInvitation(ctx.deps, inv.token, { name: 'Ander naam' });
    assert.ok(result.ok);
    assert.equal(result.staffId, person.id);
    assert.equal(result.platformAdmin, true);
    const [membership] = await membershipsOf(ctx.db, person.id);
    assert.deepEqual(membership?.roles, ['editor', 'publisher']);
  });

  it('refuses an invitation that grants nothing, or roles without a tenant', async () => {
    await assert.rejects(createInvitation(ctx.deps, { email: 'a@example.nl' }));
    await assert.rejects(createInvitation(ctx.deps, { email: 'a@example.nl', roles: ['admin'], platformAdmin: true }));
  });
});

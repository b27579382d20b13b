import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  consoleTenantListSchema,
  invitationCreatedSchema,
  invitationListSchema,
  memberListSchema,
  memberSchema,
} from '@meldpunt/contracts';
import { readJson, sendReport, useTestContext } from '../../../test/helpers.ts';
import { asConsole, createStaff, signIn } from '../../../test/staff.ts';

describe('console API: tenants, members, invitations', () => {
  const ctx = useTestContext();

  it('lists only the tenants of one’s memberships, with their state and one’s roles there', async () => {
    const own = await ctx.createTenant();
    const other = await ctx.createTenant();
    await sendReport(ctx, own.slug);
    const person = await createStaff(ctx, { tenantId: own.id, roles: ['editor', 'analyst'] });
    const res = await ctx.app.request('/api/v1/console/tenants', asConsole(await signIn(ctx, person.id)));
    assert.equal(res.status, 200);
    const list = consoleTenantListSchema.parse(await res.json());
    assert.deepEqual(
      list.map((t) => [t.slug, t.roles, t.publishedVersion, t.failingDeliveries]),
      [[own.slug, ['editor', 'analyst'], 1, 0]],
    );
    assert.ok(list[0]?.lastReportAt);

    const operator = await createStaff(ctx, { platformAdmin: true });
    const all = consoleTenantListSchema.parse(
      await (await ctx.app.request('/api/v1/console/tenants', asConsole(await signIn(ctx, operator.id)))).json(),
    );
    const slugs = all.map((t) => t.slug);
    assert.ok(slugs.includes(own.slug) && slugs.includes(other.slug));
    assert.deepEqual(all.find((t) => t.slug === other.slug)?.roles, []);
  });

  it('changing a member’s roles or removing them ends their sessions at once', async () => {
    const tenant = await ctx.createTenant();
    const admin = await createStaff(ctx, { tenantId: tenant.id, roles: ['admin'] });
    const adminCookie = await signIn(ctx, admin.id);
    const member = await createStaff(ctx, { tenantId: tenant.id, roles: ['editor', 'publisher'] });
    const memberCookie = await signIn(ctx, member.id);
    const base = `/api/v1/console/tenants/${tenant.slug}/members`;

    const members = memberListSchema.parse(await (await ctx.app.request(base, asConsole(adminCookie))).json());
    assert.deepEqual(members.find((m) => m.id === member.id)?.roles, ['editor', 'publisher']);

    const put = await ctx.app.request(
      `${base}/${member.id}/roles`,
      asConsole(adminCookie, { method: 'PUT', body: { roles: ['analyst', 'analyst'] } }),
    );
    assert.equal(put.status, 200);
    assert.deepEqual(memberSchema.parse(await put.json()).roles, ['analyst']);
    assert.equal((await ctx.app.request('/api/v1/auth/me', asConsole(memberCookie))).status, 401);

    const again = await signIn(ctx, member.id);
    const del = await ctx.app.request(`${base}/${member.id}`, asConsole(adminCookie, { method: 'DELETE' }));
    assert.equal(del.status, 204);
    assert.equal((await ctx.app.request('/api/v1/auth/me', asConsole(again))).status, 401);
    assert.equal(
      (await ctx.app.request(`${base}/${member.id}`, asConsole(adminCookie, { method: 'DELETE' }))).status,
      404,
    );
    assert.equal((await ctx.app.request('/api/v1/auth/me', asConsole(adminCookie))).status, 200, 'the admin stays in');
  });

  it('a municipality keeps an admin: the only admin cannot lose the role or be removed (409), a second one can', async () => {
    const tenant = await ctx.createTenant();
    const admin = await createStaff(ctx, { tenantId: tenant.id, roles: ['admin', 'editor'] });
    const cookie = await signIn(ctx, admin.id);
    const base = `/api/v1/console/tenants/${tenant.slug}/members`;
    const demote = () =>
      ctx.app.request(`${base}/${admin.id}/roles`, asConsole(cookie, { method: 'PUT', body: { roles: ['editor'] } }));

    for (const res of [
      await demote(),
      await ctx.app.request(`${base}/${admin.id}`, asConsole(cookie, { method: 'DELETE' })),
    ]) {
      assert.equal(res.status, 409);
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
      assert.match(String(((await res.json()) as { type: string }).type), /last-admin$/);
    }
    const members = memberListSchema.parse(await (await ctx.app.request(base, asConsole(cookie))).json());
    assert.deepEqual(members.find((m) => m.id === admin.id)?.roles, ['admin', 'editor'], 'nothing changed');
    assert.equal((await ctx.app.request('/api/v1/auth/me', asConsole(cookie))).status, 200, 'still signed in');

    await createStaff(ctx, { tenantId: tenant.id, roles: ['admin'] });
    const res = await demote();
    assert.equal(res.status, 200);
    assert.deepEqual(memberSchema.parse(await res.json()).roles, ['editor']);
  });

  it('refuses roles that do not exist, no roles, and extra keys (422)', async () => {
    const tenant = await ctx.createTenant();
    const admin = await createStaff(ctx, { tenantId: tenant.id, roles: ['admin'] });
    const cookie = await signIn(ctx, admin.id);
    for (const body of [{ roles: [] }, { roles: ['owner'] }, { roles: ['admin'], platformAdmin: true }]) {
      const res = await ctx.app.request(
        `/api/v1/console/tenants/${tenant.slug}/members/${admin.id}/roles`,
        asConsole(cookie, { method: 'PUT', body }),
      );
      assert.equal(res.status, 422, JSON.stringify(body));
    }
  });

  it('invites: the answer carries the id only (never the token), the sender is kept, no address reaches the logs', async () => {
    const tenant = await ctx.createTenant();
    const admin = await createStaff(ctx, { tenantId: tenant.id, roles: ['admin'] });
    const cookie = await signIn(ctx, admin.id);
    const base = `/api/v1/console/tenants/${tenant.slug}/invitations`;
    const res = await ctx.app.request(
      base,
      asConsole(cookie, { method: 'POST', body: { email: 'Nieuw.Lid@Gemeente.nl', roles: ['officer'] } }),
    );
    assert.equal(res.status, 201);
    const body = await readJson(res);
    const { id } = invitationCreatedSchema.parse(body);
    const row = await ctx.db.selectFrom('invitation').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.invited_by, admin.id);
    assert.equal(row.email, 'nieuw.lid@gemeente.nl');
    assert.ok(!ctx.logs.join('\n').includes('nieuw.lid'), 'no address in the logs');

    const list = invitationListSchema.parse(await (await ctx.app.request(base, asConsole(cookie))).json());
    assert.deepEqual(
      list.map((i) => [i.id, i.email, i.roles, i.expired]),
      [[id, 'nieuw.lid@gemeente.nl', ['officer'], false]],
    );
    assert.equal((await ctx.app.request(`${base}/${id}`, asConsole(cookie, { method: 'DELETE' }))).status, 204);
    assert.equal((await ctx.app.request(`${base}/${id}`, asConsole(cookie, { method: 'DELETE' }))).status, 404);
    assert.equal((await ctx.app.request(`${base}/not-a-uuid`, asConsole(cookie, { method: 'DELETE' }))).status, 404);
  });
});

/**
 * The audit log connected to staff sign-in and administration: every staff change lands in the right
 * chain in the same transaction as the change, the chains verify (also against the heads logged
 * outside the database), no entry names anyone, and each tenant's admins read and export their own
 * tenant's log — nobody else's.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import {
  auditPageSchema,
  auditVerificationSchema,
  meSchema,
  tenantAuditPageSchema,
  type AuditEntryView,
} from '@meldpunt/contracts';
import { parseExpectations, verifyAuditLog } from '../../audit/verify.ts';
import { sessionCookieName } from '../../http/session-cookie.ts';
import { seedDemoStaff } from '../../staff/demo-staff.ts';
import { consumeInvitation, createInvitation } from '../../staff/invitations.ts';
import { changeRoles } from '../../staff/members.ts';
import { findSession } from '../../staff/sessions.ts';
import { findStaffByEmail, membersOf, setRoles } from '../../staff/staff-repository.ts';
import { randomIp, readJson, useTestContext } from '../../../test/helpers.ts';
import { asConsole, createStaff, sessionCookieOf, signIn } from '../../../test/staff.ts';

const demoAnalyst = 'dordrecht-analyst@demo.meldpunt.example';

describe('audit log of staff actions, and the console’s audit routes', { timeout: 120_000 }, () => {
  // Its own database on PostgreSQL: the demo people have fixed addresses.
  const ctx = useTestContext({ ownDatabase: true });
  const demoApp = () => ctx.appWith({ demoSignIn: true });

  /** Every entry of a chain, oldest first, read through the API as `cookie`, page by page. */
  async function chainViaApi(path: string, cookie: string, limit = 3): Promise<AuditEntryView[]> {
    const entries: AuditEntryView[] = [];
    let before: number | null = null;
    do {
      const query: string = `?limit=${limit}${before === null ? '' : `&before=${before}`}`;
      const res = await ctx.app.request(`${path}${query}`, asConsole(cookie));
      assert.equal(res.status, 200, await res.clone().text());
      const page = (path.includes('/platform/') ? auditPageSchema : tenantAuditPageSchema).parse(await res.json());
      assert.ok(page.entries.length <= limit);
      entries.push(...page.entries);
      before = page.nextBefore;
    } while (before !== null);
    return entries.reverse();
  }

  it('a demo sign-in, role change, invitations, removal and sign-out land in the tenant’s chain, which verifies', async () => {
    await seedDemoStaff(ctx.db);
    const tenant = await ctx.createTenant();
    const admin = await createStaff(ctx, { tenantId: tenant.id, roles: ['admin'] });
    const member = await createStaff(ctx, { tenantId: tenant.id, roles: ['editor'] });
    const demo = await findStaffByEmail(ctx.db, demoAnalyst);
    assert.ok(demo);
    await setRoles(ctx.db, tenant.id, demo.id, ['analyst']);

    const adminCookie = await signIn(ctx, admin.id);
    const adminSession = await findSession(ctx.deps, adminCookie.split('=')[1] ?? '', { refresh: false });
    const signedIn = await demoApp().request(
      '/api/v1/auth/demo',
      asConsole(undefined, {
        method: 'POST',
        body: { email: demoAnalyst },
        headers: { 'X-Forwarded-For': randomIp() },
      }),
    );
    assert.equal(signedIn.status, 200, await signedIn.clone().text());
    assert.equal(meSchema.parse(await signedIn.json()).id, demo.id);
    const demoToken = sessionCookieOf(signedIn)?.token ?? '';
    const demoSession = await findSession(ctx.deps, demoToken, { refresh: false });

    const base = `/api/v1/console/tenants/${tenant.slug}`;
    const roles = await ctx.app.request(
      `${base}/members/${member.id}/roles`,
      asConsole(adminCookie, { method: 'PUT', body: { roles: ['analyst', 'editor'] } }),
    );
    assert.equal(roles.status, 200);
    const invited = await ctx.app.request(
      `${base}/invitations`,
      asConsole(adminCookie, { method: 'POST', body: { email: 'Uitgenodigd@Example.nl', roles: ['officer'] } }),
    );
    assert.equal(invited.status, 201);
    const revokedId: string = (await readJson(invited)).id;
    const revoked = await ctx.app.request(
      `${base}/invitations/${revokedId}`,
      asConsole(adminCookie, { method: 'DELETE' }),
    );
    assert.equal(revoked.status, 204);
    const removed = await ctx.app.request(`${base}/members/${member.id}`, asConsole(adminCookie, { method: 'DELETE' }));
    assert.equal(removed.status, 204);
    const invitation = await createInvitation(ctx.deps, {
      email: 'nieuwe.collega@example.nl',
      tenantId: tenant.id,
      roles: ['publisher'],
      invitedBy: admin.id,
    });
    const accepted = await consumeInvitation(ctx.deps, invitation.token, { name: 'Nieuwe Collega' });
    assert.ok(accepted.ok);
    const signedOut = await ctx.app.request(
      '/api/v1/auth/sign-out',
      asConsole(`${sessionCookieName}=${demoToken}`, { method: 'POST' }),
    );
    assert.equal(signedOut.status, 204);

    const entries = await chainViaApi(`${base}/audit`, adminCookie);
    assert.deepEqual(
      entries.map((e) => [e.sequence, e.action, e.actor?.kind === 'staff' ? e.actor.id : null, e.target?.id]),
      [
        [1, 'auth.sign-in', admin.id, adminSession?.sessionId],
        [2, 'auth.sign-in', demo.id, demoSession?.sessionId],
        [3, 'membership.roles-changed', admin.id, member.id],
        [4, 'invitation.created', admin.id, revokedId],
        [5, 'invitation.revoked', admin.id, revokedId],
        [6, 'membership.removed', admin.id, member.id],
        [7, 'invitation.created', admin.id, invitation.id],
        [8, 'invitation.accepted', accepted.staffId, invitation.id],
        [9, 'auth.signed-out', demo.id, demoSession?.sessionId],
      ],
    );
    assert.deepEqual(entries[1]?.details, { method: 'demo' });
    assert.deepEqual(entries[2]?.details, { before: ['editor'], after: ['editor', 'analyst'] });
    assert.deepEqual(entries[5]?.details, { roles: ['editor', 'analyst'] });
    assert.ok(entries.every((e) => e.chain === tenant.id && e.tenantId === tenant.id));

    // No entry names anyone: no address, no name, in the API's answer or in the rows themselves.
    const rows = await ctx.db.selectFrom('audit_entry').selectAll().execute();
    const people = await membersOf(ctx.db, tenant.id);
    const stored = JSON.stringify(rows) + JSON.stringify(entries);
    assert.doesNotMatch(stored, /@/);
    for (const person of [...people, { email: member.email, name: `Test ${member.email}` }]) {
      assert.ok(!stored.includes(person.name), person.name);
      assert.ok(!stored.toLowerCase().includes(person.email), person.email);
    }
    assert.ok(!stored.includes('uitgenodigd'));

    // The chain verifies, also against the heads the service logged outside the database.
    const logged = parseExpectations([], [ctx.logs.join('\n')]);
    assert.equal(logged.get(tenant.id)?.sequence, 9);
    const result = await verifyAuditLog(ctx.db, ctx.deps.serverSecret, logged, [tenant.id, 'platform']);
    assert.deepEqual(result.problems, []);
  });

  it('a failed demo sign-in adds a platform entry without actor and without the address typed', async () => {
    await seedDemoStaff(ctx.db);
    const operator = await createStaff(ctx, { platformAdmin: true });
    const known = await createStaff(ctx); // exists, but is no demo person: refused like an unknown one
    const before = (await ctx.deps.auditLog.read('platform', { limit: 1 })).entries[0]?.sequence ?? 0;
    for (const email of [known.email, 'niemand-bekend@example.nl']) {
      const res = await demoApp().request(
        '/api/v1/auth/demo',
        asConsole(undefined, { method: 'POST', body: { email }, headers: { 'X-Forwarded-For': randomIp() } }),
      );
      assert.equal(res.status, 401);
    }
    const cookie = await signIn(ctx, operator.id);
    const res = await ctx.app.request('/api/v1/console/platform/audit?limit=200', asConsole(cookie));
    assert.equal(res.status, 200);
    const text = await res.clone().text();
    const failed = auditPageSchema
      .parse(await res.json())
      .entries.filter((e) => e.sequence > before && e.action === 'auth.sign-in-failed');
    assert.equal(failed.length, 2);
    for (const entry of failed) {
      assert.equal(entry.chain, 'platform');
      assert.equal(entry.tenantId, null);
      assert.equal(entry.actor, null);
      assert.equal(entry.target, null);
      assert.deepEqual(entry.details, { method: 'demo', reason: 'unknown-credential' });
    }
    assert.ok(!text.includes(known.email) && !text.includes('niemand-bekend') && !text.includes(known.id));
    const rows = JSON.stringify(await ctx.db.selectFrom('audit_entry').selectAll().execute());
    assert.ok(!rows.includes(known.email) && !rows.includes('niemand-bekend'));
  });

  it('exports the tenant’s chain as JSON lines or CSV, and the export is itself the last entry', async () => {
    const tenant = await ctx.createTenant();
    const admin = await createStaff(ctx, { tenantId: tenant.id, roles: ['admin'] });
    const cookie = await signIn(ctx, admin.id); // entry 1
    const path = `/api/v1/console/tenants/${tenant.slug}/audit/export`;

    const jsonl = await ctx.app.request(`${path}?format=jsonl`, asConsole(cookie));
    assert.equal(jsonl.status, 200);
    assert.match(jsonl.headers.get('content-type') ?? '', /^application\/jsonl/);
    assert.match(
      jsonl.headers.get('content-disposition') ?? '',
      new RegExp(`attachment; filename="audit-${tenant.slug}-`),
    );
    const lines = (await jsonl.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as AuditEntryView);
    assert.deepEqual(
      lines.map((e) => [e.sequence, e.action]),
      [
        [1, 'auth.sign-in'],
        [2, 'export.created'],
      ],
    );
    assert.deepEqual(lines[1]?.details, { of: 'audit-log', format: 'jsonl', rows: 2 });
    assert.deepEqual(lines[1]?.actor, { kind: 'staff', id: admin.id });

    const csv = await ctx.app.request(`${path}?format=csv`, asConsole(cookie));
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    const rows = (await csv.text()).trim().split('\r\n');
    assert.match(rows[0] ?? '', /^chain,sequence,occurred_at,/);
    assert.equal(rows.length, 4, 'the header and three entries, the new export last');
    assert.match(rows[3] ?? '', /,export\.created,/);

    const refused = await ctx.app.request(`${path}?format=xlsx`, asConsole(cookie));
    assert.equal(refused.status, 422);
    const head = (await ctx.deps.auditLog.read(tenant.id, { limit: 1 })).entries[0];
    assert.equal(head?.sequence, 3, 'a refused export is not recorded');
  });

  it('another tenant’s admin, the operator and a member without `admin` cannot read the log', async () => {
    const tenant = await ctx.createTenant();
    const other = await ctx.createTenant();
    const owner = await createStaff(ctx, { tenantId: tenant.id, roles: ['admin'] });
    const ownerCookie = await signIn(ctx, owner.id);
    const own = tenantAuditPageSchema.parse(
      await readJson(await ctx.app.request(`/api/v1/console/tenants/${tenant.slug}/audit`, asConsole(ownerCookie))),
    );
    const secrets = [tenant.id, owner.id, ...own.entries.flatMap((e) => [e.id, e.hash])];

    const outsider = await createStaff(ctx, { tenantId: other.id, roles: ['admin'] });
    const operator = await createStaff(ctx, { platformAdmin: true });
    const editor = await createStaff(ctx, {
      tenantId: tenant.id,
      roles: ['editor', 'publisher', 'officer', 'analyst'],
    });
    const cases = [
      { who: outsider, status: 404 },
      { who: operator, status: 404 },
      { who: editor, status: 403 },
    ];
    for (const { who, status } of cases) {
      const cookie = await signIn(ctx, who.id);
      for (const suffix of ['audit', 'audit?before=2', 'audit/export', 'audit/export?format=csv']) {
        const res = await ctx.app.request(`/api/v1/console/tenants/${tenant.slug}/${suffix}`, asConsole(cookie));
        assert.equal(res.status, status, `${suffix}`);
        assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
        const text = await res.text();
        assert.deepEqual(
          secrets.filter((s) => text.includes(s)),
          [],
          `${suffix}: the answer holds none of the tenant's data`,
        );
      }
    }
    const head = (await ctx.deps.auditLog.read(tenant.id, { limit: 1 })).entries[0];
    assert.equal(head?.action, 'auth.sign-in', 'no export was recorded for anyone refused');
    const platform = await ctx.app.request('/api/v1/console/platform/audit', asConsole(ownerCookie));
    assert.equal(platform.status, 403, 'the platform chain is the operator’s');
  });

  it('pages a tenant’s log by one action with the cursor, naming the people of each page for display only', async () => {
    const tenant = await ctx.createTenant();
    const admin = await createStaff(ctx, { tenantId: tenant.id, roles: ['admin'] });
    const members = [
      await createStaff(ctx, { tenantId: tenant.id, roles: ['editor'] }),
      await createStaff(ctx, { tenantId: tenant.id, roles: ['analyst'] }),
      await createStaff(ctx, { tenantId: tenant.id, roles: ['officer'] }),
    ];
    const cookie = await signIn(ctx, admin.id); // 1: sign-in
    const base = `/api/v1/console/tenants/${tenant.slug}`;
    for (const member of members) {
      // 2, 4, 6: roles changed; 3, 5, 7: invitations
      const changed = await ctx.app.request(
        `${base}/members/${member.id}/roles`,
        asConsole(cookie, { method: 'PUT', body: { roles: ['publisher'] } }),
      );
      assert.equal(changed.status, 200);
      const invited = await ctx.app.request(
        `${base}/invitations`,
        asConsole(cookie, {
          method: 'POST',
          body: { email: `${member.id.slice(0, 8)}@example.nl`, roles: ['analyst'] },
        }),
      );
      assert.equal(invited.status, 201);
    }

    const read = async (query: string) => {
      const res = await ctx.app.request(`${base}/audit?${query}`, asConsole(cookie));
      assert.equal(res.status, 200, await res.clone().text());
      return tenantAuditPageSchema.parse(await res.json());
    };
    const first = await read('action=membership.roles-changed&limit=2');
    assert.deepEqual(
      first.entries.map((e) => [e.sequence, e.target?.id]),
      [
        [6, members[2]!.id],
        [4, members[1]!.id],
      ],
    );
    assert.equal(first.nextBefore, 4);
    const second = await read('action=membership.roles-changed&limit=2&before=4');
    assert.deepEqual(
      second.entries.map((e) => [e.sequence, e.target?.id]),
      [[2, members[0]!.id]],
    );
    assert.equal(second.nextBefore, null);
    // Who is who: the actor and the members acted on, by id; nobody else.
    assert.deepEqual(first.people, {
      [admin.id]: { name: `Test ${admin.email}`, email: admin.email },
      [members[2]!.id]: { name: `Test ${members[2]!.email}`, email: members[2]!.email },
      [members[1]!.id]: { name: `Test ${members[1]!.email}`, email: members[1]!.email },
    });
    assert.deepEqual(
      (await read('action=auth.sign-in')).entries.map((e) => e.sequence),
      [1],
    );
    assert.deepEqual((await read('action=config.published')).entries, []);

    const refused = await ctx.app.request(
      `${base}/audit?action=${encodeURIComponent('DROP TABLE')}`,
      asConsole(cookie),
    );
    assert.equal(refused.status, 422);
    assert.match(refused.headers.get('content-type') ?? '', /problem\+json/);
  });

  it('verifies the tenant’s chain for its admins: intact, then the changed entry named', async () => {
    const tenant = await ctx.createTenant();
    const admin = await createStaff(ctx, { tenantId: tenant.id, roles: ['admin'] });
    const editor = await createStaff(ctx, { tenantId: tenant.id, roles: ['editor'] });
    const cookie = await signIn(ctx, admin.id); // 1
    await signIn(ctx, editor.id); // 2
    await signIn(ctx, admin.id); // 3
    const path = `/api/v1/console/tenants/${tenant.slug}/audit/verify`;
    const intact = auditVerificationSchema.parse(await readJson(await ctx.app.request(path, asConsole(cookie))));
    assert.equal(intact.intact, true);
    assert.equal(intact.entries, 3);
    assert.equal(intact.headSequence, 3);
    assert.deepEqual(intact.problems, []);

    // Someone with superuser access changes entry 2 (triggers off for that transaction only).
    await ctx.db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await trx
        .updateTable('audit_entry')
        .set({ details: sql`'{"method":"sso"}'::jsonb` as never })
        .where('chain', '=', tenant.id)
        .where('sequence', '=', 2)
        .execute();
    });
    const res = await ctx.app.request(path, asConsole(cookie));
    assert.equal(res.status, 200);
    const broken = auditVerificationSchema.parse(await res.json());
    assert.equal(broken.intact, false);
    assert.deepEqual(broken.problems, [{ sequence: 2, kind: 'changed' }]);

    const editorCookie = await signIn(ctx, editor.id);
    assert.equal((await ctx.app.request(path, asConsole(editorCookie))).status, 403);
  });

  it('a change and its entry commit together or not at all', async () => {
    const tenant = await ctx.createTenant();
    const member = await createStaff(ctx, { tenantId: tenant.id, roles: ['editor'] });
    const cookie = await signIn(ctx, member.id);
    // An actor the audit log refuses: the entry cannot be written, so the change must not stay either.
    const change = { tenantId: tenant.id, staffId: member.id, actor: { kind: 'staff', id: 'not an id' } } as const;
    await assert.rejects(changeRoles(ctx.deps.auditLog, change, ['analyst']), { name: 'ZodError' });
    assert.deepEqual((await membersOf(ctx.db, tenant.id)).find((m) => m.id === member.id)?.roles, ['editor']);
    assert.ok(await findSession(ctx.deps, cookie.split('=')[1] ?? '', { refresh: false }), 'the session lives on');
    assert.deepEqual(
      (await ctx.deps.auditLog.read(tenant.id)).entries.map((e) => e.action),
      ['auth.sign-in'],
    );
  });
});

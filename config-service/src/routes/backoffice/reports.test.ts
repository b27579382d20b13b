import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  inboxPageSchema,
  reportDetailSchema,
  reportMessageSchema,
  revealedContactSchema,
  withdrawalListSchema,
  type TenantRole,
} from '@meldpunt/contracts';
import { enforceRetention } from '../../retention/retention.ts';
import {
  databaseKind,
  minimalReport,
  readJson,
  sendReport,
  useTestContext,
  type TenantChanges,
} from '../../../test/helpers.ts';
import { asConsole, createStaff, signIn } from '../../../test/staff.ts';

const day = 24 * 3600 * 1000;

describe(`back office: officers' report routes (${databaseKind})`, () => {
  // Its own database on PostgreSQL: one test runs the retention sweep, which looks at every tenant.
  const ctx = useTestContext({ ownDatabase: true });

  /** A tenant with a signed-in officer (and helpers to ask as them). */
  async function setup(roles: TenantRole[] = ['officer'], changes?: TenantChanges) {
    const tenant = await ctx.createTenant(changes);
    const officer = await createStaff(ctx, { tenantId: tenant.id, roles });
    const cookie = await signIn(ctx, officer.id);
    const base = `/api/v1/backoffice/tenants/${tenant.slug}`;
    const ask = (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
      Promise.resolve(ctx.app.request(base + path, asConsole(cookie, init)));
    const report = async (overrides: Record<string, unknown> = {}, receivedDaysAgo?: number) => {
      const { id } = await sendReport(ctx, tenant.slug, minimalReport(overrides));
      if (receivedDaysAgo !== undefined) {
        await ctx.db
          .updateTable('report')
          .set({ received_at: new Date(Date.now() - receivedDaysAgo * day) })
          .where('id', '=', id)
          .execute();
      }
      return id;
    };
    const inbox = async (query = '') => {
      const res = await ask(`/reports${query}`);
      assert.equal(res.status, 200, await res.clone().text());
      return inboxPageSchema.parse(await readJson(res));
    };
    const ids = async (query = '') => (await inbox(query)).reports.map((r) => r.id);
    return { tenant, officer, cookie, base, ask, report, inbox, ids };
  }

  async function auditOf(tenantId: string) {
    return ctx.db
      .selectFrom('audit_entry')
      .select(['action', 'target_id', 'details', 'actor_id'])
      .where('tenant_id', '=', tenantId)
      .orderBy('sequence')
      .execute();
  }

  describe('the inbox', () => {
    it('lists the tenant’s reports newest first, with what the row needs and nothing of the contact', async () => {
      const s = await setup();
      const older = await s.report({}, 2);
      const newer = await s.report({ contact: { email: 'melder@example.org', wantsFollowUp: true } }, 1);
      const page = await s.inbox();
      assert.deepEqual(
        page.reports.map((r) => r.id),
        [newer, older],
      );
      const first = page.reports[0];
      assert.equal(first?.hasContact, true);
      assert.equal(first?.status, 'new');
      assert.equal(first?.via.slug, s.tenant.slug);
      assert.equal(page.nextCursor, null);
      assert.ok(!JSON.stringify(page).includes('melder@example.org'));
    });

    it('filters by status, category, role, period, contact, via, assignee and text — each alone and together', async () => {
      const s = await setup();
      const a = await s.report(
        { role: 'victim', categories: ['verbal'], description: 'Nageroepen bij het station' },
        1,
      );
      const b = await s.report(
        {
          role: 'bystander',
          categories: ['following'],
          description: 'Gevolgd tot aan het CAFÉ op de hoek',
          contact: { email: 'x@example.org', wantsFollowUp: true },
        },
        10,
      );
      const c = await s.report(
        { role: 'victim', categories: ['touching', 'verbal'], description: 'Aangeraakt in de bus' },
        40,
      );
      await ctx.db
        .updateTable('report')
        .set({ status: 'closed', assignee_id: s.officer.id })
        .where('id', '=', c)
        .execute();
      const sameSet = async (query: string, want: string[]) =>
        assert.deepEqual(new Set(await s.ids(query)), new Set(want), query);
      await sameSet('?status=closed', [c]);
      await sameSet('?status=new,in-progress', [a, b]);
      await sameSet('?category=verbal', [a, c]);
      await sameSet('?category=following,touching', [b, c]);
      await sameSet('?role=bystander', [b]);
      await sameSet('?contact=with', [b]);
      await sameSet('?contact=without', [a, c]);
      await sameSet(`?via=${s.tenant.slug}`, [a, b, c]);
      await sameSet('?via=elders', []);
      await sameSet('?assignee=me', [c]);
      await sameSet('?assignee=none', [a, b]);
      await sameSet(`?assignee=${s.officer.id}`, [c]);
      // Dates of receipt in Europe/Amsterdam, both ends inclusive.
      const date = (daysAgo: number) =>
        new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() - daysAgo * day));
      await sameSet(`?from=${date(10)}`, [a, b]);
      await sameSet(`?to=${date(10)}`, [b, c]);
      await sameSet(`?from=${date(10)}&to=${date(10)}`, [b]);
      // Every word, any order, case- and accent-insensitive.
      await sameSet('?q=cafe', [b]);
      await sameSet('?q=HOEK%20gevolgd', [b]);
      await sameSet('?q=station%20bus', []);
      await sameSet('?q=café', [b]);
      // Together.
      await sameSet('?role=victim&category=verbal&status=new', [a]);
      await sameSet(`?role=victim&from=${date(45)}&to=${date(5)}&q=bus`, [c]);
    });

    it('refuses an invalid filter with a problem naming the field', async () => {
      const s = await setup();
      for (const query of [
        '?status=lost',
        '?from=2026-13-01',
        '?contact=maybe',
        '?cursor=nonsense',
        '?limit=1000',
        '?x=1',
      ]) {
        const res = await s.ask(`/reports${query}`);
        assert.equal(res.status, 422, query);
        assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
        assert.ok((await readJson(res)).errors.length > 0, query);
      }
    });

    it('pages without gaps or repeats, while new reports arrive', async () => {
      const s = await setup();
      const sent: string[] = [];
      for (let i = 0; i < 7; i++) sent.push(await s.report({ description: `Melding ${i}` }));
      // Two reports received at the very same moment: the id breaks the tie.
      await ctx.db
        .updateTable('report')
        .set({ received_at: new Date('2026-11-01T12:00:00Z') })
        .where('id', 'in', sent.slice(0, 2))
        .execute();
      const seen: string[] = [];
      let cursor: string | null = '';
      let pages = 0;
      while (cursor !== null) {
        const page = await s.inbox(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.reports.map((r) => r.id));
        cursor = page.nextCursor;
        pages++;
        // Newcomers arrive between pages: they belong on top, never in a later page.
        if (pages === 1) await s.report({ description: 'Nieuw binnen' });
      }
      assert.equal(pages, 3);
      assert.equal(seen.length, 7);
      assert.deepEqual(new Set(seen), new Set(sent));
    });
  });

  describe('one report', () => {
    it('answers the detail with labels from the config the reporter saw, ETag, and audits the view', async () => {
      const s = await setup();
      const id = await s.report({
        categories: ['verbal'],
        extra: { age_group: '18_24' },
        contact: { email: 'melder@example.org', wantsFollowUp: true },
      });
      const res = await s.ask(`/reports/${id}?lang=en`);
      assert.equal(res.status, 200);
      const detail = reportDetailSchema.parse(await readJson(res));
      assert.equal(res.headers.get('etag'), '"0"');
      assert.equal(detail.revision, 0);
      assert.deepEqual(detail.extra, [{ key: 'age_group', label: 'Age', value: '18 to 24' }]);
      assert.equal(detail.categories[0]?.id, 'verbal');
      assert.ok(detail.location?.gridCell?.match(/^E\d{4}N\d{4}$/));
      assert.equal(detail.contact.present, true);
      assert.ok(detail.contact.erasesAt && detail.contact.erasesAt < detail.deletesAt);
      assert.equal(detail.contact.erasedAt, null);
      assert.equal(detail.deliveries.length, 1);
      assert.ok(!JSON.stringify(detail).includes('melder@example.org'));
      const audit = await auditOf(s.tenant.id);
      assert.deepEqual(
        audit.filter((e) => e.action === 'report.viewed').map((e) => e.target_id),
        [id],
      );
    });

    it('another tenant’s report, an unknown id and a malformed one all answer 404', async () => {
      const s = await setup();
      const other = await ctx.createTenant();
      const { id: theirs } = await sendReport(ctx, other.slug, minimalReport());
      for (const id of [theirs, randomUUID(), 'not-an-id']) {
        for (const [method, path, body, headers] of [
          ['GET', `/reports/${id}`],
          ['PATCH', `/reports/${id}`, { status: 'in-progress' }, { 'If-Match': '"0"' }],
          ['POST', `/reports/${id}/notes`, { body: 'x' }],
          ['POST', `/reports/${id}/contact`, { reason: 'clarify-report' }],
        ] as const) {
          const res = await s.ask(path, { method, body, headers });
          assert.equal(res.status, 404, `${method} ${path}`);
        }
      }
      // And the other tenant's path: 404 for this officer (no membership).
      const res = await ctx.app.request(
        `/api/v1/backoffice/tenants/${other.slug}/reports/${theirs}`,
        asConsole(s.cookie),
      );
      assert.equal(res.status, 404);
    });

    it('an analyst of the tenant gets 404 for single reports (as if none existed); the platform operator 404 (no membership)', async () => {
      const s = await setup(['analyst']);
      const id = await s.report();
      assert.equal((await s.ask(`/reports/${id}`)).status, 404);
      assert.equal((await s.ask('/reports')).status, 404);
      assert.equal((await s.ask('/reports.csv')).status, 404);
      const operator = await createStaff(ctx, { platformAdmin: true });
      const res = await ctx.app.request(`${s.base}/reports/${id}`, asConsole(await signIn(ctx, operator.id)));
      assert.equal(res.status, 404);
    });
  });

  describe('handling', () => {
    it('moves through the workflow with If-Match: 428 without, 412 when stale, 409 for a move not allowed', async () => {
      const s = await setup();
      const id = await s.report();
      const patch = (body: unknown, ifMatch?: string) =>
        s.ask(`/reports/${id}`, { method: 'PATCH', body, headers: ifMatch ? { 'If-Match': ifMatch } : {} });

      assert.equal((await patch({ status: 'in-progress' })).status, 428);
      assert.equal((await patch({ status: 'in-progress' }, '"7"')).status, 412);
      let res = await patch({ status: 'in-progress' }, '"0"');
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('etag'), '"1"');
      assert.equal((await readJson(res)).status, 'in-progress');
      // The same change again with the old ETag: someone changed it meanwhile.
      res = await patch({ status: 'closed', closingReason: 'handled' }, '"0"');
      assert.equal(res.status, 412);
      assert.equal(res.headers.get('etag'), '"1"');

      res = await patch({ status: 'referred', referredTo: 'police' }, '"1"');
      assert.equal(res.status, 200);
      // referred → new is no move of the workflow.
      res = await patch({ status: 'new' }, '"2"');
      assert.equal(res.status, 409);
      assert.match((await readJson(res)).title, /referred to new/);
      // A referral without where to, a closing without a reason: 422.
      assert.equal((await patch({ status: 'closed' }, '"2"')).status, 422);
      assert.equal((await patch({ status: 'closed', closingReason: 'handled' }, '"2"')).status, 200);
      // Reopen.
      res = await patch({ status: 'in-progress' }, '"3"');
      assert.equal(res.status, 200);
      const detail = reportDetailSchema.parse(await readJson(res));
      assert.equal(detail.revision, 4);
      assert.equal(detail.closingReason, null);
      assert.deepEqual(
        detail.events.map((e) => [e.kind, e.status, e.by?.id]),
        [
          ['status-changed', 'in-progress', s.officer.id],
          ['status-changed', 'referred', s.officer.id],
          ['status-changed', 'closed', s.officer.id],
          ['status-changed', 'in-progress', s.officer.id],
        ],
      );
      const updates = (await auditOf(s.tenant.id)).filter((e) => e.action === 'report.updated');
      assert.deepEqual(
        updates.map((e) => e.details),
        [
          { status: 'in-progress' },
          { status: 'referred', referredTo: 'police' },
          { status: 'closed', closingReason: 'handled' },
          { status: 'in-progress' },
        ],
      );
    });

    it('assigns to officers of the tenant only (422 otherwise), and unassigns', async () => {
      const s = await setup();
      const id = await s.report();
      const colleague = await createStaff(ctx, { tenantId: s.tenant.id, roles: ['officer'] });
      const analyst = await createStaff(ctx, { tenantId: s.tenant.id, roles: ['analyst'] });
      const other = await ctx.createTenant();
      const elsewhere = await createStaff(ctx, { tenantId: other.id, roles: ['officer'] });
      const patch = (assigneeId: string | null, revision: number) =>
        s.ask(`/reports/${id}`, { method: 'PATCH', body: { assigneeId }, headers: { 'If-Match': `"${revision}"` } });

      const officers = await readJson(await s.ask('/officers'));
      assert.deepEqual(
        new Set(officers.officers.map((o: { id: string }) => o.id)),
        new Set([s.officer.id, colleague.id]),
      );

      for (const wrong of [analyst.id, elsewhere.id, randomUUID()]) {
        const res = await patch(wrong, 0);
        assert.equal(res.status, 422);
        assert.equal((await readJson(res)).errors[0].path, '/assigneeId');
      }
      let res = await patch(colleague.id, 0);
      assert.equal(res.status, 200);
      assert.equal((await readJson(res)).assignee.id, colleague.id);
      res = await patch(null, 1);
      const detail = reportDetailSchema.parse(await readJson(res));
      assert.equal(detail.assignee, null);
      assert.deepEqual(
        detail.events.map((e) => [e.kind, e.assignee?.id ?? null]),
        [
          ['assigned', colleague.id],
          ['assigned', null],
        ],
      );
    });

    it('adds internal notes: 201, on the timeline, audited with their length only', async () => {
      const s = await setup();
      const id = await s.report();
      const text = 'Contact gehad met de wijkagent over deze plek.';
      const res = await s.ask(`/reports/${id}/notes`, { method: 'POST', body: { body: `  ${text} ` } });
      assert.equal(res.status, 201);
      const note = await readJson(res);
      assert.equal(note.body, text);
      assert.equal(note.author.id, s.officer.id);
      assert.equal((await s.ask(`/reports/${id}/notes`, { method: 'POST', body: { body: '   ' } })).status, 422);
      const detail = reportDetailSchema.parse(await readJson(await s.ask(`/reports/${id}`)));
      assert.deepEqual(
        detail.notes.map((n) => n.body),
        [text],
      );
      assert.equal(detail.events.at(-1)?.kind, 'note-added');
      const entries = await auditOf(s.tenant.id);
      assert.deepEqual(entries.find((e) => e.action === 'report.note-added')?.details, { length: text.length });
      assert.ok(!JSON.stringify(entries).includes('wijkagent'));
      assert.ok(!ctx.logs.join('\n').includes('wijkagent'));
    });
  });

  describe('the contact reveal', () => {
    it('opens the details with a reason: audited with the reason, the remark on the timeline only', async () => {
      const s = await setup();
      const contact = { name: 'Sam Melder', email: 'sam@example.org', phone: '06 1234 5678', wantsFollowUp: true };
      const id = await s.report({ contact });
      assert.equal((await s.ask(`/reports/${id}/contact`, { method: 'POST', body: {} })).status, 422);
      assert.equal(
        (await s.ask(`/reports/${id}/contact`, { method: 'POST', body: { reason: 'curious' } })).status,
        422,
      );
      const res = await s.ask(`/reports/${id}/contact`, {
        method: 'POST',
        body: { reason: 'reporter-asked-follow-up', remark: 'Terugbellen vóór vrijdag' },
      });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.deepEqual(revealedContactSchema.parse(await readJson(res)), contact);
      const entries = await auditOf(s.tenant.id);
      const reveal = entries.find((e) => e.action === 'contact.revealed');
      assert.deepEqual(reveal?.details, { reason: 'reporter-asked-follow-up' });
      assert.equal(reveal?.actor_id, s.officer.id);
      const everything = JSON.stringify(entries) + ctx.logs.join('\n');
      for (const secret of ['Sam Melder', 'sam@example.org', '1234 5678', 'Terugbellen']) {
        assert.ok(!everything.includes(secret), `${secret} is in no audit entry or log line`);
      }
      const detail = reportDetailSchema.parse(await readJson(await s.ask(`/reports/${id}`)));
      assert.deepEqual(
        detail.events.map((e) => [e.kind, e.revealReason, e.remark]),
        [['contact-revealed', 'reporter-asked-follow-up', 'Terugbellen vóór vrijdag']],
      );
      assert.ok(!JSON.stringify(detail).includes('sam@example.org'));
    });

    it('answers no-contact for an anonymous report, 410 once retention erased the details', async () => {
      const s = await setup();
      const anonymous = await s.report();
      let res = await s.ask(`/reports/${anonymous}/contact`, { method: 'POST', body: { reason: 'clarify-report' } });
      assert.equal(res.status, 404);
      assert.match((await readJson(res)).type, /no-contact$/);

      const old = await s.report({ contact: { email: 'oud@example.org', wantsFollowUp: false } }, 400);
      await enforceRetention(ctx.db);
      res = await s.ask(`/reports/${old}/contact`, { method: 'POST', body: { reason: 'clarify-report' } });
      assert.equal(res.status, 410);
      assert.match((await readJson(res)).type, /contact-erased$/);
      const detail = reportDetailSchema.parse(await readJson(await s.ask(`/reports/${old}`)));
      assert.equal(detail.contact.present, false);
      assert.ok(detail.contact.erasedAt);
      assert.equal(detail.contact.erasesAt, null);
      assert.ok(!(await auditOf(s.tenant.id)).some((e) => e.action === 'contact.revealed'));
    });
  });

  describe('sending a delivery again', () => {
    it('queues a failed or retrying delivery of this report now; 409 for others, 404 for another report’s', async () => {
      const s = await setup();
      const id = await s.report();
      const otherReport = await s.report();
      const [delivery] = await ctx.db.selectFrom('delivery').select('id').where('report_id', '=', id).execute();
      const [otherDelivery] = await ctx.db
        .selectFrom('delivery')
        .select('id')
        .where('report_id', '=', otherReport)
        .execute();
      assert.ok(delivery && otherDelivery);
      const retry = (reportId: string, deliveryId: string) =>
        s.ask(`/reports/${reportId}/deliveries/${deliveryId}/retry`, { method: 'POST' });

      assert.equal((await retry(id, delivery.id)).status, 409, 'a queued delivery is on its way already');
      await ctx.db
        .updateTable('delivery')
        .set({ status: 'failed', last_error: 'smtp-550', next_attempt_at: new Date(Date.now() + day) })
        .where('id', 'in', [delivery.id, otherDelivery.id])
        .execute();
      assert.equal((await retry(id, otherDelivery.id)).status, 404);
      let nudged = 0;
      const app = ctx.appWith({ nudgeDelivery: () => void nudged++ });
      const res = await app.request(
        `${s.base}/reports/${id}/deliveries/${delivery.id}/retry`,
        asConsole(s.cookie, { method: 'POST' }),
      );
      assert.equal(res.status, 200);
      const body = await readJson(res);
      assert.equal(body.status, 'queued');
      assert.ok(new Date(body.nextAttemptAt).getTime() <= Date.now() + 1000);
      assert.equal(nudged, 1);
      const entries = await auditOf(s.tenant.id);
      assert.deepEqual(entries.find((e) => e.action === 'delivery.retried')?.details, {
        deliveryId: delivery.id,
        channel: 'email',
      });
      const detail = reportDetailSchema.parse(await readJson(await s.ask(`/reports/${id}`)));
      assert.equal(detail.events.at(-1)?.kind, 'delivery-retried');
    });
  });

  describe('saved views', () => {
    it('saves, lists and deletes the team’s views; 409 on a duplicate name; 422 on a query that is no filter', async () => {
      const s = await setup();
      const colleague = await createStaff(ctx, { tenantId: s.tenant.id, roles: ['officer'] });
      let res = await s.ask('/views', {
        method: 'POST',
        body: { name: 'Nieuw, slachtoffer', query: 'status=new&role=victim' },
      });
      assert.equal(res.status, 201);
      const view = await readJson(res);
      assert.equal(view.query, 'status=new&role=victim');
      res = await s.ask('/views', { method: 'POST', body: { name: 'Nieuw, slachtoffer', query: 'status=closed' } });
      assert.equal(res.status, 409);
      for (const query of ['status=lost', 'cursor=abc', 'colour=red']) {
        assert.equal((await s.ask('/views', { method: 'POST', body: { name: query, query } })).status, 422, query);
      }
      // The colleague sees the team's view.
      const theirs = await ctx.app.request(`${s.base}/views`, asConsole(await signIn(ctx, colleague.id)));
      assert.deepEqual(
        (await readJson(theirs)).views.map((v: { id: string }) => v.id),
        [view.id],
      );
      // Another tenant's officer cannot delete it (404 through their own tenant's path).
      const other = await ctx.createTenant();
      const stranger = await createStaff(ctx, { tenantId: other.id, roles: ['officer'] });
      res = await ctx.app.request(
        `/api/v1/backoffice/tenants/${other.slug}/views/${view.id}`,
        asConsole(await signIn(ctx, stranger.id), { method: 'DELETE' }),
      );
      assert.equal(res.status, 404);
      assert.equal((await s.ask(`/views/${view.id}`, { method: 'DELETE' })).status, 204);
      assert.equal((await s.ask(`/views/${view.id}`, { method: 'DELETE' })).status, 404);
      assert.deepEqual((await readJson(await s.ask('/views'))).views, []);
      const actions = (await auditOf(s.tenant.id)).map((e) => e.action);
      assert.ok(actions.includes('view.saved') && actions.includes('view.deleted'));
    });
  });

  describe('the CSV export', () => {
    /** Splits the CSV (our own cells have no line breaks here) into rows of cells. */
    function parseCsv(text: string): string[][] {
      return text
        .split('\r\n')
        .filter((line) => line !== '')
        .map((line) => line.split(';'));
    }

    it('exports the filter with BOM, `;`, CRLF and the listed columns; never contact details or notes; audited', async () => {
      const s = await setup(['officer'], {
        config: { categories: [{ id: 'verbal', label: { nl: 'Naroepen of nafluiten', en: 'Catcalling' } }] },
      });
      const id = await s.report({
        categories: ['verbal'],
        description: 'Bij de bushalte',
        location: { lat: 51.8133, lng: 4.6901, text: 'Bushalte Centrum' },
        contact: { name: 'Geheim Persoon', email: 'geheim@example.org', wantsFollowUp: true },
      });
      await s.report({ role: 'bystander', description: 'Niet in dit filter' });
      await s.ask(`/reports/${id}/notes`, { method: 'POST', body: { body: 'Interne notitie XYZ' } });
      // A category the config no longer holds (and that has no default label) keeps its id.
      await ctx.db
        .updateTable('report')
        .set({ categories: ['verbal', 'retired-category'] })
        .where('id', '=', id)
        .execute();

      const res = await s.ask('/reports.csv?role=victim');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
      assert.match(
        res.headers.get('content-disposition') ?? '',
        new RegExp(`attachment; filename="meldingen-${s.tenant.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"`),
      );
      const bytes = new Uint8Array(await res.arrayBuffer());
      assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
      const text = new TextDecoder().decode(bytes.slice(3));
      assert.ok(text.endsWith('\r\n'));
      const [header, ...rows] = parseCsv(text);
      assert.deepEqual(header, [
        'reference',
        'received',
        'occurred',
        'time_precision',
        'part_of_day',
        'categories',
        'role',
        'place',
        'grid_cell',
        'description',
        'status',
        'referred_to',
        'closing_reason',
        'assignee',
        'receiving_tenant',
        'via',
      ]);
      assert.equal(rows.length, 1);
      const row = rows[0] ?? [];
      assert.equal(row[5], 'Naroepen of nafluiten, retired-category', 'labels in the tenant’s default language');
      assert.equal(row[6], 'victim');
      assert.equal(row[7], 'Bushalte Centrum');
      assert.match(row[8] ?? '', /^E\d{4}N\d{4}$/);
      assert.equal(row[9], 'Bij de bushalte');
      assert.equal(row[2], '2026-11-20 22:30', 'occurred, in Dutch time');
      for (const secret of ['Geheim', 'geheim@example.org', 'Interne notitie']) assert.ok(!text.includes(secret));
      const exported = (await auditOf(s.tenant.id)).find((e) => e.action === 'export.created');
      assert.deepEqual(exported?.details, { of: 'reports', format: 'csv', rows: 1 });
    });

    it('makes formula-looking cells inert: =HYPERLINK(…), +, -, @, tab, carriage return', async () => {
      const s = await setup();
      const evil = ['=HYPERLINK("http://x","y")', '+31 6 kwaad', '-2+3', '@SUM(A1)', '\tverborgen', '\rterug'];
      // Stored as given (the widget's API trims a description; an import or an older version may not).
      for (const description of evil) {
        const id = await s.report();
        await ctx.db.updateTable('report').set({ description }).where('id', '=', id).execute();
      }
      const text = (await (await s.ask('/reports.csv')).text()).replace(/^\uFEFF/, '');
      for (const description of evil) {
        const inert = `'${description}`;
        // csv-stringify quotes a cell with a quote or line break; either way it starts with `'`.
        assert.ok(
          text.includes(`;${inert};`) || text.includes(`;"${inert.replaceAll('"', '""')}";`),
          `${JSON.stringify(description)} comes out as ${JSON.stringify(inert)}`,
        );
        assert.ok(!text.includes(`;${description}`), `${JSON.stringify(description)} never starts a cell`);
      }
    });

    it('streams in batches: the first rows come before the rest is read', async () => {
      const s = await setup();
      for (let i = 0; i < 6; i++) await s.report({ description: `Rij ${i}` });
      const { exportReports } = await import('../../reports/reports-export.ts');
      const { countQueries } = await import('../../../test/query-counter.ts');
      const counter = countQueries(ctx.db);
      const exported = await exportReports(
        { db: counter.db, auditLog: ctx.deps.auditLog },
        { tenantId: s.tenant.id, tenantSlug: s.tenant.slug, filter: {}, staffId: s.officer.id },
        { batchSize: 2 },
      );
      assert.equal(exported.rows, 6);
      const before = counter.queries;
      const header = await exported.chunks.next();
      assert.match(String(header.value), /^\uFEFFreference;/);
      assert.equal(counter.queries, before, 'the header needs no query');
      const first = await exported.chunks.next();
      assert.equal(parseCsv(String(first.value)).length, 2, 'one batch of two rows');
      assert.equal(counter.queries, before + 1, 'one query per batch, not the whole result');
      let rest = 0;
      for await (const chunk of exported.chunks) rest += parseCsv(chunk).length;
      assert.equal(rest, 4);
      // Three full batches, and one more that finds the end.
      assert.equal(counter.queries, before + 4);
    });
  });

  describe('the follow-up (issue 15)', () => {
    /**
     * Gives a report a receipt code as intake does (a keyed hash under key 1; the code itself is nobody's
     * business here): the reporter can now be written to.
     */
    async function withReceiptCode(reportId: string) {
      await ctx.db
        .updateTable('report')
        .set({ receipt_key_id: 1, receipt_hash: randomBytes(32).toString('base64url') })
        .where('id', '=', reportId)
        .execute();
    }

    /** As a report taken in where nobody follows up by code: no receipt code. */
    async function withoutReceiptCode(reportId: string) {
      await ctx.db
        .updateTable('report')
        .set({ receipt_key_id: null, receipt_hash: null })
        .where('id', '=', reportId)
        .execute();
    }

    const noticesOf = (reportId: string) =>
      ctx.db
        .selectFrom('delivery')
        .select(['kind', 'channel', 'target', 'status'])
        .where('report_id', '=', reportId)
        .where('kind', '!=', 'report')
        .execute();

    it('writes to the reporter: 201, in the thread with its author, on the timeline, audited by length, a content-free notice queued', async () => {
      const s = await setup();
      const email = 'melder-volgt@example.org';
      const id = await s.report({ contact: { email, wantsFollowUp: true } });
      await withReceiptCode(id);
      let nudged = 0;
      const app = ctx.appWith({ nudgeDelivery: () => void nudged++ });
      const text = 'Op welke dag was het precies? Dan kijken we naar de camerabeelden.';
      const res = await app.request(
        `${s.base}/reports/${id}/messages`,
        asConsole(s.cookie, { method: 'POST', body: { body: `  ${text}\n` } }),
      );
      assert.equal(res.status, 201, await res.clone().text());
      assert.equal(res.headers.get('cache-control'), 'no-store');
      const message = reportMessageSchema.parse(await readJson(res));
      assert.equal(message.body, text);
      assert.equal(message.from, 'municipality');
      assert.equal(message.author?.id, s.officer.id);
      assert.equal(nudged, 1, 'the worker is woken for the notice');

      // The notice: to the sealed address (target `reporter`, never the address), nothing of the message.
      assert.deepEqual(await noticesOf(id), [
        { kind: 'reporter-notice', channel: 'email', target: 'reporter', status: 'queued' },
      ]);
      const outbox = await ctx.db.selectFrom('delivery').selectAll().where('report_id', '=', id).execute();
      assert.ok(!JSON.stringify(outbox).includes(email));
      assert.ok(!JSON.stringify(outbox).includes('camerabeelden'));

      // One notice on its way says "there is something new" for later messages too; once it went, the
      // next message queues another (never colliding with the report's own deliveries).
      const again = () => s.ask(`/reports/${id}/messages`, { method: 'POST', body: { body: 'En nog iets.' } });
      assert.equal((await again()).status, 201);
      assert.equal((await noticesOf(id)).length, 1);
      await ctx.db.updateTable('delivery').set({ status: 'sent' }).where('report_id', '=', id).execute();
      assert.equal((await again()).status, 201);
      assert.deepEqual((await noticesOf(id)).map((n) => n.status).sort(), ['queued', 'sent']);

      const detail = reportDetailSchema.parse(await readJson(await s.ask(`/reports/${id}`)));
      assert.equal(detail.receiptCode, true);
      assert.deepEqual(
        detail.messages.find((m) => m.id === message.id),
        message,
      );
      assert.equal(detail.messages.length, 3);
      assert.equal(detail.status, 'new', 'without waitForReply the status stays');
      assert.equal(detail.revision, 0);
      assert.deepEqual(
        detail.events.map((e) => [e.kind, e.by?.id]),
        Array(3).fill(['message-sent', s.officer.id]),
      );
      // The deliveries of the report are its forwardings only: the notice is kept apart.
      assert.deepEqual(
        detail.deliveries.map((d) => d.target),
        [detail.deliveries[0]?.target],
      );
      assert.ok(detail.deliveries.every((d) => d.target !== 'reporter'));

      const entries = await auditOf(s.tenant.id);
      const sent = entries.filter((e) => e.action === 'report.message-sent');
      assert.deepEqual(sent[0] && [sent[0].target_id, sent[0].actor_id, sent[0].details], [
        id,
        s.officer.id,
        { length: text.length, waitForReply: false },
      ]);
      assert.equal(sent.length, 3);
      const everything = JSON.stringify(entries) + ctx.logs.join('\n');
      assert.ok(!everything.includes('camerabeelden'), 'the message is in no audit entry or log line');
      assert.ok(!everything.includes(email));
    });

    it('waitForReply moves the report to waiting (revision, timeline); a waiting report stays so; a closed one refuses (409), a message alone is fine', async () => {
      const s = await setup();
      const id = await s.report();
      await withReceiptCode(id);
      const write = (body: unknown) => s.ask(`/reports/${id}/messages`, { method: 'POST', body });

      assert.equal((await write({ body: 'Mag ik u iets vragen?', waitForReply: true })).status, 201);
      let detail = reportDetailSchema.parse(await readJson(await s.ask(`/reports/${id}`)));
      assert.equal(detail.status, 'waiting');
      assert.equal(detail.revision, 1);
      const changed = await ctx.db
        .selectFrom('report')
        .select('status_changed_at')
        .where('id', '=', id)
        .executeTakeFirst();
      assert.ok(changed?.status_changed_at);
      // One act, one moment: its two events share their time (their order among themselves is not fixed).
      assert.deepEqual(
        new Set(detail.events.map((e) => `${e.kind} ${e.status ?? ''}`)),
        new Set(['message-sent ', 'status-changed waiting']),
      );
      assert.equal(detail.events.length, 2);
      // Anonymous (no contact details): no notice, the reporter reads it with their code.
      assert.deepEqual(await noticesOf(id), []);

      // Already waiting: the message is added, nothing else changes.
      assert.equal((await write({ body: 'Nog een vraag', waitForReply: true })).status, 201);
      detail = reportDetailSchema.parse(await readJson(await s.ask(`/reports/${id}`)));
      assert.equal(detail.revision, 1);
      assert.equal(detail.events.filter((e) => e.kind === 'status-changed').length, 1);
      assert.equal(detail.messages.length, 2);

      // The officer moves it on (waiting → in progress → closed), as the workflow allows.
      const patch = (body: unknown, revision: number) =>
        s.ask(`/reports/${id}`, { method: 'PATCH', body, headers: { 'If-Match': `"${revision}"` } });
      assert.equal((await patch({ status: 'in-progress' }, 1)).status, 200);
      assert.equal((await patch({ status: 'waiting' }, 2)).status, 200, 'waiting is a status of PATCH too');
      assert.equal((await patch({ status: 'closed', closingReason: 'handled' }, 3)).status, 200);

      const refused = await write({ body: 'Wacht op antwoord', waitForReply: true });
      assert.equal(refused.status, 409);
      assert.match((await readJson(refused)).type, /status-move-not-allowed$/);
      assert.equal((await write({ body: 'We hebben de melding afgesloten.' })).status, 201);
      detail = reportDetailSchema.parse(await readJson(await s.ask(`/reports/${id}`)));
      assert.equal(detail.status, 'closed');
      assert.deepEqual(
        new Set(detail.messages.map((m) => m.body)),
        new Set(['Mag ik u iets vragen?', 'Nog een vraag', 'We hebben de melding afgesloten.']),
      );
      const sent = (await auditOf(s.tenant.id)).filter((e) => e.action === 'report.message-sent');
      assert.deepEqual(
        sent.map((e) => e.details),
        [
          { length: 'Mag ik u iets vragen?'.length, waitForReply: true },
          { length: 'Nog een vraag'.length, waitForReply: true },
          { length: 'We hebben de melding afgesloten.'.length, waitForReply: false },
        ],
      );
    });

    it('refuses without a receipt code (409 no-follow-up-channel), an invalid message (422), another tenant’s report and an analyst (404), another origin (403) — storing nothing', async () => {
      const s = await setup();
      const id = await s.report({ contact: { email: 'geen-code@example.org', wantsFollowUp: true } });
      await withoutReceiptCode(id);
      let res = await s.ask(`/reports/${id}/messages`, { method: 'POST', body: { body: 'Hallo' } });
      assert.equal(res.status, 409);
      const problem = await readJson(res);
      assert.match(problem.type, /no-follow-up-channel$/);
      assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
      assert.ok(problem.detail);

      await withReceiptCode(id);
      for (const body of [
        {},
        { body: '   ' },
        { body: 'x'.repeat(4001) },
        { body: 'Hallo', extra: 1 },
        { body: 'Hallo', waitForReply: 'ja' },
      ]) {
        res = await s.ask(`/reports/${id}/messages`, { method: 'POST', body });
        assert.equal(res.status, 422, JSON.stringify(body).slice(0, 40));
        assert.ok((await readJson(res)).errors.length > 0);
      }

      const other = await ctx.createTenant();
      const { id: theirs } = await sendReport(ctx, other.slug, minimalReport());
      await withReceiptCode(theirs);
      for (const reportId of [theirs, randomUUID(), 'not-an-id']) {
        res = await s.ask(`/reports/${reportId}/messages`, { method: 'POST', body: { body: 'Hallo' } });
        assert.equal(res.status, 404, reportId);
      }
      const analyst = await createStaff(ctx, { tenantId: s.tenant.id, roles: ['analyst', 'admin'] });
      res = await ctx.app.request(
        `${s.base}/reports/${id}/messages`,
        asConsole(await signIn(ctx, analyst.id), { method: 'POST', body: { body: 'Hallo' } }),
      );
      assert.equal(res.status, 404, 'an analyst learns nothing of which reports exist');
      res = await ctx.app.request(
        `${s.base}/reports/${id}/messages`,
        asConsole(s.cookie, { method: 'POST', body: { body: 'Hallo' }, headers: { Origin: 'https://evil.example' } }),
      );
      assert.equal(res.status, 403);
      assert.match((await readJson(res)).type, /cross-site-request$/);

      const stored = await ctx.db
        .selectFrom('report_message')
        .select('id')
        .where('report_id', 'in', [id, theirs])
        .execute();
      assert.deepEqual(stored, []);
      assert.deepEqual(await noticesOf(id), []);
      assert.ok(!(await auditOf(s.tenant.id)).some((e) => e.action === 'report.message-sent'));
    });

    it('shows the reporter’s replies in the thread and their feedback; the inbox filters waiting; a failed notice is no delivery problem', async () => {
      const s = await setup();
      const id = await s.report({ contact: { phone: '06 12345678', wantsFollowUp: true } });
      const other = await s.report();
      await withoutReceiptCode(other);
      await withReceiptCode(id);
      await s.ask(`/reports/${id}/messages`, {
        method: 'POST',
        body: { body: 'Wanneer was het?', waitForReply: true },
      });
      // What the reporter's side (part A) writes: a reply (a minute later), its event, and feedback.
      const later = new Date(Date.now() + 60_000);
      await ctx.db
        .insertInto('report_message')
        .values({
          tenant_id: s.tenant.id,
          report_id: id,
          sender: 'reporter',
          author_id: null,
          body: 'Vrijdagavond',
          created_at: later,
        })
        .execute();
      await ctx.db
        .insertInto('report_event')
        .values({
          tenant_id: s.tenant.id,
          report_id: id,
          actor_id: null,
          kind: 'reporter-replied',
          details: '{}',
          created_at: later,
        })
        .execute();
      await ctx.db
        .insertInto('report_feedback')
        .values([
          { tenant_id: s.tenant.id, report_id: id, moment: 'closed', rating: 4, comment: null },
          { tenant_id: s.tenant.id, report_id: id, moment: 'sent', rating: 2, comment: 'Spannend om te doen' },
        ])
        .execute();

      const detail = reportDetailSchema.parse(await readJson(await s.ask(`/reports/${id}`)));
      assert.deepEqual(
        detail.messages.map((m) => [m.from, m.author?.id ?? null, m.body]),
        [
          ['municipality', s.officer.id, 'Wanneer was het?'],
          ['reporter', null, 'Vrijdagavond'],
        ],
      );
      assert.deepEqual(
        detail.feedback.map((f) => [f.moment, f.rating, f.comment]),
        [
          ['sent', 2, 'Spannend om te doen'],
          ['closed', 4, null],
        ],
      );
      assert.deepEqual(detail.events.map((e) => [e.kind, e.by?.id ?? null]).slice(2), [['reporter-replied', null]]);
      assert.deepEqual(
        new Set(detail.events.slice(0, 2).map((e) => `${e.kind} ${e.by?.id}`)),
        new Set([`message-sent ${s.officer.id}`, `status-changed ${s.officer.id}`]),
      );
      // Another report: no code, no thread.
      const plain = reportDetailSchema.parse(await readJson(await s.ask(`/reports/${other}`)));
      assert.equal(plain.receiptCode, false);
      assert.deepEqual([plain.messages, plain.feedback], [[], []]);

      assert.deepEqual(await s.ids('?status=waiting'), [id]);
      assert.deepEqual(new Set(await s.ids('?status=new,waiting')), new Set([id, other]));
      // A phone number only: the notice fails (`no-address`, as the worker finds) — the officer cannot fix
      // that, and the report's own forwarding went fine, so the inbox shows no delivery problem.
      const failed = await ctx.db
        .updateTable('delivery')
        .set({ status: 'failed', last_error: 'no-address' })
        .where('report_id', '=', id)
        .where('kind', '=', 'reporter-notice')
        .executeTakeFirst();
      assert.equal(failed.numUpdatedRows, 1n);
      const row = (await s.inbox('?status=waiting')).reports[0];
      assert.equal(row?.deliveryProblem, false);
      await ctx.db
        .updateTable('delivery')
        .set({ status: 'failed' })
        .where('report_id', '=', id)
        .where('kind', '=', 'report')
        .execute();
      assert.equal((await s.inbox('?status=waiting')).reports[0]?.deliveryProblem, true);
    });

    it('a withdrawn report answers 410 with when (unaudited); the withdrawals list the last 90 days, newest first, the tenant’s only', async () => {
      const s = await setup();
      const other = await ctx.createTenant();
      /** What the reporter's withdrawal leaves: the tombstone, and the report deleted with all of it. */
      const withdraw = async (tenantId: string, reportId: string, daysAgo: number) => {
        const report = await ctx.db
          .selectFrom('report')
          .select(['reference', 'received_at'])
          .where('id', '=', reportId)
          .executeTakeFirstOrThrow();
        await ctx.db
          .insertInto('report_withdrawal')
          .values({
            tenant_id: tenantId,
            report_id: reportId,
            reference: report.reference,
            received_at: report.received_at,
            withdrawn_at: new Date(Date.now() - daysAgo * day),
          })
          .execute();
        await ctx.db.deleteFrom('report').where('id', '=', reportId).execute();
        return report.reference;
      };
      const recent = await s.report({}, 3);
      const earlier = await s.report({}, 20);
      const long = await s.report({}, 200);
      const recentRef = await withdraw(s.tenant.id, recent, 1);
      const earlierRef = await withdraw(s.tenant.id, earlier, 10);
      await withdraw(s.tenant.id, long, 120);
      const { id: theirs } = await sendReport(ctx, other.slug, minimalReport());
      await withdraw(other.id, theirs, 1);

      let res = await s.ask(`/reports/${recent}`);
      assert.equal(res.status, 410);
      const problem = await readJson(res);
      assert.match(problem.type, /report-withdrawn$/);
      assert.ok(Math.abs(new Date(problem.withdrawnAt).getTime() - (Date.now() - day)) < 60_000);
      assert.ok(!(await auditOf(s.tenant.id)).some((e) => e.action === 'report.viewed'), 'nothing was seen');
      // Another tenant's withdrawn report reads as unknown; so does an analyst's look at this one.
      assert.equal((await s.ask(`/reports/${theirs}`)).status, 404);
      const analyst = await createStaff(ctx, { tenantId: s.tenant.id, roles: ['analyst'] });
      const analystCookie = await signIn(ctx, analyst.id);
      assert.equal((await ctx.app.request(`${s.base}/reports/${recent}`, asConsole(analystCookie))).status, 404);

      res = await s.ask('/withdrawals');
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      const list = withdrawalListSchema.parse(await readJson(res));
      assert.deepEqual(
        list.withdrawals.map((w) => [w.reportId, w.reference]),
        [
          [recent, recentRef],
          [earlier, earlierRef],
        ],
      );
      assert.ok(list.withdrawals[0]!.receivedAt < list.withdrawals[0]!.withdrawnAt);
      assert.equal((await ctx.app.request(`${s.base}/withdrawals`, asConsole(analystCookie))).status, 404);
    });
  });
});

import assert from 'node:assert/strict';
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import {
  followUpViewSchema,
  normaliseReceiptCode,
  problemSchema,
  receiptAlphabet,
  type FollowUpView,
  type ReportCreated,
} from '@meldpunt/contracts';
import { importDemoAreas } from '../../areas/demo-areas.ts';
import { GuessLimiter } from '../../follow-up/guess-limiter.ts';
import { queueReporterNotice } from '../../follow-up/notices.ts';
import { ReceiptKeys } from '../../follow-up/receipt-keys.ts';
import { signToken } from '../../follow-up/tokens.ts';
import { purposes, ServerSecret } from '../../secrets/server-secret.ts';
import { importTenant } from '../../tenants/tenant-service.ts';
import {
  databaseKind,
  minimalReport,
  randomIp,
  readJson,
  sendReport,
  solvedProof,
  tenantDocument,
  useTestContext,
} from '../../../test/helpers.ts';
import { openApiDocument } from './openapi.ts';

type App = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

const allowedOrigin = 'https://www.testgemeente.example';
const places = { eindhoven: { lat: 51.4416, lng: 5.4697 } };

describe(`follow-up by receipt code (${databaseKind})`, () => {
  // Its own database on PostgreSQL: the routing test imports municipal areas (they apply to every
  // tenant there), and the dump test reads every table.
  const ctx = useTestContext({ ownDatabase: true });

  /** POSTs `{ code }` to the follow-up of `slug` from a client address (a fresh one unless given). */
  function lookUp(app: App, slug: string, code: unknown, headers: Record<string, string> = {}) {
    return Promise.resolve(
      app.request(`/api/v1/tenants/${slug}/follow-up`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': randomIp(), ...headers },
        body: JSON.stringify({ code }),
      }),
    );
  }

  /** A follow-up act with the token; `body` as JSON when given. */
  function act(slug: string, action: string, token: string | undefined, body?: unknown, app: App = ctx.app) {
    return Promise.resolve(
      app.request(`/api/v1/tenants/${slug}/follow-up/${action}`, {
        method: 'POST',
        headers: {
          ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          'X-Forwarded-For': randomIp(),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
  }

  async function view(res: Response, status = 200): Promise<FollowUpView> {
    assert.equal(res.status, status, await res.clone().text());
    assert.equal(res.headers.get('cache-control'), 'no-store');
    return followUpViewSchema.parse(await readJson(res));
  }

  async function problem(res: Response, status: number, type: string) {
    assert.equal(res.status, status, await res.clone().text());
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const body = problemSchema.parse(await readJson(res));
    assert.equal(body.type, `https://meldpunt.dev/problems/${type}`);
    return body;
  }

  /** A report that gets a receipt code (its tenant follows up), and its 201. */
  async function reportWithCode(
    slug?: string,
    overrides: Record<string, unknown> = {},
  ): Promise<{ slug: string; tenantId: string; created: ReportCreated & { receiptCode: string } }> {
    const tenant = slug ? { slug, id: '' } : await ctx.createTenant();
    const created = await sendReport(ctx, tenant.slug, minimalReport(overrides));
    assert.ok(created.receiptCode, 'a tenant that follows up gives a receipt code');
    return { slug: tenant.slug, tenantId: tenant.id, created: { ...created, receiptCode: created.receiptCode } };
  }

  async function reportRow(id: string) {
    return ctx.db.selectFrom('report').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Everything of a response but its request id: what must be the same for every failed look-up. */
  async function answerOf(res: Response) {
    const headers = [...res.headers.entries()].filter(([name]) => name !== 'x-request-id');
    return { status: res.status, headers, body: await res.text() };
  }

  describe('the receipt code in the 201', () => {
    it('80 random bits as 16 Crockford base32 characters in four groups, stored only as its keyed hash', async () => {
      const codes = new Set<string>();
      const counts = new Map<string, number>();
      const { created } = await reportWithCode();
      const row = await reportRow(created.id);
      const normalised = normaliseReceiptCode(created.receiptCode);
      assert.ok(normalised);
      const derived = new ServerSecret(ctx.serverSecret).deriveKey(purposes.receiptCode);
      assert.equal(row?.receipt_key_id, 1);
      assert.equal(row?.receipt_hash, createHmac('sha256', derived).update(normalised).digest('base64url'));
      assert.ok(created.feedbackToken);

      // Entropy, from the route's own codes: each of the 32 symbols about equally often in every position.
      const tenant = await ctx.createTenant();
      for (let i = 0; i < 40; i++) {
        const code = (await sendReport(ctx, tenant.slug)).receiptCode;
        assert.match(code ?? '', new RegExp(`^([${receiptAlphabet}]{4}-){3}[${receiptAlphabet}]{4}$`));
        codes.add(code ?? '');
      }
      assert.equal(codes.size, 40, 'no two codes alike');
      const { newReceiptCode } = await import('../../follow-up/receipt-keys.ts');
      for (let i = 0; i < 2000; i++) {
        for (const character of newReceiptCode()) counts.set(character, (counts.get(character) ?? 0) + 1);
      }
      assert.equal(counts.size, 32, 'every symbol of the alphabet occurs');
      // 32 000 characters: 1000 of each expected, σ ≈ 31; 800–1200 is more than six σ either way.
      for (const [character, n] of counts) assert.ok(n > 800 && n < 1200, `${character}: ${n}`);
    });

    it('a receiver without follow-up gives no code, but a feedback token all the same', async () => {
      const tenant = await ctx.createTenant({
        config: {
          followUp: { mode: 'none', response: { title: { nl: 'Bedankt' }, body: { nl: 'Geen opvolging.' } } },
        },
      });
      const created = await sendReport(ctx, tenant.slug);
      assert.equal(created.followUp, 'none');
      assert.equal(created.receiptCode, undefined);
      assert.ok(created.feedbackToken);
      assert.equal((await reportRow(created.id))?.receipt_hash, null);
    });

    it('a replay (same Idempotency-Key and body) answers the original 201 with a new code; the old one dies, and its tokens', async () => {
      const tenant = await ctx.createTenant();
      const headers = { 'Idempotency-Key': randomUUID() };
      const first = await sendReport(ctx, tenant.slug, minimalReport(), { headers });
      const opened = await view(await lookUp(ctx.app, tenant.slug, first.receiptCode));

      const replay = await sendReport(ctx, tenant.slug, minimalReport(), { headers });
      assert.equal(replay.id, first.id);
      assert.equal(replay.reference, first.reference);
      assert.ok(replay.receiptCode);
      assert.notEqual(replay.receiptCode, first.receiptCode);
      assert.ok(replay.feedbackToken);

      await problem(await lookUp(ctx.app, tenant.slug, first.receiptCode), 404, 'receipt-code-unknown');
      await problem(
        await act(tenant.slug, 'replies', opened.token, { body: 'Hallo?' }),
        401,
        'follow-up-token-invalid',
      );
      const again = await view(await lookUp(ctx.app, tenant.slug, replay.receiptCode));
      assert.equal(again.reference, first.reference);
    });
  });

  describe('looking up', () => {
    it('opens the report: reference, receiver, status in the reporter’s words, the thread without names, no notes', async () => {
      const { slug, created } = await reportWithCode(undefined, { locale: 'en' });
      const row = await reportRow(created.id);
      const officer = await ctx.db
        .insertInto('staff')
        .values({ id: randomUUID(), email: `officer-${randomUUID().slice(0, 8)}@example.nl`, name: 'Officer Name' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await ctx.db
        .insertInto('report_message')
        .values({
          tenant_id: row!.tenant_id,
          report_id: created.id,
          sender: 'municipality',
          author_id: officer.id,
          body: 'Waar precies bij het station?',
        })
        .execute();
      await ctx.db
        .insertInto('report_note')
        .values({ tenant_id: row!.tenant_id, report_id: created.id, author_id: officer.id, body: 'Interne notitie' })
        .execute();

      // Typed loosely: lower case, spaces, O for 0 and I/L for 1 are all forgiven.
      const typed = created.receiptCode.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o').replaceAll('1', 'l');
      const res = await lookUp(ctx.app, slug, typed);
      const opened = await view(res);
      assert.equal(opened.reference, created.reference);
      assert.deepEqual(opened.receiver, { slug, name: 'Gemeente Test' });
      assert.equal(opened.locale, 'en');
      assert.equal(opened.status, 'received');
      assert.equal(opened.canReply, true);
      assert.equal(opened.hasContact, false);
      assert.deepEqual(opened.feedbackGiven, []);
      assert.deepEqual(
        opened.messages.map((m) => [m.from, m.body]),
        [['municipality', 'Waar precies bij het station?']],
      );
      const text = JSON.stringify(opened);
      assert.ok(!text.includes('Officer Name') && !text.includes(officer.id), 'never an officer’s name or id');
      assert.ok(!text.includes('Interne notitie'), 'never an internal note');
      const expires = Date.parse(opened.tokenExpiresAt) - Date.now();
      assert.ok(expires > 14 * 60_000 && expires <= 15 * 60_000, `token for 15 minutes, not ${expires} ms`);

      for (const [status, words] of [
        ['in-progress', 'looking'],
        ['waiting', 'waiting'],
        ['referred', 'referred'],
        ['closed', 'closed'],
      ] as const) {
        await ctx.db.updateTable('report').set({ status }).where('id', '=', created.id).execute();
        const seen = await view(await lookUp(ctx.app, slug, created.receiptCode));
        assert.equal(seen.status, words);
        assert.equal(seen.canReply, status !== 'closed');
      }
    });

    it('works wherever the report went: a national report placed in Eindhoven is Eindhoven’s, from any reporting point', async () => {
      const imported = await importDemoAreas(ctx.db);
      assert.equal(imported.count, 342);
      const national = `fu-national-${randomUUID().slice(0, 8)}`;
      const eindhoven = `fu-eindhoven-${randomUUID().slice(0, 8)}`;
      await importTenant(
        ctx.db,
        tenantDocument(national, { config: { kind: 'national', name: 'Meldpunt Nederland (test)' } }),
      );
      const e = await importTenant(
        ctx.db,
        tenantDocument(eindhoven, { config: { municipalityCode: 'GM0772', name: 'Eindhoven (test)' } }),
      );
      await ctx.deps.receivers.refresh();

      const created = await sendReport(ctx, national, minimalReport({ location: places.eindhoven }));
      assert.equal(created.tenant, eindhoven);
      assert.ok(created.receiptCode);
      assert.equal((await reportRow(created.id))?.tenant_id, e.tenantId);

      for (const from of [national, eindhoven, (await ctx.createTenant()).slug]) {
        const opened = await view(await lookUp(ctx.app, from, created.receiptCode));
        assert.deepEqual(opened.receiver, { slug: eindhoven, name: 'Eindhoven (test)' });
        assert.equal(opened.reference, created.reference);
      }
    });

    it('the embedding point’s origin is checked: another site’s page is refused, an allowed one gets CORS with Authorization', async () => {
      const { slug, created } = await reportWithCode();
      const refused = await lookUp(ctx.app, slug, created.receiptCode, { Origin: 'https://evil.example' });
      await problem(refused, 403, 'origin-not-allowed');
      assert.equal(refused.headers.get('access-control-allow-origin'), null);

      const allowed = await lookUp(ctx.app, slug, created.receiptCode, { Origin: allowedOrigin });
      await view(allowed);
      assert.equal(allowed.headers.get('access-control-allow-origin'), allowedOrigin);

      const preflight = await ctx.app.request(`/api/v1/tenants/${slug}/follow-up/replies`, {
        method: 'OPTIONS',
        headers: {
          Origin: allowedOrigin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization, content-type',
        },
      });
      assert.equal(preflight.status, 204);
      assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /\bAuthorization\b/);
      assert.equal(preflight.headers.get('access-control-allow-origin'), allowedOrigin);
      const unknownTenant = await lookUp(ctx.app, 'no-such-point', created.receiptCode);
      await problem(unknownTenant, 404, 'not-found');
    });

    it('refuses a body that is not JSON, and one that is not `{ code }`', async () => {
      const slug = (await ctx.createTenant()).slug;
      const plain = await ctx.app.request(`/api/v1/tenants/${slug}/follow-up`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: 'ABCD-EFGH',
      });
      await problem(plain, 415, 'unsupported-media-type');
      await problem(await lookUp(ctx.app, slug, 12345), 422, 'validation');
      const huge = await ctx.app.request(`/api/v1/tenants/${slug}/follow-up`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code: 'x'.repeat(20_000) }),
      });
      await problem(huge, 413, 'payload-too-large');
    });
  });

  describe('guessing', () => {
    it('20 wrong codes sent at once from one client: counted before they are looked up — 6 tried, 14 refused', async () => {
      const app = ctx.appWith({
        guessLimiter: new GuessLimiter(
          ctx.deps,
          {},
          { now: () => Date.parse('2026-12-10T10:00:00Z'), scope: randomUUID() },
        ),
      });
      const slug = (await ctx.createTenant()).slug;
      const client = { 'X-Forwarded-For': '203.0.113.9' };
      const answers = await Promise.all(Array.from({ length: 20 }, () => lookUp(app, slug, randomCode(), client)));
      assert.deepEqual(answers.map((r) => r.status).sort(), [
        ...Array<number>(6).fill(404),
        ...Array<number>(14).fill(429),
      ]);
    });

    it('20 wrong codes from one client: 5 answered as unknown, then 429 with Retry-After — every failure alike, and only for that client', async () => {
      let now = Date.parse('2026-12-10T10:00:00Z');
      const limiter = new GuessLimiter(ctx.deps, {}, { now: () => now, scope: randomUUID() });
      const app = ctx.appWith({ guessLimiter: limiter });
      const { slug, created } = await reportWithCode();
      const withdrawn = await reportWithCode(slug);
      const opened = await view(await lookUp(app, slug, withdrawn.created.receiptCode));
      assert.equal((await act(slug, 'withdrawal', opened.token, undefined, app)).status, 204);

      const client = { 'X-Forwarded-For': '2001:db8:aa:1::1' };
      const wrong = [
        'not a code',
        'ABCD',
        '0000-0000-0000-0000',
        withdrawn.created.receiptCode,
        `${created.receiptCode.slice(0, -1)}${created.receiptCode.endsWith('Z') ? 'Y' : 'Z'}`,
      ];
      const answers = [];
      for (const code of wrong) answers.push(await answerOf(await lookUp(app, slug, code, client)));
      for (const answer of answers) assert.deepEqual(answer, answers[0], 'every failure answers byte for byte alike');
      assert.equal(answers[0]?.status, 404);

      // The sixth failure starts the wait; from then on every attempt is a 429 at once — the right code too.
      await lookUp(app, slug, randomCode(), client);
      const limited = [];
      for (let i = 0; i < 14; i++) {
        // Another address of the same /64 is the same client.
        const from = { 'X-Forwarded-For': `2001:db8:aa:1::${(i + 2).toString(16)}` };
        limited.push(await lookUp(app, slug, i === 13 ? created.receiptCode : randomCode(), from));
      }
      for (const res of limited) {
        await problem(res, 429, 'too-many-attempts');
        assert.equal(res.headers.get('retry-after'), '1');
      }
      // Another client is not held up.
      await view(await lookUp(app, slug, created.receiptCode, { 'X-Forwarded-For': '2001:db8:bb:1::1' }));

      // After the wait the right code opens the report; it does not count as a failure (nor does it wipe
      // any), though the wait its attempt started stands. Then each further failure doubles the wait.
      now += 1000;
      await view(await lookUp(app, slug, created.receiptCode, client));
      assert.equal((await lookUp(app, slug, randomCode(), client)).headers.get('retry-after'), '2');
      now += 2000;
      await problem(await lookUp(app, slug, randomCode(), client), 404, 'receipt-code-unknown');
      assert.equal((await lookUp(app, slug, randomCode(), client)).headers.get('retry-after'), '2');
      now += 2000;
      await problem(await lookUp(app, slug, randomCode(), client), 404, 'receipt-code-unknown');
      assert.equal((await lookUp(app, slug, randomCode(), client)).headers.get('retry-after'), '4');
    });
  });

  describe('with the token', () => {
    it('a reply joins the thread, tells the tenant (content-free), and moves a waiting report back to in progress', async () => {
      const { slug, created } = await reportWithCode();
      await ctx.db.updateTable('report').set({ status: 'waiting', revision: 3 }).where('id', '=', created.id).execute();
      const opened = await view(await lookUp(ctx.app, slug, created.receiptCode));
      assert.equal(opened.status, 'waiting');

      const replied = await view(
        await act(slug, 'replies', opened.token, { body: '  Bij de fietsenstalling.  ' }),
        201,
      );
      assert.deepEqual(
        replied.messages.map((m) => [m.from, m.body]),
        [['reporter', 'Bij de fietsenstalling.']],
      );
      assert.equal(replied.status, 'looking');
      assert.ok(replied.tokenExpiresAt >= opened.tokenExpiresAt, 'a fresh token with each answer');

      const row = await reportRow(created.id);
      assert.equal(row?.status, 'in-progress');
      assert.equal(row?.revision, 4);
      assert.ok(row?.status_changed_at);
      const events = await ctx.db
        .selectFrom('report_event')
        .select(['kind', 'details', 'actor_id'])
        .where('report_id', '=', created.id)
        .orderBy('created_at')
        .orderBy('kind')
        .execute();
      assert.deepEqual(
        events.map((e) => [e.kind, e.actor_id]),
        [
          ['reporter-replied', null],
          ['status-changed', null],
        ],
      );
      assert.equal(events[1]?.details.status, 'in-progress');
      const notices = await ctx.db
        .selectFrom('delivery')
        .select(['kind', 'target', 'status'])
        .where('report_id', '=', created.id)
        .where('kind', '=', 'reply-notice')
        .execute();
      assert.deepEqual(notices, [{ kind: 'reply-notice', target: 'oov@testgemeente.example', status: 'queued' }]);

      // Not waiting: a reply leaves the status (and revision) alone.
      const second = await view(await act(slug, 'replies', replied.token, { body: 'Nog iets.' }), 201);
      assert.equal(second.messages.length, 2);
      assert.equal((await reportRow(created.id))?.revision, 4);
      await problem(await act(slug, 'replies', replied.token, { body: '   ' }), 422, 'validation');
      await problem(await act(slug, 'replies', replied.token, { body: 'x'.repeat(2001) }), 422, 'validation');
    });

    it('a closed report takes no replies (409) but its feedback question; `closed` feedback before closing is 409', async () => {
      const { slug, created } = await reportWithCode();
      const opened = await view(await lookUp(ctx.app, slug, created.receiptCode));
      await problem(
        await act(slug, 'feedback', opened.token, { moment: 'closed', rating: 4 }),
        409,
        'report-not-closed',
      );
      await ctx.db.updateTable('report').set({ status: 'closed' }).where('id', '=', created.id).execute();
      await problem(await act(slug, 'replies', opened.token, { body: 'Nog een vraag' }), 409, 'report-closed');
      assert.equal(
        (await ctx.db.selectFrom('report_message').select('id').where('report_id', '=', created.id).execute()).length,
        0,
      );
      const res = await act(slug, 'feedback', opened.token, {
        moment: 'closed',
        rating: 4,
        comment: 'Fijn dat er iets mee gedaan is.',
      });
      assert.equal(res.status, 204, await res.clone().text());
      assert.equal(res.headers.get('cache-control'), 'no-store');
      const again = await act(slug, 'feedback', opened.token, { moment: 'closed', rating: 5 });
      assert.equal(again.status, 204);
      const feedback = await ctx.db
        .selectFrom('report_feedback')
        .selectAll()
        .where('report_id', '=', created.id)
        .execute();
      assert.deepEqual(
        feedback.map((f) => [f.moment, f.rating, f.comment]),
        [['closed', 5, null]],
        'answering again replaces',
      );
      const seen = await view(await lookUp(ctx.app, slug, created.receiptCode));
      assert.deepEqual(seen.feedbackGiven, ['closed']);
      assert.equal(seen.canReply, false);
    });

    it('erasing the contact details: gone, on record without content, and the notices not yet sent go too', async () => {
      const { slug, tenantId, created } = await reportWithCode(undefined, {
        contact: { email: 'melder@example.org', wantsFollowUp: true },
      });
      assert.equal(await queueReporterNotice(ctx.db, { id: created.id, tenant_id: tenantId }), true);
      const opened = await view(await lookUp(ctx.app, slug, created.receiptCode));
      assert.equal(opened.hasContact, true);

      const erased = await view(await act(slug, 'contact-erasure', opened.token));
      assert.equal(erased.hasContact, false);
      const row = await reportRow(created.id);
      assert.equal(row?.contact_sealed, null);
      assert.equal(row?.wants_follow_up, false);
      assert.ok(row?.contact_erased_at);
      assert.deepEqual(
        await ctx.db.selectFrom('delivery').select('kind').where('report_id', '=', created.id).execute(),
        [{ kind: 'report' }],
        'the queued reporter notice is dropped; the report’s own delivery stays',
      );
      const event = await ctx.db
        .selectFrom('report_event')
        .select(['kind', 'actor_id'])
        .where('report_id', '=', created.id)
        .execute();
      assert.deepEqual(event, [{ kind: 'contact-erased-by-reporter', actor_id: null }]);
      const audit = await ctx.db
        .selectFrom('audit_entry')
        .select(['action', 'actor_kind', 'target_kind', 'target_id', 'details'])
        .where('tenant_id', '=', tenantId)
        .where('action', '=', 'report.contact-erased')
        .execute();
      assert.deepEqual(audit, [
        {
          action: 'report.contact-erased',
          actor_kind: 'system',
          target_kind: 'report',
          target_id: created.id,
          details: {},
        },
      ]);
    });

    it('withdrawing: the report and everything of it go, a tombstone stays; the code is then unknown and the token dead', async () => {
      const { slug, tenantId, created } = await reportWithCode(undefined, {
        contact: { email: 'melder@example.org', wantsFollowUp: true },
      });
      const opened = await view(await lookUp(ctx.app, slug, created.receiptCode));
      const replied = await view(await act(slug, 'replies', opened.token, { body: 'Een antwoord' }), 201);
      await ctx.db
        .insertInto('report_note')
        .values({ tenant_id: tenantId, report_id: created.id, author_id: null, body: 'notitie' })
        .execute();
      const feedback = await ctx.app.request(`/api/v1/tenants/${slug}/reports/${created.id}/feedback`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${created.feedbackToken}` },
        body: JSON.stringify({ moment: 'sent', rating: 3 }),
      });
      assert.equal(feedback.status, 204);
      const received = (await reportRow(created.id))!.received_at;

      const res = await act(slug, 'withdrawal', replied.token);
      assert.equal(res.status, 204, await res.clone().text());
      assert.equal(res.headers.get('cache-control'), 'no-store');

      assert.equal(await reportRow(created.id), undefined);
      for (const table of ['report_message', 'report_note', 'report_event', 'report_feedback', 'delivery'] as const) {
        const { rows } = await sql<{
          n: string;
        }>`select count(*) as n from ${sql.table(table)} where report_id = ${created.id}`.execute(ctx.db);
        assert.equal(Number(rows[0]?.n), 0, `${table} of the report deleted`);
      }
      const tombstone = await ctx.db
        .selectFrom('report_withdrawal')
        .selectAll()
        .where('report_id', '=', created.id)
        .executeTakeFirstOrThrow();
      assert.equal(tombstone.tenant_id, tenantId);
      assert.equal(tombstone.reference, created.reference);
      assert.equal(tombstone.received_at.getTime(), received.getTime());
      const audit = await ctx.db
        .selectFrom('audit_entry')
        .select(['actor_kind', 'target_id', 'details'])
        .where('tenant_id', '=', tenantId)
        .where('action', '=', 'report.withdrawn')
        .execute();
      assert.deepEqual(audit, [{ actor_kind: 'system', target_id: created.id, details: {} }]);

      const unknown = await answerOf(await lookUp(ctx.app, slug, randomCode()));
      assert.deepEqual(await answerOf(await lookUp(ctx.app, slug, created.receiptCode)), unknown);
      await problem(await act(slug, 'replies', replied.token, { body: 'Nog iets' }), 401, 'follow-up-token-invalid');
      await problem(await act(slug, 'withdrawal', replied.token), 401, 'follow-up-token-invalid');
    });

    it('refuses a missing, expired, forged, foreign or other-purpose token — 401, nothing done', async () => {
      const { slug, created } = await reportWithCode();
      const other = await reportWithCode(slug);
      const opened = await view(await lookUp(ctx.app, slug, created.receiptCode));
      const secret = ctx.deps.serverSecret;
      const hash = (await reportRow(created.id))!.receipt_hash!;
      const [v, , expires, purpose, mac] = opened.token.split('.');
      const expired = signToken(secret, {
        reportId: created.id,
        purpose: 'follow-up',
        binding: hash,
        expiresAt: new Date(Date.now() - 1000),
      }).token;
      const otherSecret = signToken(new ServerSecret(randomBytes(32)), {
        reportId: created.id,
        purpose: 'follow-up',
        binding: hash,
        expiresAt: new Date(Date.now() + 600_000),
      }).token;
      const tokens = {
        missing: undefined,
        garbage: 'not-a-token',
        expired,
        'signed with another secret': otherSecret,
        'mac changed': `${opened.token.slice(0, -2)}${opened.token.endsWith('AA') ? 'BB' : 'AA'}`,
        'expiry moved': `${v}.${created.id}.${Number(expires) + 3600}.${purpose}.${mac}`,
        'another report’s id': `${v}.${other.created.id}.${expires}.${purpose}.${mac}`,
        'the feedback token': created.feedbackToken,
      };
      for (const [name, token] of Object.entries(tokens)) {
        const res = await act(slug, 'replies', token, { body: 'Hallo' });
        await problem(res, 401, 'follow-up-token-invalid');
        assert.equal(res.headers.get('www-authenticate'), 'Bearer', name);
      }
      assert.equal(
        (
          await ctx.db
            .selectFrom('report_message')
            .select('id')
            .where('report_id', 'in', [created.id, other.created.id])
            .execute()
        ).length,
        0,
      );
      // The real one works, for its own report only.
      const replied = await view(await act(slug, 'replies', opened.token, { body: 'Hallo' }), 201);
      assert.equal(replied.reference, created.reference);
    });

    it('feedback after sending, with the 201’s token: stored for the receiving tenant; one answer per moment', async () => {
      const { slug, tenantId, created } = await reportWithCode();
      const url = `/api/v1/tenants/${slug}/reports/${created.id}/feedback`;
      const send = (body: unknown, token: string | null | undefined = created.feedbackToken, path = url) =>
        Promise.resolve(
          ctx.app.request(path, {
            method: 'POST',
            headers: {
              'Content-Type': 'application/json',
              ...(token ? { Authorization: `Bearer ${token}` } : {}),
            },
            body: JSON.stringify(body),
          }),
        );
      const first = await send({ moment: 'sent', rating: 2, comment: 'Het formulier was lang.' });
      assert.equal(first.status, 204, await first.clone().text());
      assert.equal(first.headers.get('cache-control'), 'no-store');
      assert.equal((await send({ moment: 'sent', rating: 4 })).status, 204);
      const rows = await ctx.db.selectFrom('report_feedback').selectAll().where('report_id', '=', created.id).execute();
      assert.deepEqual(
        rows.map((r) => [r.tenant_id, r.moment, r.rating, r.comment]),
        [[tenantId, 'sent', 4, null]],
      );

      await problem(await send({ moment: 'closed', rating: 4 }), 422, 'validation');
      await problem(await send({ moment: 'sent', rating: 6 }), 422, 'validation');
      await problem(await send({ moment: 'sent', rating: 4 }, null), 401, 'follow-up-token-invalid');
      const other = await reportWithCode(slug);
      await problem(
        await send(
          { moment: 'sent', rating: 4 },
          created.feedbackToken,
          `/api/v1/tenants/${slug}/reports/${other.created.id}/feedback`,
        ),
        401,
        'follow-up-token-invalid',
      );
      const opened = await view(await lookUp(ctx.app, slug, created.receiptCode));
      await problem(await send({ moment: 'sent', rating: 4 }, opened.token), 401, 'follow-up-token-invalid');
      const evil = await ctx.app.request(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${created.feedbackToken}`,
          Origin: 'https://evil.example',
        },
        body: JSON.stringify({ moment: 'sent', rating: 1 }),
      });
      await problem(evil, 403, 'origin-not-allowed');
    });

    it('codes hashed under an old receipt key are still found after a rotation; new ones use the new key', async () => {
      const { slug, created } = await reportWithCode();
      const newKey = randomBytes(32);
      const rotated = ReceiptKeys.fromEnv(`2:${newKey.toString('base64')}`, undefined, ctx.deps.serverSecret);
      assert.deepEqual(rotated.ids, [1, 2]);
      const app = ctx.appWith({ receiptKeys: rotated });
      const fresh = await app.request(`/api/v1/tenants/${slug}/reports`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Forwarded-For': randomIp(),
          'Meldpunt-Proof': await solvedProof({ app }, slug),
        },
        body: JSON.stringify(minimalReport()),
      });
      const freshBody = (await readJson(fresh)) as ReportCreated;
      const row = await reportRow(freshBody.id);
      assert.equal(row?.receipt_key_id, 2);
      assert.equal(
        row?.receipt_hash,
        createHmac('sha256', newKey)
          .update(normaliseReceiptCode(freshBody.receiptCode ?? '')!)
          .digest('base64url'),
      );
      await view(await lookUp(app, slug, created.receiptCode));
      await view(await lookUp(app, slug, freshBody.receiptCode));
      // Without key 2 its codes are not found (and nothing else is).
      await problem(await lookUp(ctx.app, slug, freshBody.receiptCode), 404, 'receipt-code-unknown');
    });
  });

  describe('what is kept', () => {
    it('a database dump holds neither a code, nor its formatted form, nor anything that finds it without the key', async () => {
      const { slug, created } = await reportWithCode();
      const opened = await view(await lookUp(ctx.app, slug, created.receiptCode));
      await view(await act(slug, 'replies', opened.token, { body: 'Een antwoord' }), 201);
      const code = normaliseReceiptCode(created.receiptCode)!;

      const { rows: tables } = await sql<{ name: string }>`
        select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(ctx.db);
      assert.ok(tables.some((t) => t.name === 'report'));
      let dump = '';
      for (const { name } of tables) {
        const { rows } = await sql<{
          row: string;
        }>`select row_to_json(t)::text as row from ${sql.table(name)} t`.execute(ctx.db);
        dump += rows.map((r) => r.row).join('\n');
      }

      const stored = (await reportRow(created.id))!.receipt_hash!;
      assert.ok(dump.includes(stored), 'the dump is complete: it holds the keyed hash');
      const sha256 = createHash('sha256').update(code);
      const otherKey = randomBytes(32);
      const forbidden = {
        code,
        formatted: created.receiptCode,
        'lower case': code.toLowerCase(),
        'formatted, lower case': created.receiptCode.toLowerCase(),
        'SHA-256 (hex)': sha256.copy().digest('hex'),
        'SHA-256 (base64url)': sha256.copy().digest('base64url'),
        'SHA-256 (base64)': sha256.copy().digest('base64'),
        'HMAC under another key': createHmac('sha256', otherKey).update(code).digest('base64url'),
        'HMAC under the server secret itself': createHmac('sha256', ctx.serverSecret).update(code).digest('base64url'),
        'the follow-up token': opened.token,
        'the feedback token': created.feedbackToken ?? '',
      };
      for (const [name, value] of Object.entries(forbidden)) assert.ok(!dump.includes(value), `${name} is in the dump`);
      const logs = ctx.logs.join('\n');
      for (const value of [code, created.receiptCode, opened.token, created.feedbackToken ?? '']) {
        assert.ok(!logs.includes(value), 'neither code nor token is logged');
      }
    });
  });

  it('every follow-up path is in the OpenAPI document', () => {
    const paths = openApiDocument().paths as Record<string, Record<string, unknown>>;
    for (const path of [
      '/api/v1/tenants/{slug}/follow-up',
      '/api/v1/tenants/{slug}/follow-up/replies',
      '/api/v1/tenants/{slug}/follow-up/contact-erasure',
      '/api/v1/tenants/{slug}/follow-up/withdrawal',
      '/api/v1/tenants/{slug}/follow-up/feedback',
      '/api/v1/tenants/{slug}/reports/{id}/feedback',
    ]) {
      assert.ok(paths[path]?.post, path);
    }
  });
});

/** A well-formed code nobody holds (1 in 10¹⁷ that someone does, among millions). */
function randomCode(): string {
  let code = '';
  for (const byte of randomBytes(16)) code += receiptAlphabet[byte % 32];
  return code;
}

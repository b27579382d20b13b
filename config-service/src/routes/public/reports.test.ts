import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { referenceSchema, reportCreatedSchema, problemSchema } from '@meldpunt/contracts';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { findPostgresBin } from '../../../test/postgres.ts';
import {
  countReports,
  databaseKind,
  minimalReport,
  postReport,
  readJson,
  solvedProof,
  useTestContext,
} from '../../../test/helpers.ts';

describe(`POST /api/v1/tenants/:slug/reports (${databaseKind})`, () => {
  const ctx = useTestContext();

  /** Asserts a problem+json answer with the status, and returns it. */
  async function expectProblem(res: Response, status: number) {
    assert.equal(res.status, status, await res.clone().text());
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const problem = problemSchema.parse(await readJson(res));
    assert.equal(problem.status, status);
    return problem;
  }

  it('stores the minimal report for its tenant and answers 201 with a reference and the response', async () => {
    const tenant = await ctx.createTenant();
    const res = await postReport(ctx, tenant.slug, minimalReport());
    assert.equal(res.status, 201);
    const body = reportCreatedSchema.parse(await readJson(res));
    assert.equal(body.tenant, tenant.slug);
    assert.equal(body.followUp, 'active');
    assert.deepEqual(body.response, { title: 'Dank je wel voor je melding', body: 'We lezen elke melding.' });
    assert.ok(referenceSchema.safeParse(body.reference).success);

    const row = await ctx.db.selectFrom('report').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
    assert.equal(row.tenant_id, tenant.id);
    assert.equal(row.reference, body.reference);
    assert.equal(row.role, 'victim');
    assert.deepEqual(row.categories, ['verbal']);
    assert.equal(row.occurred_at.toISOString(), '2026-11-20T21:30:00.000Z');
    assert.equal(row.location_lat, 51.8133);
    assert.equal(row.location_lng, 4.6901);
    assert.equal(row.description, 'Nageroepen bij het station.');
    assert.equal(row.contact_sealed, null);
    assert.equal(row.wants_follow_up, false);
  });

  it('answers in the report’s language', async () => {
    const tenant = await ctx.createTenant();
    const res = await postReport(ctx, tenant.slug, minimalReport({ locale: 'en' }));
    assert.equal(res.status, 201);
    assert.equal((await readJson(res)).response.title, 'Thank you for your report');
  });

  it('takes the optional parts: words-only location, part of day, intervention, extra field', async () => {
    const tenant = await ctx.createTenant();
    const res = await postReport(
      ctx,
      tenant.slug,
      minimalReport({
        role: 'bystander',
        categories: ['verbal', 'following'],
        timePrecision: 'part-of-day',
        partOfDay: 'evening',
        location: { text: 'Bij de bushalte achter het station' },
        intervened: 'yes',
        extra: { age_group: '18_24' },
      }),
    );
    assert.equal(res.status, 201, await res.clone().text());
    const { id } = await readJson(res);
    const row = await ctx.db.selectFrom('report').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.location_lat, null);
    assert.equal(row.location_text, 'Bij de bushalte achter het station');
    assert.equal(row.part_of_day, 'evening');
    assert.equal(row.intervened, 'yes');
    assert.deepEqual(row.extra, { age_group: '18_24' });
  });

  it('stores text in Unicode NFC: a decomposed é (e + U+0301) is stored as the one character é', async () => {
    const tenant = await ctx.createTenant();
    const res = await postReport(
      ctx,
      tenant.slug,
      minimalReport({
        description: 'Nageroepen bij cafe\u0301 De Markt.',
        location: { lat: 51.8133, lng: 4.6901, text: 'Cafe\u0301 De Markt' },
      }),
    );
    assert.equal(res.status, 201, await res.clone().text());
    const { id } = await readJson(res);
    const row = await sql<{ description: string; location_text: string; characters: number }>`
      select description, location_text, char_length(location_text) as characters from report where id = ${id}
    `.execute(ctx.db);
    assert.deepEqual(row.rows[0], {
      description: 'Nageroepen bij caf\u00e9 De Markt.',
      location_text: 'Caf\u00e9 De Markt',
      characters: 'Café De Markt'.length,
    });
  });

  describe('contact details', () => {
    const email = 'melder.uniek.adres@voorbeeld.example';

    it('are encrypted at rest: no table text shows the e-mail address, and the key opens them', async () => {
      const tenant = await ctx.createTenant();
      const contact = { name: 'Sam', email, phone: '06 12345678', wantsFollowUp: true };
      const res = await postReport(ctx, tenant.slug, minimalReport({ contact }));
      assert.equal(res.status, 201);
      const { id } = await readJson(res);

      const dump = await sql<{ t: string }>`select r::text as t from report r where tenant_id = ${tenant.id}`.execute(
        ctx.db,
      );
      assert.equal(dump.rows.length, 1);
      assert.ok(!dump.rows[0]!.t.includes(email));
      assert.ok(!dump.rows[0]!.t.includes('12345678'));

      const row = await ctx.db.selectFrom('report').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(row.wants_follow_up, true);
      assert.deepEqual(ctx.deps.sealer.open(row.contact_sealed!, { reportId: id, tenantId: tenant.id }), contact);
      assert.throws(() => ctx.deps.sealer.open(row.contact_sealed!, { reportId: id, tenantId: 'another-tenant' }));
    });

    it(
      'pg_dump of the real database does not show the e-mail address',
      { skip: databaseKind !== 'postgres' && 'pg_dump needs the PostgreSQL run' },
      async () => {
        const tenant = await ctx.createTenant();
        const res = await postReport(ctx, tenant.slug, minimalReport({ contact: { email, wantsFollowUp: true } }));
        assert.equal(res.status, 201);
        const bin = findPostgresBin()!;
        const url = new URL(process.env.TEST_DATABASE_URL!);
        const { stdout } = await promisify(execFile)(
          join(bin, 'pg_dump'),
          [
            '-h',
            url.hostname,
            '-p',
            url.port,
            '-U',
            'postgres',
            '--data-only',
            '--table=report',
            url.pathname.slice(1),
          ],
          { maxBuffer: 256 * 1024 * 1024 },
        );
        assert.ok(stdout.includes(tenant.id), 'the dump holds the report');
        assert.ok(!stdout.includes(email), 'the dump shows the e-mail address');
      },
    );

    it('are refused (422) by a tenant that gives no follow-up, and nothing is stored', async () => {
      const tenant = await ctx.createTenant({
        config: {
          followUp: {
            mode: 'none',
            response: { title: { nl: 'Dank je wel' }, body: { nl: 'Deze gemeente volgt meldingen niet actief op.' } },
          },
        },
      });
      const res = await postReport(ctx, tenant.slug, minimalReport({ contact: { email, wantsFollowUp: true } }));
      const problem = await expectProblem(res, 422);
      assert.deepEqual(
        problem.errors?.map((e) => e.path),
        ['/contact'],
      );
      assert.equal(await countReports(ctx.db, tenant.id), 0);
    });
  });

  describe('Idempotency-Key', () => {
    it('the same key and body return the original 201 and store nothing new', async () => {
      const tenant = await ctx.createTenant();
      const headers = { 'Idempotency-Key': crypto.randomUUID() };
      const first = await postReport(ctx, tenant.slug, minimalReport(), { headers });
      const second = await postReport(ctx, tenant.slug, minimalReport(), { headers });
      assert.equal(first.status, 201);
      assert.equal(second.status, 201);
      // Issue 15: the original 201, but with a new receipt code in place of the first (never shown again).
      const { receiptCode: firstCode, feedbackToken: _first, ...original } = await readJson(first);
      const { receiptCode: secondCode, feedbackToken: _second, ...replayed } = await readJson(second);
      assert.deepEqual(replayed, original);
      assert.ok(firstCode && secondCode && firstCode !== secondCode);
      assert.equal(await countReports(ctx.db, tenant.id), 1);
    });

    it('concurrent requests with one key store one report', async () => {
      const tenant = await ctx.createTenant();
      const headers = { 'Idempotency-Key': crypto.randomUUID() };
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => postReport(ctx, tenant.slug, minimalReport(), { headers })),
      );
      const ids = new Set(await Promise.all(answers.map(async (r) => (await readJson(r)).id)));
      assert.deepEqual(
        answers.map((r) => r.status),
        [201, 201, 201, 201, 201],
      );
      assert.equal(ids.size, 1);
      assert.equal(await countReports(ctx.db, tenant.id), 1);
    });

    it('the same key with another body is 422 and stores nothing new', async () => {
      const tenant = await ctx.createTenant();
      const headers = { 'Idempotency-Key': crypto.randomUUID() };
      assert.equal((await postReport(ctx, tenant.slug, minimalReport(), { headers })).status, 201);
      const res = await postReport(ctx, tenant.slug, minimalReport({ description: 'Iets anders.' }), { headers });
      const problem = await expectProblem(res, 422);
      assert.match(problem.type, /idempotency-key-reused/);
      assert.equal(await countReports(ctx.db, tenant.id), 1);
    });

    it('keys are per tenant', async () => {
      const [a, b] = [await ctx.createTenant(), await ctx.createTenant()];
      const headers = { 'Idempotency-Key': crypto.randomUUID() };
      assert.equal((await postReport(ctx, a.slug, minimalReport(), { headers })).status, 201);
      assert.equal((await postReport(ctx, b.slug, minimalReport(), { headers })).status, 201);
      assert.equal(await countReports(ctx.db, a.id), 1);
      assert.equal(await countReports(ctx.db, b.id), 1);
    });

    it('a malformed key is 400 and stores nothing', async () => {
      const tenant = await ctx.createTenant();
      const res = await postReport(ctx, tenant.slug, minimalReport(), { headers: { 'Idempotency-Key': 'x' } });
      await expectProblem(res, 400);
      assert.equal(await countReports(ctx.db, tenant.id), 0);
    });
  });

  describe('bad input: a problem+json answer and nothing stored', () => {
    it('malformed JSON → 400', async () => {
      const tenant = await ctx.createTenant();
      const problem = await expectProblem(await postReport(ctx, tenant.slug, null, { raw: '{"role": "victim",' }), 400);
      assert.match(problem.title, /JSON/);
      assert.equal(await countReports(ctx.db, tenant.id), 0);
    });

    const invalid: [string, Record<string, unknown>, string][] = [
      ['an unknown field (mass assignment)', { tenant_id: 'someone-else' }, ''],
      ['an unknown nested field', { location: { lat: 51.8, lng: 4.69, verified: true } }, '/location'],
      ['latitude out of range', { location: { lat: 91, lng: 4.69 } }, '/location/lat'],
      ['a latitude without longitude', { location: { lat: 51.8 } }, '/location/lng'],
      ['no location at all', { location: {} }, '/location/text'],
      ['a category the tenant does not offer', { categories: ['verbal', 'exposure'] }, '/categories/1'],
      ['a future date', { occurredAt: new Date(Date.now() + 86_400_000).toISOString() }, '/occurredAt'],
      ['a date without offset', { occurredAt: '2026-11-20T22:30:00' }, '/occurredAt'],
      ['an over-long description', { description: 'x'.repeat(5001) }, '/description'],
      ['an unknown role', { role: 'admin' }, '/role'],
      ['no categories', { categories: [] }, '/categories'],
      ['an extra field the tenant does not ask', { extra: { religion: 'x' } }, '/extra/religion'],
      ['an option that is not offered', { extra: { age_group: '99' } }, '/extra/age_group'],
      ['a language the tenant does not offer', { locale: 'pl' }, '/locale'],
      ['follow-up without a way to reach', { contact: { name: 'Sam', wantsFollowUp: true } }, '/contact'],
      ['an invalid e-mail address', { contact: { email: 'not-an-address', wantsFollowUp: false } }, '/contact/email'],
      ['a NUL character in the description', { description: 'Nageroepen\u0000 bij het station.' }, '/description'],
      ['a control character in the place in words', { location: { text: 'Bij de markt\u001B[2J' } }, '/location/text'],
      [
        'half a surrogate pair in a contact name',
        { contact: { name: 'Sam \uD83D', wantsFollowUp: false } },
        '/contact/name',
      ],
      ['a C1 control character in the description', { description: 'Gevolgd\u0085 tot huis.' }, '/description'],
      ['a UTC offset beyond +14:00', { occurredAt: '2026-11-20T22:30:00+16:00' }, '/occurredAt'],
      ['a UTC offset beyond -14:00', { occurredAt: '2026-11-20T22:30:00-18:00' }, '/occurredAt'],
    ];
    for (const [what, change, path] of invalid) {
      it(`${what} → 422 with an error at "${path}"`, async () => {
        const tenant = await ctx.createTenant();
        const problem = await expectProblem(await postReport(ctx, tenant.slug, minimalReport(change)), 422);
        assert.ok(
          problem.errors?.some((e) => e.path === path),
          `expected an error at ${path}, got ${JSON.stringify(problem.errors)}`,
        );
        assert.equal(await countReports(ctx.db, tenant.id), 0);
      });
    }

    it('a body that is not an object → 422', async () => {
      const tenant = await ctx.createTenant();
      await expectProblem(await postReport(ctx, tenant.slug, [1, 2, 3]), 422);
      assert.equal(await countReports(ctx.db, tenant.id), 0);
    });

    it('wrong Content-Type → 415', async () => {
      const tenant = await ctx.createTenant();
      const res = await postReport(ctx, tenant.slug, null, {
        headers: { 'Content-Type': 'text/plain' },
        raw: JSON.stringify(minimalReport()),
      });
      await expectProblem(res, 415);
      assert.equal(await countReports(ctx.db, tenant.id), 0);
    });

    it('a body over 64 KB → 413', async () => {
      const tenant = await ctx.createTenant();
      const raw = JSON.stringify(minimalReport({ description: 'x'.repeat(70_000) }));
      await expectProblem(await postReport(ctx, tenant.slug, null, { raw }), 413);
      assert.equal(await countReports(ctx.db, tenant.id), 0);
    });

    it('a body over 64 KB sent chunked (no Content-Length) → 413', async () => {
      const tenant = await ctx.createTenant();
      const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent++ < 8) controller.enqueue(chunk);
          else controller.close();
        },
      });
      const res = await ctx.app.request(`/api/v1/tenants/${tenant.slug}/reports`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Transfer-Encoding': 'chunked',
          'Meldpunt-Proof': await solvedProof(ctx, tenant.slug),
        },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      await expectProblem(res, 413);
      assert.equal(await countReports(ctx.db, tenant.id), 0);
    });

    it('an unknown tenant → 404', async () => {
      const problem = await expectProblem(await postReport(ctx, 'nobody-here', minimalReport()), 404);
      assert.match(problem.title, /reporting point/);
    });
  });

  describe('origins and CORS', () => {
    it('an allowed Origin gets CORS headers for exactly that origin, with Vary: Origin', async () => {
      const tenant = await ctx.createTenant();
      const res = await postReport(ctx, tenant.slug, minimalReport(), {
        headers: { Origin: 'https://www.testgemeente.example' },
      });
      assert.equal(res.status, 201);
      assert.equal(res.headers.get('access-control-allow-origin'), 'https://www.testgemeente.example');
      assert.match(res.headers.get('vary') ?? '', /Origin/);
    });

    it('errors for an allowed Origin keep the CORS headers and the request id, so the widget can read them', async () => {
      const tenant = await ctx.createTenant();
      const origin = { Origin: 'https://www.testgemeente.example' };
      for (const res of [
        await postReport(ctx, tenant.slug, minimalReport({ role: 'nobody' }), { headers: origin }),
        await postReport(ctx, tenant.slug, minimalReport(), { headers: origin, raw: '{"role":' }),
      ]) {
        const problem = await expectProblem(res, res.status === 422 ? 422 : 400);
        assert.equal(res.headers.get('access-control-allow-origin'), 'https://www.testgemeente.example');
        assert.match(res.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
        assert.match(res.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
        assert.ok(problem.title);
      }
    });

    it('another Origin → 403 without CORS headers, and nothing stored', async () => {
      const tenant = await ctx.createTenant();
      const res = await postReport(ctx, tenant.slug, minimalReport(), { headers: { Origin: 'https://evil.example' } });
      await expectProblem(res, 403);
      assert.equal(res.headers.get('access-control-allow-origin'), null);
      assert.match(res.headers.get('vary') ?? '', /Origin/);
      assert.equal(await countReports(ctx.db, tenant.id), 0);
    });

    it('pages of the service itself (PUBLIC_ORIGIN: the demo site) may send', async () => {
      const tenant = await ctx.createTenant();
      const app = ctx.appWith({ publicOrigin: 'http://meldpunt.example' });
      const res = await app.request(`http://meldpunt.example/api/v1/tenants/${tenant.slug}/reports`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Origin: 'http://meldpunt.example',
          'Meldpunt-Proof': await solvedProof({ app }, tenant.slug),
        },
        body: JSON.stringify(minimalReport()),
      });
      assert.equal(res.status, 201);
    });

    it('one tenant’s origin is not another’s', async () => {
      const other = await ctx.createTenant({ settings: { allowedOrigins: ['https://www.andere-gemeente.example'] } });
      const res = await postReport(ctx, other.slug, minimalReport(), {
        headers: { Origin: 'https://www.testgemeente.example' },
      });
      await expectProblem(res, 403);
    });

    it('preflight: 204 with methods and headers for an allowed origin; 403 for another', async () => {
      const tenant = await ctx.createTenant();
      const preflight = (origin: string) =>
        ctx.app.request(`/api/v1/tenants/${tenant.slug}/reports`, {
          method: 'OPTIONS',
          headers: {
            Origin: origin,
            'Access-Control-Request-Method': 'POST',
            'Access-Control-Request-Headers': 'content-type, idempotency-key',
          },
        });
      const ok = await preflight('https://www.testgemeente.example');
      assert.equal(ok.status, 204);
      assert.equal(ok.headers.get('access-control-allow-origin'), 'https://www.testgemeente.example');
      assert.match(ok.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/i);
      const denied = await preflight('https://evil.example');
      assert.equal(denied.status, 403);
      assert.equal(denied.headers.get('access-control-allow-origin'), null);
    });
  });

  describe('rate limit', () => {
    it('too many reports from one client → 429 with Retry-After; other clients still get through', async () => {
      const tenant = await ctx.createTenant({ settings: { rateLimit: { reports: 2, windowSeconds: 600 } } });
      const from = (ip: string) => ({ headers: { 'X-Forwarded-For': ip } });
      assert.equal((await postReport(ctx, tenant.slug, minimalReport(), from('203.0.113.5'))).status, 201);
      assert.equal((await postReport(ctx, tenant.slug, minimalReport(), from('203.0.113.5'))).status, 201);
      const limited = await postReport(ctx, tenant.slug, minimalReport(), from('203.0.113.5'));
      await expectProblem(limited, 429);
      const retryAfter = Number(limited.headers.get('retry-after'));
      assert.ok(retryAfter > 0 && retryAfter <= 600, `Retry-After ${retryAfter}`);
      assert.equal(await countReports(ctx.db, tenant.id), 2);
      assert.equal((await postReport(ctx, tenant.slug, minimalReport(), from('203.0.113.6'))).status, 201);
    });
  });

  describe('privacy of logs', () => {
    it('logs carry no report content, contact data, IP address or user agent', async () => {
      const tenant = await ctx.createTenant();
      const secret = 'Uniek-verhaal-7f3a9';
      const res = await postReport(
        ctx,
        tenant.slug,
        minimalReport({ description: secret, contact: { email: 'log.check@voorbeeld.example', wantsFollowUp: true } }),
        { headers: { 'X-Forwarded-For': '203.0.113.199', 'User-Agent': 'UA-Marker-42' } },
      );
      assert.equal(res.status, 201);
      const { id } = await readJson(res);
      const mine = ctx.logs.filter((line) => line.includes(id));
      assert.ok(mine.length > 0, 'the accepted report is logged by id');
      const all = ctx.logs.join('\n');
      for (const marker of [secret, 'log.check@', '203.0.113.199', 'UA-Marker-42']) {
        assert.ok(!all.includes(marker), `logs contain ${marker}`);
      }
      for (const line of ctx.logs) assert.doesNotThrow(() => JSON.parse(line));
    });
  });

  describe('unexpected errors', () => {
    it('→ 500 problem with a correlation id, no stack or SQL; the app keeps serving', async () => {
      const tenant = await ctx.createTenant();
      const failing = ctx.appWith({
        sealer: {
          seal: () => {
            throw new Error('insert into report values (secret)');
          },
        } as never,
      });
      const res = await failing.request(`/api/v1/tenants/${tenant.slug}/reports`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Meldpunt-Proof': await solvedProof(ctx, tenant.slug) },
        body: JSON.stringify(minimalReport({ contact: { email: 'x@voorbeeld.example', wantsFollowUp: false } })),
      });
      const problem = await expectProblem(res, 500);
      assert.ok(problem.correlationId);
      assert.ok(!JSON.stringify(problem).includes('insert into'));
      assert.ok(!JSON.stringify(problem).includes('.ts:'));
      assert.ok(!ctx.logs.join('\n').includes('insert into report values'));
      assert.ok(ctx.logs.some((l) => l.includes(problem.correlationId!)));
      assert.equal(await countReports(ctx.db, tenant.id), 0);
      assert.equal((await postReport({ app: failing }, tenant.slug, minimalReport())).status, 201);
    });
  });
});

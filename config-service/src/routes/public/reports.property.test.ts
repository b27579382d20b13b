import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { problemSchema, reportInputSchema, toJsonPointer } from '@meldpunt/contracts';
import {
  countReports,
  databaseKind,
  minimalReport,
  postReport,
  readJson,
  useTestContext,
} from '../../../test/helpers.ts';

/** Characters no text may hold: control characters but tab and line breaks, and halves of surrogate pairs. */
const refusedCharacter = fc
  .oneof(
    fc.integer({ min: 0x00, max: 0x1f }).filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d),
    fc.integer({ min: 0x7f, max: 0x9f }),
    fc.integer({ min: 0xd800, max: 0xdfff }),
  )
  .map((code) => String.fromCharCode(code));

/** Text as it may arrive: any code point, refused characters, letters written in decomposed (non-NFC) form. */
const anyText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.string({ unit: 'binary', maxLength: 3 }),
      refusedCharacter,
      fc.constantFrom('e\u0301', 'A\u030A', '\u212B', 'o\u0308\u0304', '\u1100\u1161', '\uD83D\uDE20'),
    ),
    { maxLength: 5 },
  )
  .map((parts) => parts.join(''));

/** A UTC offset anywhere from -23:59 to +23:59, as the ISO pattern allows, or Z. */
const offset = fc.oneof(
  fc.constant('Z'),
  fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }).map((minutes) => {
    const abs = Math.abs(minutes);
    const hh = String(Math.floor(abs / 60)).padStart(2, '0');
    const mm = String(abs % 60).padStart(2, '0');
    return `${minutes < 0 ? '-' : '+'}${hh}:${mm}`;
  }),
);

/** A local date-time in the past (1950 onwards), with or without fractional seconds, and an offset. */
const occurredAt = fc
  .record({
    at: fc.date({ min: new Date('1950-01-02T00:00:00Z'), max: new Date('2026-01-01T00:00:00Z'), noInvalidDate: true }),
    fraction: fc.oneof(fc.constant(''), fc.stringMatching(/^\.\d{1,12}$/)),
    offset,
  })
  .map(({ at, fraction, offset }) => `${at.toISOString().slice(0, 19)}${fraction}${offset}`);

/**
 * `stored` is the moment `sent` names, to the millisecond: PostgreSQL rounds to microseconds; the
 * expectation keeps three decimals because V8's Date.parse misreads ten or more (".0010000000" as 10 ms).
 */
function assertSameMoment(stored: Date, sent: string) {
  const expected = Date.parse(sent.replace(/(\.\d{3})\d+/, '$1'));
  assert.ok(Math.abs(stored.getTime() - expected) <= 1, `${sent} stored as ${stored.toISOString()}`);
}

/** Every string a report holds, where it sits, and a report that holds them all (valid for the test tenant). */
const fullReport = () =>
  minimalReport({
    location: { lat: 51.8133, lng: 4.6901, text: 'Bij de markt', source: 'map' },
    intervened: 'no',
    extra: { age_group: '18_24', remark: 'Het was druk.' },
    contact: { name: 'Sam', email: 'sam@voorbeeld.example', phone: '06 12345678', wantsFollowUp: true },
  });
const stringPaths: (string | number)[][] = [
  ['role'],
  ['categories', 0],
  ['occurredAt'],
  ['location', 'text'],
  ['location', 'source'],
  ['description'],
  ['intervened'],
  ['extra', 'age_group'],
  ['extra', 'remark'],
  ['contact', 'name'],
  ['contact', 'email'],
  ['contact', 'phone'],
  ['locale'],
];

/** `report` with the string at `path` given `insert` at `position` (a fraction of its length). */
function withInserted(path: (string | number)[], insert: string, position: number): Record<string, unknown> {
  const report = structuredClone(fullReport());
  let parent = report as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const key = path.at(-1)!;
  const value = String(parent[key]);
  const at = Math.floor(position * (value.length + 1));
  parent[key] = value.slice(0, at) + insert + value.slice(at);
  return report;
}

/** Any value for any known field, so the property explores near-valid bodies as well as junk. */
const fieldValue = fc.oneof(
  fc.jsonValue(),
  fc.jsonValue({ stringUnit: 'binary' }),
  anyText,
  occurredAt,
  fc.constantFrom('victim', 'bystander', 'nl', 'verbal', '2026-11-20T22:30:00+01:00', 'part-of-day', 'evening'),
  fc.record({ lat: fc.double(), lng: fc.double(), text: anyText }, { requiredKeys: [] }),
  fc.record({ name: anyText, email: anyText, phone: anyText, wantsFollowUp: fc.boolean() }, { requiredKeys: [] }),
  fc.dictionary(fc.constantFrom('age_group', 'remark', 'x'), anyText, { maxKeys: 2 }),
  fc.array(fc.constantFrom('verbal', 'following', 'x', ''), { maxLength: 3 }),
);

const nearValid = fc
  .dictionary(
    fc.constantFrom(
      ...Object.keys(minimalReport()),
      'contact',
      'extra',
      'intervened',
      'timePrecision',
      'partOfDay',
      'zzz',
    ),
    fieldValue,
    { maxKeys: 4 },
  )
  .map((changes) => minimalReport(changes));

/** A valid report with text of any kind (refused characters too) put into one of its strings. */
const withAnyText = fc
  .record({
    path: fc.constantFrom(...stringPaths),
    text: anyText,
    position: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ path, text, position }) => withInserted(path, text, position));

describe(`POST reports with arbitrary JSON (${databaseKind})`, () => {
  const ctx = useTestContext();
  /** A tenant that takes free text in an extra field, and does not limit the rate. */
  let tenant: { slug: string; id: string };
  before(async () => {
    tenant = await ctx.createTenant({
      config: {
        fields: {
          intervention: true,
          extra: [
            {
              id: 'age_group',
              type: 'select',
              label: { nl: 'Leeftijd' },
              options: [{ id: '18_24', label: { nl: '18 tot 24' } }],
            },
            { id: 'remark', type: 'text', label: { nl: 'Opmerking' } },
          ],
        },
      },
      settings: { rateLimit: { reports: 100_000, windowSeconds: 60 } },
    });
  });

  /** Asserts a problem+json answer that itself passes the contract, and returns it. */
  async function expectProblem(res: Response) {
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const problem = problemSchema.safeParse(await readJson(res));
    assert.ok(problem.success, `the problem answer breaks its contract: ${problem.error?.message}`);
    return problem.data;
  }

  it('never answers 5xx, and stores a report exactly when it answers 201 — whole, in NFC, for its tenant', async () => {
    let stored = await countReports(ctx.db, tenant.id);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.jsonValue(), fc.jsonValue({ stringUnit: 'binary' }), nearValid, withAnyText),
        async (body) => {
          const res = await postReport(ctx, tenant.slug, body);
          assert.ok(res.status < 500, `status ${res.status} for ${JSON.stringify(body)}`);
          if (res.status === 201) {
            stored += 1;
            const { id } = await readJson(res);
            const row = await ctx.db.selectFrom('report').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
            const input = reportInputSchema.parse(body);
            assert.equal(row.tenant_id, tenant.id);
            assert.equal(row.role, input.role);
            assert.deepEqual(row.categories, input.categories);
            assertSameMoment(row.occurred_at, input.occurredAt);
            assert.equal(row.description, input.description || null);
            assert.equal(row.location_text, input.location.text ?? null);
            assert.deepEqual(row.extra, input.extra ?? {});
            for (const text of [row.description, row.location_text, ...Object.values(row.extra)]) {
              if (typeof text === 'string') assert.equal(text, text.normalize('NFC'), 'stored in NFC');
            }
          } else {
            await expectProblem(res);
            assert.ok([400, 413, 415, 422].includes(res.status), `status ${res.status}`);
          }
          assert.equal(await countReports(ctx.db, tenant.id), stored);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a control character or half a surrogate pair in any string → 422 at that field’s JSON Pointer', async () => {
    const before = await countReports(ctx.db, tenant.id);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...stringPaths),
        anyText,
        refusedCharacter,
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (path, text, refused, position) => {
          // Between two plain characters: half a surrogate pair must not meet its other half in `text`
          // (which may end in one) and so become a whole, valid character.
          const body = withInserted(path, `${text}.${refused}.`, position);
          const res = await postReport(ctx, tenant.slug, body);
          assert.equal(res.status, 422, JSON.stringify(body));
          const problem = await expectProblem(res);
          const pointer = toJsonPointer(path);
          assert.ok(
            problem.errors?.some((e) => e.path === pointer),
            `expected an error at ${pointer}, got ${JSON.stringify(problem.errors)}`,
          );
        },
      ),
      { numRuns: 80 },
    );
    assert.equal(await countReports(ctx.db, tenant.id), before);
  });

  it('text written in any Unicode form is stored in NFC, and otherwise as sent', async () => {
    const texts = fc.array(
      fc.oneof(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }),
        fc.constantFrom('e\u0301', 'A\u030A', '\u212B', 'o\u0308\u0304'),
      ),
      { minLength: 1, maxLength: 5 },
    );
    await fc.assert(
      fc.asyncProperty(texts, texts, texts, async (description, place, remark) => {
        // Decomposed (NFD), so that nearly every body holds text that is not NFC.
        const decomposed = (parts: string[]) => `x ${parts.join('')} x`.normalize('NFD');
        const [d, p, r] = [decomposed(description), decomposed(place), decomposed(remark)];
        const res = await postReport(
          ctx,
          tenant.slug,
          minimalReport({ description: d, location: { lat: 51.8133, lng: 4.6901, text: p }, extra: { remark: r } }),
        );
        assert.equal(res.status, 201, await res.clone().text());
        const row = await ctx.db
          .selectFrom('report')
          .select(['description', 'location_text', 'extra'])
          .where('id', '=', (await readJson(res)).id)
          .executeTakeFirstOrThrow();
        assert.deepEqual(
          [row.description, row.location_text, row.extra],
          [d.normalize('NFC'), p.normalize('NFC'), { remark: r.normalize('NFC') }],
        );
      }),
      { numRuns: 60 },
    );
  });

  it('occurredAt with any offset the ISO pattern allows: 201 within ±14:00, else 422 at /occurredAt', async () => {
    await fc.assert(
      fc.asyncProperty(occurredAt, async (at) => {
        const res = await postReport(ctx, tenant.slug, minimalReport({ occurredAt: at }));
        const hours = /([+-])(\d\d):(\d\d)$/.exec(at);
        const within = !hours || Number(hours[2]) * 60 + Number(hours[3]) <= 14 * 60;
        if (within) {
          assert.equal(res.status, 201, `${at}: ${await res.clone().text()}`);
          const row = await ctx.db
            .selectFrom('report')
            .select('occurred_at')
            .where('id', '=', (await readJson(res)).id)
            .executeTakeFirstOrThrow();
          assertSameMoment(row.occurred_at, at);
        } else {
          assert.equal(res.status, 422, at);
          const problem = await expectProblem(res);
          assert.deepEqual(problem.errors, [
            { path: '/occurredAt', message: 'Use a UTC offset between -14:00 and +14:00' },
          ]);
        }
      }),
      { numRuns: 80 },
    );
  });
});

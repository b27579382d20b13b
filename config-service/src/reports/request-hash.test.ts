import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { reportCreatedSchema, reportInputSchema, type ReportContact } from '@meldpunt/contracts';
import {
  countReports,
  databaseKind,
  minimalReport,
  postReport,
  readJson,
  useTestContext,
  type TestContext,
} from '../../test/helpers.ts';
import { findPostgresBin } from '../../test/postgres.ts';
import { purposes, ServerSecret, type Purpose } from '../secrets/server-secret.ts';

/** The construction before the fix: SHA-256 of the validated body, no key. */
const unkeyed = (data: string) => createHash('sha256').update(data).digest('base64url');

/** A server secret that does not key anything: what `report.request_hash` was before the fix. */
class UnkeyedSecret extends ServerSecret {
  override hmac(_purpose: Purpose, data: string): string {
    return unkeyed(data);
  }
}

const dumpKind = databaseKind === 'postgres' ? 'a pg_dump of the database' : 'every column of every row of every table';

/** Dutch-looking e-mail addresses and mobile numbers, deterministic, with the true one in the middle. */
function candidates(truth: ReportContact, count = 3000): ReportContact[] {
  const first = ['fatima', 'sanne', 'daan', 'noor', 'lucas', 'emma', 'mohamed', 'julia', 'sem', 'lotte'];
  const last = ['elamrani', 'devries', 'jansen', 'bakker', 'visser', 'smit', 'yilmaz', 'mulder', 'bos', 'vos'];
  const domains = ['ziggo.example', 'gmail.example', 'kpnmail.example', 'hotmail.example', 'outlook.example'];
  const list: ReportContact[] = [];
  for (let i = 0; list.length < count; i++) {
    if (truth.email) {
      const name = `${first[i % 10]}.${last[Math.floor(i / 10) % 10]}${Math.floor(i / 100) || ''}`;
      list.push({ email: `${name}@${domains[Math.floor(i / 10) % 5]}`, wantsFollowUp: true });
    } else {
      const digits = String(41_000_000 + i * 7919).padStart(8, '0');
      list.push({
        phone: `06-${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 6)} ${digits.slice(6)}`,
        wantsFollowUp: true,
      });
    }
  }
  const others = list.filter((c) => c.email !== truth.email || c.phone !== truth.phone);
  others.splice(count / 2, 0, truth);
  return others;
}

/** How a guessed e-mail address or phone number might be written before it is hashed. */
function variants(value: string): string[] {
  const spellings = [value, value.toLowerCase(), value.toUpperCase()];
  if (value.includes('@')) return spellings;
  const digits = value.replace(/\D/g, '');
  return [...spellings, digits, `+31${digits.slice(1)}`, `31${digits.slice(1)}`, `0031${digits.slice(1)}`];
}

/**
 * The attack on a dump: knowing the whole body of the report except the contact (more than the row's
 * non-secret values: the exact request), try every candidate contact — the old unkeyed construction
 * over the whole body, and plain SHA-256 of the contact's values in several spellings and encodings,
 * and the values themselves. Returns the candidates the dump gives away.
 */
function search(dump: string, knownBody: Record<string, unknown>, guesses: ReportContact[]): ReportContact[] {
  const found: ReportContact[] = [];
  for (const contact of guesses) {
    const values = [contact.email, contact.phone].filter((v): v is string => v !== undefined);
    const texts = [JSON.stringify(reportInputSchema.parse({ ...knownBody, contact })), JSON.stringify(contact)];
    for (const value of values) texts.push(...variants(value));
    const hashes = texts.flatMap((text) => {
      const digest = createHash('sha256').update(text).digest();
      return [digest.toString('hex'), digest.toString('base64'), digest.toString('base64url')];
    });
    const giveaways = [...hashes, ...values.flatMap(variants)];
    if (giveaways.some((g) => dump.includes(g))) found.push(contact);
  }
  return found;
}

describe(`request hash: keyed with SERVER_SECRET (${databaseKind})`, () => {
  // A database of its own on PostgreSQL, so the dump is small.
  const ctx = useTestContext({ ownDatabase: true });

  async function dump(): Promise<string> {
    if (ctx.databaseUrl) {
      const { stdout } = await promisify(execFile)(join(findPostgresBin()!, 'pg_dump'), [ctx.databaseUrl], {
        maxBuffer: 256 * 1024 * 1024,
      });
      return stdout;
    }
    // PGlite has no pg_dump: the text form of every row of every table is the same data.
    const tables = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(ctx.db);
    const lines: string[] = [];
    for (const { name } of tables.rows) {
      const { rows } = await sql<{ row: string }>`select t::text as row from ${sql.table(name)} t`.execute(ctx.db);
      lines.push(...rows.map((r) => `${name}: ${r.row}`));
    }
    return lines.join('\n');
  }

  /** Sends one report per contact with an Idempotency-Key through `app`; the bodies differ only in their contact. */
  async function sendReports(app: TestContext['app'], contacts: ReportContact[]) {
    const tenant = await ctx.createTenant();
    const knownBody = minimalReport({ description: `Nageroepen bij de Spuihaven ${randomUUID()}.` });
    const stored: { id: string; requestHash: string }[] = [];
    for (const contact of contacts) {
      const res = await postReport(
        { app },
        tenant.slug,
        { ...knownBody, contact },
        {
          headers: { 'Idempotency-Key': randomUUID() },
        },
      );
      assert.equal(res.status, 201, await res.clone().text());
      const { id } = reportCreatedSchema.parse(await readJson(res));
      const row = await ctx.db
        .selectFrom('report')
        .select('request_hash')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.ok(row.request_hash);
      stored.push({ id, requestHash: row.request_hash });
    }
    return { knownBody, stored };
  }

  const email: ReportContact = { email: 'fatima.elamrani@ziggo.example', wantsFollowUp: true };
  const phone: ReportContact = { phone: '06-41 87 23 95', wantsFollowUp: true };

  it(`${dumpKind} and the rest of the body: no candidate phone number or e-mail address matches`, async () => {
    const { knownBody, stored } = await sendReports(ctx.app, [email, phone]);
    const text = await dump();
    // The dump holds the rows, their request hashes and their other values.
    for (const { id, requestHash } of stored) {
      assert.ok(text.includes(id) && text.includes(requestHash), 'the dump misses the report');
    }
    assert.ok(text.includes(String(knownBody.description)));

    assert.deepEqual(search(text, knownBody, candidates(email)), []);
    assert.deepEqual(search(text, knownBody, candidates(phone)), []);
  });

  it(`${dumpKind}: the same search finds the contact when the hash is unkeyed (as before the fix)`, async () => {
    const { knownBody } = await sendReports(ctx.appWith({ serverSecret: new UnkeyedSecret(randomBytes(32)) }), [
      email,
      phone,
    ]);
    const text = await dump();
    assert.deepEqual(search(text, knownBody, candidates(email)), [email]);
    assert.deepEqual(search(text, knownBody, candidates(phone)), [phone]);
  });

  it('within the replay window: the same body gets the original 201, another body 422 — compared by the keyed hash', async () => {
    const tenant = await ctx.createTenant();
    const headers = { 'Idempotency-Key': randomUUID() };
    const body = minimalReport({ contact: email });
    const first = await postReport(ctx, tenant.slug, body, { headers });
    assert.equal(first.status, 201);
    const original = await readJson(first);
    const row = await ctx.db
      .selectFrom('report')
      .select('request_hash')
      .where('id', '=', original.id)
      .executeTakeFirstOrThrow();
    const validated = JSON.stringify(reportInputSchema.parse(body));
    assert.equal(row.request_hash, new ServerSecret(ctx.serverSecret).hmac(purposes.requestHash, validated));
    assert.notEqual(row.request_hash, unkeyed(validated));

    const replay = await postReport(ctx, tenant.slug, body, { headers });
    assert.equal(replay.status, 201);
    // The original answer — but for a new receipt code in place of the old, and a new feedback token.
    const { receiptCode: replayCode, feedbackToken: _replayToken, ...replayed } = await readJson(replay);
    const { receiptCode: firstCode, feedbackToken: _firstToken, ...answered } = original;
    assert.deepEqual(replayed, answered);
    assert.ok(firstCode && replayCode && replayCode !== firstCode, 'a replay issues a new receipt code');
    const other = await postReport(ctx, tenant.slug, minimalReport({ contact: phone }), { headers });
    assert.equal(other.status, 422);
    assert.match((await readJson(other)).type, /idempotency-key-reused/);
    // Under another server secret the same body no longer matches its hash.
    const rekeyed = ctx.appWith({ serverSecret: new ServerSecret(randomBytes(32)) });
    assert.equal((await postReport({ app: rekeyed }, tenant.slug, body, { headers })).status, 422);
    assert.equal(await countReports(ctx.db, tenant.id), 1);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Challenge, Solution } from 'altcha-lib';
import {
  countReports,
  databaseKind,
  minimalReport,
  postReport,
  readJson,
  solvedProof,
  solveProof,
  testProofMaxNumber,
  testProofOfWork,
  useTestContext,
} from '../../../test/helpers.ts';
import { ProofReplayStore } from '../../proof/replay-store.ts';
import { ServerSecret } from '../../secrets/server-secret.ts';

/** The problem's type ends with this slug: the refusal the client reads. */
async function expectRefused(res: Response, slug: string): Promise<void> {
  assert.equal(res.status, 403, await res.clone().text());
  assert.equal(res.headers.get('content-type'), 'application/problem+json');
  const problem = await readJson(res);
  assert.equal(problem.type, `https://meldpunt.dev/problems/${slug}`);
  assert.match(problem.detail, /Nothing was stored/);
}

/** The header's JSON, changed by `change`, as a header again. */
function tampered(header: string, change: (proof: { challenge: Challenge; solution: Solution }) => void): string {
  const proof = JSON.parse(Buffer.from(header, 'base64').toString('utf8'));
  change(proof);
  return Buffer.from(JSON.stringify(proof)).toString('base64');
}

describe(`proof of work: GET …/challenge and the report's Meldpunt-Proof (${databaseKind})`, () => {
  const ctx = useTestContext();

  it('hands out a signed challenge of altcha-lib, bound to the tenant, expiring in minutes, never cached', async () => {
    const tenant = await ctx.createTenant();
    const res = await ctx.app.request(`/api/v1/tenants/${tenant.slug}/challenge`, {
      headers: { Origin: 'https://www.testgemeente.example' },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(res.headers.get('access-control-allow-origin'), 'https://www.testgemeente.example');
    const challenge = (await res.json()) as Challenge;
    assert.match(challenge.signature ?? '', /^[0-9a-f]{64}$/);
    assert.equal(challenge.parameters.algorithm, 'SHA-256');
    assert.equal(challenge.parameters.data?.tenant, tenant.id);
    const lifetime = challenge.parameters.expiresAt! - Date.now() / 1000;
    assert.ok(lifetime > 60 && lifetime <= 300, `expires in ${lifetime} s`);
    assert.equal((await ctx.app.request('/api/v1/tenants/nobody-here/challenge')).status, 404);
  });

  it('a report with a solved proof is accepted, and its challenge is kept as used (a hash, not the proof)', async () => {
    const tenant = await ctx.createTenant();
    const proof = await solvedProof(ctx, tenant.slug);
    const res = await postReport(ctx, tenant.slug, minimalReport(), { headers: { 'Meldpunt-Proof': proof } });
    assert.equal(res.status, 201);
    const signature = JSON.parse(Buffer.from(proof, 'base64').toString('utf8')).challenge.signature as string;
    const rows = await ctx.db.selectFrom('proof_redemption').selectAll().execute();
    assert.ok(rows.length > 0);
    assert.ok(rows.every((r) => !r.challenge_hash.includes(signature)));
  });

  it('no proof → 403 proof-required, nothing stored', async () => {
    const tenant = await ctx.createTenant();
    await expectRefused(await postReport(ctx, tenant.slug, minimalReport(), { proof: false }), 'proof-required');
    assert.equal(await countReports(ctx.db, tenant.id), 0);
  });

  it('a forged or altered proof → 403 proof-invalid, nothing stored', async () => {
    const tenant = await ctx.createTenant();
    const proof = await solvedProof(ctx, tenant.slug);
    const forgeries = [
      'not base64 at all!',
      Buffer.from('{"challenge":').toString('base64'),
      Buffer.from(JSON.stringify({ challenge: {}, solution: {} })).toString('base64'),
      'A'.repeat(5000),
      // A signature of our own making, another key prefix (an easier puzzle), another solution:
      tampered(proof, (p) => void (p.challenge.signature = '0'.repeat(64))),
      tampered(proof, (p) => void (p.challenge.parameters.keyPrefix = '00')),
      tampered(proof, (p) => void (p.challenge.parameters.expiresAt! += 3600)),
      tampered(proof, (p) => void (p.solution.derivedKey = 'ab'.repeat(32))),
    ];
    // A challenge signed with another server's secret, solved correctly.
    const otherServer = testProofOfWork(ctx.db, new ServerSecret(Buffer.alloc(32, 1)));
    forgeries.push(await solveProof(await otherServer.challengeFor(tenant.id)));
    for (const forged of forgeries) {
      const res = await postReport(ctx, tenant.slug, minimalReport(), { headers: { 'Meldpunt-Proof': forged } });
      await expectRefused(res, 'proof-invalid');
    }
    assert.equal(await countReports(ctx.db, tenant.id), 0);
    // The genuine one still works: the forgeries did not use it up.
    const res = await postReport(ctx, tenant.slug, minimalReport(), { headers: { 'Meldpunt-Proof': proof } });
    assert.equal(res.status, 201);
  });

  it('another tenant’s proof → 403 proof-invalid, nothing stored', async () => {
    const [tenant, other] = [await ctx.createTenant(), await ctx.createTenant()];
    const proof = await solvedProof(ctx, other.slug);
    const res = await postReport(ctx, tenant.slug, minimalReport(), { headers: { 'Meldpunt-Proof': proof } });
    await expectRefused(res, 'proof-invalid');
    assert.equal(await countReports(ctx.db, tenant.id), 0);
  });

  it('an expired proof → 403 proof-expired, nothing stored', async () => {
    const tenant = await ctx.createTenant();
    // Handed out ten minutes ago (by an app whose clock says so), sent now.
    const earlier = ctx.appWith({
      proof: testProofOfWork(ctx.db, ctx.deps.serverSecret, { now: () => Date.now() - 10 * 60_000 }),
    });
    const proof = await solvedProof({ app: earlier }, tenant.slug);
    const res = await postReport(ctx, tenant.slug, minimalReport(), { headers: { 'Meldpunt-Proof': proof } });
    await expectRefused(res, 'proof-expired');
    assert.equal(await countReports(ctx.db, tenant.id), 0);
  });

  it('a flood raises the difficulty after a handful of reports: proofs made before it → 403 proof-outdated', async () => {
    const tenant = await ctx.createTenant();
    let now = Date.now();
    const app = ctx.appWith({ proof: testProofOfWork(ctx.db, ctx.deps.serverSecret, { now: () => now }) });
    const maxNumberOf = (proof: string) =>
      JSON.parse(Buffer.from(proof, 'base64').toString('utf8')).challenge.parameters.data.maxNumber as number;
    // Solved in advance, as an attacker would, at the everyday difficulty: one 30 s, one 5 s before the flood.
    const early = await solvedProof({ app }, tenant.slug);
    now += 25_000;
    const recent = await solvedProof({ app }, tenant.slug);
    assert.equal(maxNumberOf(early), testProofMaxNumber);
    now += 5_000;
    // The floor: a new tenant's median hour counts as 2, so more than 10 reports in an hour are a flood.
    for (let i = 0; i < 11; i++) assert.equal((await postReport({ app }, tenant.slug, minimalReport())).status, 201);

    await expectRefused(
      await postReport({ app }, tenant.slug, minimalReport(), { headers: { 'Meldpunt-Proof': early } }),
      'proof-outdated',
    );
    assert.equal(await countReports(ctx.db, tenant.id), 11, 'nothing stored');
    // Made within the last two counts: another instance may not have noticed the flood yet, so it is good.
    const kept = await postReport({ app }, tenant.slug, minimalReport(), { headers: { 'Meldpunt-Proof': recent } });
    assert.equal(kept.status, 201, await kept.clone().text());
    // A fresh challenge is ten times harder, and it is accepted.
    const fresh = await solvedProof({ app }, tenant.slug);
    assert.equal(maxNumberOf(fresh), testProofMaxNumber * 10);
    const res = await postReport({ app }, tenant.slug, minimalReport(), { headers: { 'Meldpunt-Proof': fresh } });
    assert.equal(res.status, 201, await res.clone().text());
    // The problem tells the client what to do.
    const refused = await postReport({ app }, tenant.slug, minimalReport(), { headers: { 'Meldpunt-Proof': early } });
    assert.match((await readJson(refused)).detail, /fetch a new one/);
  });

  it('a proof used before → 403 proof-replayed, also when both race; one report stored', async () => {
    const tenant = await ctx.createTenant();
    const proof = await solvedProof(ctx, tenant.slug);
    const send = () => postReport(ctx, tenant.slug, minimalReport(), { headers: { 'Meldpunt-Proof': proof } });
    const statuses = (await Promise.all([send(), send(), send()])).map((r) => r.status).sort();
    assert.deepEqual(statuses, [201, 403, 403]);
    await expectRefused(await send(), 'proof-replayed');
    assert.equal(await countReports(ctx.db, tenant.id), 1);
  });

  it('a retry with the same Idempotency-Key needs no new proof and gets the original 201; a new key does', async () => {
    const tenant = await ctx.createTenant();
    const key = crypto.randomUUID();
    const first = await postReport(ctx, tenant.slug, minimalReport(), { headers: { 'Idempotency-Key': key } });
    assert.equal(first.status, 201);
    const retry = await postReport(ctx, tenant.slug, minimalReport(), {
      headers: { 'Idempotency-Key': key },
      proof: false,
    });
    assert.equal(retry.status, 201, await retry.clone().text());
    assert.equal((await readJson(retry)).id, (await readJson(first)).id);
    const other = await postReport(ctx, tenant.slug, minimalReport(), {
      headers: { 'Idempotency-Key': crypto.randomUUID() },
      proof: false,
    });
    await expectRefused(other, 'proof-required');
    assert.equal(await countReports(ctx.db, tenant.id), 1);
  });

  it('a report that failed on our side gives its proof back, so the retry can use it', async () => {
    const tenant = await ctx.createTenant();
    const failing = ctx.appWith({
      sealer: {
        seal: () => {
          throw new Error('sealing failed');
        },
      } as never,
    });
    const proof = await solvedProof(ctx, tenant.slug);
    const body = JSON.stringify(minimalReport({ contact: { email: 'x@voorbeeld.example', wantsFollowUp: false } }));
    const headers = { 'Content-Type': 'application/json', 'Meldpunt-Proof': proof };
    const res = await failing.request(`/api/v1/tenants/${tenant.slug}/reports`, { method: 'POST', headers, body });
    assert.equal(res.status, 500);
    const retry = await ctx.app.request(`/api/v1/tenants/${tenant.slug}/reports`, { method: 'POST', headers, body });
    assert.equal(retry.status, 201, await retry.clone().text());
  });

  it('a refused report (422) keeps its proof used', async () => {
    const tenant = await ctx.createTenant();
    const proof = await solvedProof(ctx, tenant.slug);
    const headers = { 'Meldpunt-Proof': proof };
    assert.equal((await postReport(ctx, tenant.slug, minimalReport({ role: 'nobody' }), { headers })).status, 422);
    await expectRefused(await postReport(ctx, tenant.slug, minimalReport(), { headers }), 'proof-replayed');
  });

  it('the CORS preflight of an allowed origin allows the Meldpunt-Proof header', async () => {
    const tenant = await ctx.createTenant();
    const res = await ctx.app.request(`/api/v1/tenants/${tenant.slug}/reports`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://www.testgemeente.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type, idempotency-key, meldpunt-proof',
      },
    });
    assert.equal(res.status, 204);
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/,\s*/);
    assert.ok(allowed.includes('meldpunt-proof'), allowed.join());
  });

  it('the replay store sweeps the challenges that have expired, and keeps the others', async () => {
    let now = Date.now();
    const store = new ProofReplayStore(ctx.db, () => now);
    const tag = crypto.randomUUID();
    assert.equal(await store.redeem(`${tag}-old`, new Date(now + 60_000)), true);
    assert.equal(await store.redeem(`${tag}-new`, new Date(now + 600_000)), true);
    assert.equal(await store.redeem(`${tag}-old`, new Date(now + 60_000)), false);
    now += 120_000;
    assert.ok((await store.sweep()) >= 1);
    // The swept one could be redeemed again, but it has expired: the proof check refuses it before.
    assert.equal(await store.redeem(`${tag}-old`, new Date(now + 60_000)), true);
    assert.equal(await store.redeem(`${tag}-new`, new Date(now + 600_000)), false);
  });
});

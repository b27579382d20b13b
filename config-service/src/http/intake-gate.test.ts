import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  countReports,
  databaseKind,
  minimalReport,
  postReport,
  readJson,
  solvedProof,
  useTestContext,
} from '../../test/helpers.ts';
import { IntakeGate } from './intake-gate.ts';
import { ProblemError } from './problem.ts';

/** A promise and the function that settles it. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('the intake gate: load shedding per instance', () => {
  it('runs at most maxInFlight at once; one more is refused at once with 503 busy, and there is room again after', async () => {
    const gate = new IntakeGate(2);
    const held = [deferred(), deferred()];
    const running = held.map((d) => gate.run(() => d.promise));
    assert.equal(gate.inFlight, 2);
    let ran = false;
    await assert.rejects(
      gate.run(async () => void (ran = true)),
      (error: unknown) =>
        error instanceof ProblemError &&
        error.problem.status === 503 &&
        error.problem.type.endsWith('/busy') &&
        error.headers['Retry-After'] === '2',
    );
    assert.equal(ran, false, 'the refused work never ran');
    held[0]!.resolve();
    await running[0];
    assert.equal(await gate.run(async () => 'stored'), 'stored');
    held[1]!.resolve();
    await running[1];
    assert.equal(gate.inFlight, 0);
  });

  it('a place is given back when the work fails', async () => {
    const gate = new IntakeGate(1);
    await assert.rejects(
      gate.run(async () => {
        throw new Error('database away');
      }),
      /database away/,
    );
    assert.equal(await gate.run(async () => 1), 1);
  });

  describe(`POST …/reports behind a full gate (${databaseKind})`, () => {
    const ctx = useTestContext();

    it('answers 503 busy with Retry-After, stores nothing, and the same proof sends the report once there is room', async () => {
      const tenant = await ctx.createTenant();
      const gate = new IntakeGate(1);
      const app = ctx.appWith({ intakeGate: gate });
      const hold = deferred();
      const holding = gate.run(() => hold.promise);

      const proof = await solvedProof(ctx, tenant.slug);
      const init = { headers: { 'Meldpunt-Proof': proof, 'Idempotency-Key': crypto.randomUUID() } };
      const res = await postReport({ app }, tenant.slug, minimalReport(), init);
      assert.equal(res.status, 503);
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
      assert.equal(res.headers.get('retry-after'), '2');
      const problem = await readJson(res);
      assert.equal(problem.type, 'https://meldpunt.dev/problems/busy');
      assert.match(problem.detail, /Nothing was stored.*112/);
      assert.equal(await countReports(ctx.db, tenant.id), 0);

      hold.resolve();
      await holding;
      const retry = await postReport({ app }, tenant.slug, minimalReport(), init);
      assert.equal(retry.status, 201, await retry.clone().text());
      assert.equal(await countReports(ctx.db, tenant.id), 1);
    });
  });
});

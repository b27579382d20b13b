import { expect } from '@open-wc/testing';
import { verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/sha';
import { BackgroundProof } from './proof.ts';
import { sendReport } from './send.ts';
import { fakeApi, testConfig, type FakeApi } from './test-support/fixtures.ts';

describe('proof of work (issue 16)', () => {
  let api: FakeApi | undefined;
  afterEach(() => api?.restore());

  it('solves the challenge in the background into the header altcha-lib verifies, one per report', async () => {
    api = fakeApi(testConfig());
    const proof = new BackgroundProof('https://api.test', 'testgemeente');
    proof.start();
    const header = await proof.take();
    const { challenge, solution } = JSON.parse(atob(header)) as { challenge: Challenge; solution: Solution };
    const result = await verifySolution({ challenge, solution, deriveKey, hmacSignatureSecret: 'fake api' });
    expect(result.verified).to.equal(true);
    const second = await proof.take();
    expect(second).not.to.equal(header);
  });

  it('a refused proof (expired, used before) is replaced once by a fresh one, with the same Idempotency-Key', async () => {
    api = fakeApi(testConfig());
    api.answers.push(
      Response.json(
        { type: 'https://meldpunt.dev/problems/proof-expired', title: 'expired', status: 403 },
        { status: 403, headers: { 'content-type': 'application/problem+json' } },
      ),
    );
    const proof = new BackgroundProof('https://api.test', 'testgemeente');
    const created = await sendReport('https://api.test', 'testgemeente', {} as never, 'key-12345678', 5000, proof);
    expect(created.reference).to.equal('K7QM-4XTP');
    expect(api.posts).to.have.length(2);
    expect(api.posts[0]!.idempotencyKey).to.equal(api.posts[1]!.idempotencyKey);
    expect(api.posts[0]!.proof).to.be.a('string').and.not.equal(api.posts[1]!.proof);
  });

  it('a busy answer (503, load shed) is sent again after a wait with the same proof and key; after three it shows', async () => {
    api = fakeApi(testConfig());
    const busy = () =>
      Response.json(
        { type: 'https://meldpunt.dev/problems/busy', title: 'busy', status: 503 },
        { status: 503, headers: { 'content-type': 'application/problem+json', 'retry-after': '2' } },
      );
    api.answers.push(busy(), busy());
    const waits: number[] = [];
    const wait = async (ms: number) => void waits.push(ms);
    const proof = new BackgroundProof('https://api.test', 'testgemeente');
    const created = await sendReport(
      'https://api.test',
      'testgemeente',
      {} as never,
      'key-12345678',
      5000,
      proof,
      wait,
    );
    expect(created.reference).to.equal('K7QM-4XTP');
    expect(api.posts).to.have.length(3);
    expect(new Set(api.posts.map((p) => p.proof)).size).to.equal(1);
    expect(new Set(api.posts.map((p) => p.idempotencyKey)).size).to.equal(1);
    expect(waits).to.have.length(2);
    for (const ms of waits) expect(ms).to.be.within(2000, 3000);

    api.answers.push(busy(), busy(), busy(), busy());
    const error = await sendReport(
      'https://api.test',
      'testgemeente',
      {} as never,
      'key-87654321',
      5000,
      proof,
      wait,
    ).then(
      () => undefined,
      (e: unknown) => e as { kind?: string; status?: number },
    );
    expect(error?.kind).to.equal('server');
    expect(error?.status).to.equal(503);
    expect(api.posts).to.have.length(3 + 4);
  });
});

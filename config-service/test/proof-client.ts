/**
 * Issue 16: solved proofs of work for tests and benches that post reports to a running service, as API clients make them
 * (README "Proof of work"): a challenge from the service, solved with altcha-lib, base64 of the JSON
 * `{ challenge, solution }` in `Meldpunt-Proof`. Solved before a measured run starts, so the run
 * measures the service, not the bench's own hashing.
 */
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';

/** One solved proof for a report to `slug` at the service at `base`. */
export async function solvedProofAt(base: string, slug: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/tenants/${slug}/challenge`);
  if (!res.ok) throw new Error(`challenge: ${res.status}`);
  const challenge = (await res.json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('challenge without a solution');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

/** `count` solved proofs, fetched `parallel` at a time (each is good for one report, for five minutes). */
export async function solvedProofs(base: string, slug: string, count: number, parallel = 16): Promise<string[]> {
  const proofs: string[] = [];
  while (proofs.length < count) {
    const batch = Math.min(parallel, count - proofs.length);
    proofs.push(...(await Promise.all(Array.from({ length: batch }, () => solvedProofAt(base, slug)))));
  }
  return proofs;
}

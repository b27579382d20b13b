// Issue 16: the proof of work every report carries, solved while the reporter fills in the steps — they
// never see a puzzle. In the chunk of the later steps (`later.ts`), so the first steps load without it.
//
// Solved on the main thread with altcha-lib's `solveChallenge` and its WebCrypto key function
// (`crypto.subtle.digest`): each try awaits a digest, which Chromium, Firefox and Safari compute off the
// main thread, so the page stays responsive — no Worker. A `new Worker(url)` of this script's origin is
// refused on the municipality's page (another origin), and a blob: worker would need `worker-src blob:` in
// the host page's CSP, which the strict-CSP demo page (`embed-demo/strict-csp.html`) does not allow.
//
// altcha-lib is a chunk of its own, loaded when the first challenge is solved: the later steps' chunk
// (counted in `pnpm bench:widget`'s "with the map") does not carry it.
import type { Challenge } from 'altcha-lib';
import { ApiError, apiRequest } from './api.ts';

/** A proof is not sent in its last minute: the report could arrive after it expired. */
const marginSeconds = 60;

/** The `Meldpunt-Proof` header: base64 of altcha-lib's JSON `{ challenge, solution }`. */
async function solvedHeader(
  base: string,
  tenant: string,
  signal?: AbortSignal,
): Promise<{ header: string; expiresAt: number }> {
  const [challenge, { solveChallenge }, { deriveKey }] = await Promise.all([
    apiRequest<Challenge>({ base, tenant, resource: 'challenge', signal }),
    import('altcha-lib'),
    import('altcha-lib/algorithms/web/sha'),
  ]);
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new ApiError('client');
  return {
    header: btoa(JSON.stringify({ challenge, solution })),
    expiresAt: challenge.parameters.expiresAt ?? Number.POSITIVE_INFINITY,
  };
}

/**
 * One solved proof kept ready for the next report of this tenant: `start()` fetches and solves one in
 * the background; `take()` hands it over (fetching and solving a fresh one when it has expired or
 * was never there) and starts on the next, for "report something else".
 */
export class BackgroundProof {
  #next: Promise<{ header: string; expiresAt: number }> | undefined;

  constructor(
    readonly base: string,
    readonly tenant: string,
  ) {}

  /** Starts solving one, unless one is ready or under way. A failure is only noticed at `take()`. */
  start(): void {
    if (this.#next) return;
    const next = solvedHeader(this.base, this.tenant);
    next.catch(() => {
      if (this.#next === next) this.#next = undefined;
    });
    this.#next = next;
  }

  /** A proof for one report: the one ready if it is still fresh, else a new one. */
  async take(): Promise<string> {
    const pending = this.#next ?? solvedHeader(this.base, this.tenant);
    this.#next = undefined;
    let proof = await pending;
    if (proof.expiresAt - marginSeconds <= Date.now() / 1000) proof = await solvedHeader(this.base, this.tenant);
    this.start();
    return proof.header;
  }
}

/** The service refused the proof (missing, expired, used before): a fresh one may succeed. */
export function isProofRefusal(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && /\/proof-[a-z]+$/.test(error.type ?? '');
}

/**
 * The element's proof for the next report (`meldpunt-widget.ts`): the one it has, or a new one — started
 * at once — when there is none yet or the tenant or service changed since.
 */
export function proofFor(current: BackgroundProof | undefined, base: string, tenant: string): BackgroundProof {
  if (current && current.base === base && current.tenant === tenant) return current;
  const proof = new BackgroundProof(base, tenant);
  proof.start();
  return proof;
}

import { createChallenge, randomInt, verifySolution, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { z } from 'zod';
import { DomainError } from '../errors/domain-error.ts';
import { purposes, type ServerSecret } from '../secrets/server-secret.ts';
import type { ProofDifficulty } from './difficulty.ts';
import type { ProofReplayStore } from './replay-store.ts';

/** How long a challenge may be solved and sent: a reporter who takes longer gets a fresh one from the widget. */
export const challengeLifetimeSeconds = 5 * 60;

/** The longest `Meldpunt-Proof` header read at all (a real one is about 700 characters). */
export const maxProofHeaderLength = 4096;

/**
 * What `Meldpunt-Proof` carries, as base64 of this JSON: altcha-lib's own payload (v2) — the challenge
 * exactly as `GET …/challenge` gave it and the `solution` its `solveChallenge` found. Unknown keys of
 * `parameters` are kept: the signature covers all of them, so an added or changed key is refused there.
 */
const proofSchema = z.object({
  challenge: z.object({
    parameters: z
      .object({
        algorithm: z.literal('SHA-256'),
        nonce: z.string().max(64),
        salt: z.string().max(64),
        cost: z.number(),
        keyLength: z.number(),
        keyPrefix: z.string().max(128),
        expiresAt: z.number(),
        keySignature: z.string(),
        data: z.object({ tenant: z.string(), maxNumber: z.number().optional() }).loose(),
      })
      .loose(),
    signature: z.string().max(256),
  }),
  solution: z.object({
    counter: z.number().int().min(0),
    derivedKey: z.string().max(256),
    time: z.number().optional(),
  }),
});

/** A redeemed proof: given back when the report could not be stored for a fault of ours. */
export interface Redemption {
  release(): Promise<void>;
}

/**
 * Proof of work instead of tracking or CAPTCHAs (issue 16), on the ALTCHA protocol with altcha-lib:
 * the service hands out HMAC-signed challenges bound to a tenant and a few minutes; a report carries
 * one solved, and each is good for one report. Nothing about the person is involved.
 *
 * Challenges are made in altcha's deterministic mode: the service draws the counter and signs the key it
 * gives (`keySignature`), so checking a solution costs one HMAC, never a search. The checks run from
 * cheap to dear — form, expiry and signatures (CPU only, so a forged proof costs no database work),
 * the tenant, then the one database write that marks the challenge as used.
 */
export class ProofOfWork {
  readonly #challengeKey: string;
  readonly #solutionKey: string;
  readonly #difficulty: ProofDifficulty;
  readonly #replays: ProofReplayStore;
  readonly #now: () => number;

  constructor(deps: {
    serverSecret: Pick<ServerSecret, 'deriveKey'>;
    difficulty: ProofDifficulty;
    replays: ProofReplayStore;
    now?: () => number;
  }) {
    this.#challengeKey = deps.serverSecret.deriveKey(purposes.proofChallenge).toString('base64');
    this.#solutionKey = deps.serverSecret.deriveKey(purposes.proofKey).toString('base64');
    this.#difficulty = deps.difficulty;
    this.#replays = deps.replays;
    this.#now = deps.now ?? Date.now;
  }

  /** A new challenge for a report to the tenant, as difficult as the tenant's intake asks for now. */
  async challengeFor(tenantId: string): Promise<Challenge> {
    const maxNumber = await this.#difficulty.maxNumber(tenantId);
    return createChallenge({
      algorithm: 'SHA-256',
      cost: 1,
      counter: randomInt(maxNumber, 0),
      deriveKey,
      expiresAt: Math.floor(this.#now() / 1000) + challengeLifetimeSeconds,
      // Signed with it, so a proof shows the difficulty it was solved at (`redeem`).
      data: { tenant: tenantId, maxNumber },
      hmacSignatureSecret: this.#challengeKey,
      hmacKeySignatureSecret: this.#solutionKey,
    });
  }

  /**
   * Checks the `Meldpunt-Proof` header for a report to the tenant and marks its challenge as used, or
   * throws the refusal (`proof-required`, `-invalid`, `-expired`, `-outdated`, `-replayed`).
   *
   * `-outdated`: a challenge made before the tenant's difficulty rose is no longer good, so proofs an
   * attacker solved in advance at the everyday difficulty stop working within seconds of the flood
   * being noticed (`recountMs`); a genuine reporter's widget replaces a refused proof once by itself.
   */
  async redeem(header: string | undefined, tenantId: string): Promise<Redemption> {
    if (header === undefined || header.trim() === '') throw refusal('proof-required');
    const proof = parseProof(header);
    const { parameters, signature } = proof.challenge;
    if (parameters.expiresAt * 1000 <= this.#now()) throw refusal('proof-expired');
    const result = await verifySolution({
      challenge: proof.challenge,
      solution: proof.solution,
      deriveKey,
      hmacSignatureSecret: this.#challengeKey,
      hmacKeySignatureSecret: this.#solutionKey,
    });
    // Expiry before validity, so a genuine reporter who took long reads "fetch a new one".
    if (result.expired) throw refusal('proof-expired');
    if (!result.verified) throw refusal('proof-invalid');
    // Signed by us, so `data.tenant` is the tenant it was given for: another tenant's proof is no proof here.
    if (parameters.data.tenant !== tenantId) throw refusal('proof-invalid');
    if (await this.#outdated(parameters, tenantId)) throw refusal('proof-outdated');
    if (!(await this.#replays.redeem(signature, new Date(parameters.expiresAt * 1000)))) {
      throw refusal('proof-replayed');
    }
    this.#difficulty.noteIntake(tenantId);
    return { release: () => this.#replays.release(signature) };
  }

  /**
   * Made at a lower difficulty than the tenant's now, and not just now: another instance may not have
   * noticed the flood yet (it counts every `recountMs`), so a challenge it made in the last two counts
   * is still good — a genuine reporter's retry never bounces between instances.
   */
  async #outdated(parameters: { expiresAt: number; data: { maxNumber?: number } }, tenantId: string): Promise<boolean> {
    const { baseMaxNumber, recountMs } = this.#difficulty.settings;
    // A challenge made before `maxNumber` was signed in its data counts as made at the everyday difficulty.
    const solvedAt = parameters.data.maxNumber ?? baseMaxNumber;
    if (solvedAt >= (await this.#difficulty.maxNumber(tenantId))) return false;
    const madeAt = (parameters.expiresAt - challengeLifetimeSeconds) * 1000;
    return madeAt < this.#now() - 2 * recountMs;
  }
}

function refusal(
  code: 'proof-required' | 'proof-invalid' | 'proof-expired' | 'proof-outdated' | 'proof-replayed',
): DomainError {
  return new DomainError({ code }, `Proof of work refused: ${code}`);
}

/** The header's payload, or `proof-invalid` for anything that is not base64 of the JSON altcha-lib makes. */
function parseProof(header: string): {
  challenge: Challenge & z.output<typeof proofSchema>['challenge'];
  solution: z.output<typeof proofSchema>['solution'];
} {
  if (header.length > maxProofHeaderLength) throw refusal('proof-invalid');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(header.trim(), 'base64').toString('utf8'));
  } catch {
    throw refusal('proof-invalid');
  }
  const parsed = proofSchema.safeParse(json);
  if (!parsed.success) throw refusal('proof-invalid');
  // The checked shape is altcha's own payload; its `data` values are ours (signed) once verified.
  return parsed.data as ReturnType<typeof parseProof>;
}

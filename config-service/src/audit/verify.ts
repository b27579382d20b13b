/**
 * Verification of the audit log (`pnpm audit:verify`): walks every chain, recomputes every hash and
 * compares the heads with those recorded outside the database.
 *
 * - a **changed** entry (or one inserted, or moved to another chain) no longer matches its hash;
 * - a **removed** entry leaves a gap in the sequence (renumbering the rest would change their hashes);
 * - a **cut-off** tail leaves a chain that is intact but short: only a head kept elsewhere shows it —
 *   the service logs every new head (`audit head`), and `--expect chain=sequence:hash` checks it.
 *   A tenant chain erased by offboarding is no cut-off: the platform chain records the head it ended at.
 *
 * Without the key (from `SERVER_SECRET`) nobody can compute a valid hash, so someone with only
 * database access can neither repair a change nor forge a replacement chain.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { ServerSecret } from '../secrets/server-secret.ts';
import { chains, entriesAfter, fieldsOfRow, offboardings, type AuditRow } from './audit-repository.ts';
import { chainHash } from './chain-hash.ts';

/** A chain's head: its newest entry's sequence and hash. */
export interface ChainHead {
  sequence: number;
  hash: string;
}

export interface AuditProblem {
  chain: string;
  /** The first sequence the problem concerns. */
  sequence: number;
  kind: 'changed' | 'removed' | 'cut-off';
  message: string;
}

export interface ChainReport {
  chain: string;
  entries: number;
  /** Undefined for a chain that exists only in the expectations (erased, or cut off entirely). */
  head: ChainHead | undefined;
}

export interface VerifyResult {
  chains: ChainReport[];
  problems: AuditProblem[];
}

/** Rows read per query. */
const batchSize = 1000;

/**
 * Verifies every chain in the database (or those in `only`: one tenant's log, say), and each head in
 * `expected` (by chain: a tenant's id or `platform`) against what the database holds. Reports every
 * problem found; an empty `problems` means the log is intact.
 */
export async function verifyAuditLog(
  db: Kysely<Database>,
  secret: ServerSecret,
  expected: ReadonlyMap<string, ChainHead> = new Map(),
  only?: readonly string[],
): Promise<VerifyResult> {
  const problems: AuditProblem[] = [];
  const reports: ChainReport[] = [];
  const inScope = (chain: string) => !only || only.includes(chain);
  for (const chain of (await chains(db)).filter(inScope)) {
    reports.push(await verifyChain(db, secret, chain, problems));
  }

  const erased = new Map<string, ChainHead & { platformSequence: number }>();
  for (const row of await offboardings(db)) {
    const details = row.details as { erasedHeadSequence: number; erasedHeadHash: string | null };
    erased.set(row.target_id ?? '', {
      sequence: details.erasedHeadSequence,
      hash: details.erasedHeadHash ?? '',
      platformSequence: row.sequence,
    });
  }

  for (const [chain, head] of expected) {
    if (!inScope(chain)) continue;
    const report = reports.find((r) => r.chain === chain);
    const erasure = erased.get(chain);
    if (!report && erasure) {
      if (head.sequence > erasure.sequence || (head.sequence === erasure.sequence && head.hash !== erasure.hash)) {
        problems.push({
          chain,
          sequence: head.sequence,
          kind: 'cut-off',
          message:
            `chain ${chain} was erased at offboarding (platform sequence ${erasure.platformSequence}) ending at ` +
            `sequence ${erasure.sequence}, but sequence ${head.sequence} (${head.hash}) was recorded outside the database`,
        });
      }
      continue;
    }
    if (!report) {
      problems.push({
        chain,
        sequence: 1,
        kind: 'cut-off',
        message: `chain ${chain} has no entries, but sequence ${head.sequence} (${head.hash}) was recorded outside the database`,
      });
      reports.push({ chain, entries: 0, head: undefined });
      continue;
    }
    const last = report.head?.sequence ?? 0;
    if (last < head.sequence) {
      problems.push({
        chain,
        sequence: last + 1,
        kind: 'cut-off',
        message:
          `chain ${chain} ends at sequence ${last}, but sequence ${head.sequence} (${head.hash}) was recorded ` +
          `outside the database: entries ${last + 1}–${head.sequence} were cut off`,
      });
      continue;
    }
    const [row] = await entriesAfter(db, chain, head.sequence - 1, 1, head.sequence);
    if (row && row.hash !== head.hash) {
      problems.push({
        chain,
        sequence: head.sequence,
        kind: 'changed',
        message:
          `chain ${chain} sequence ${head.sequence} has hash ${row.hash}, but ${head.hash} was recorded outside ` +
          'the database: the chain was rewritten from there on',
      });
    }
  }
  return { chains: reports, problems };
}

/** Walks one chain in order, recomputing each hash from the stored hash of the entry before it. */
async function verifyChain(
  db: Kysely<Database>,
  secret: ServerSecret,
  chain: string,
  problems: AuditProblem[],
): Promise<ChainReport> {
  let previous: AuditRow | undefined;
  let entries = 0;
  for (;;) {
    const batch = await entriesAfter(db, chain, previous?.sequence ?? 0, batchSize);
    for (const row of batch) {
      entries++;
      const wanted = (previous?.sequence ?? 0) + 1;
      const recomputed = chainHash(secret, previous?.hash ?? '', fieldsOfRow(row));
      if (row.sequence !== wanted) {
        problems.push({
          chain,
          sequence: wanted,
          kind: 'removed',
          message:
            row.sequence === wanted + 1
              ? `chain ${chain} sequence ${wanted} is missing: the entry was removed`
              : `chain ${chain} sequences ${wanted}–${row.sequence - 1} are missing: the entries were removed`,
        });
      } else if (recomputed !== row.hash) {
        problems.push({
          chain,
          sequence: row.sequence,
          kind: 'changed',
          message: `chain ${chain} sequence ${row.sequence} does not match its hash: the entry was changed (or inserted)`,
        });
      }
      previous = row;
    }
    if (batch.length < batchSize) break;
  }
  return { chain, entries, head: previous ? { sequence: previous.sequence, hash: previous.hash } : undefined };
}

/**
 * Heads recorded outside the database, from `--expect` values (`chain=sequence:hash`) and from text
 * holding such lines or the service's JSON log lines (`audit head`; other log lines, and one cut off
 * mid-line, are passed over): per chain, the highest sequence. Throws on any other malformed line.
 */
export function parseExpectations(values: readonly string[], texts: readonly string[] = []): Map<string, ChainHead> {
  const heads = new Map<string, ChainHead>();
  const keep = (chain: string, head: ChainHead) => {
    const known = heads.get(chain);
    if (!known || known.sequence < head.sequence) heads.set(chain, head);
  };
  for (const value of values) {
    const [, chain, sequence, hash] = /^([A-Za-z0-9-]+)=([1-9][0-9]*):([A-Za-z0-9_-]+)$/.exec(value.trim()) ?? [];
    if (!chain || !sequence || !hash) throw new Error(`Not an expectation (chain=sequence:hash): ${value}`);
    keep(chain, { sequence: Number(sequence), hash });
  }
  for (const text of texts) {
    for (const line of text.split('\n')) {
      const trimmed = line.trim();
      if (!trimmed) continue;
      if (trimmed.startsWith('{')) {
        const head = headOfLogLine(trimmed);
        if (head) keep(head.chain, { sequence: head.sequence, hash: head.hash });
      } else {
        for (const [chain, head] of parseExpectations([trimmed])) keep(chain, head);
      }
    }
  }
  return heads;
}

/** The head a service log line records (`{"audit":{"chain":…,"sequence":…,"hash":…}}`), if any. */
function headOfLogLine(line: string): (ChainHead & { chain: string }) | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return undefined;
  }
  const audit = (parsed as { audit?: { chain?: unknown; sequence?: unknown; hash?: unknown } } | null)?.audit;
  if (typeof audit?.chain !== 'string' || typeof audit.sequence !== 'number' || typeof audit.hash !== 'string') {
    return undefined;
  }
  return { chain: audit.chain, sequence: audit.sequence, hash: audit.hash };
}

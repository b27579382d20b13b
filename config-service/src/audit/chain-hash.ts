/**
 * The keyed hash that links an audit entry to the one before it:
 * `hash = HMAC-SHA256(key, canonical([version, previous hash, the entry's fields…]))`, base64url, with
 * the key derived from `SERVER_SECRET` for the purpose `auditChain` (never stored in the database).
 *
 * Every stored field is covered, the chain and the sequence included, so an entry cannot be changed,
 * moved to another chain or renumbered; the previous hash makes removing or inserting one break the
 * next link. The first entry of a chain links to the empty string.
 */
import { purposes, type ServerSecret } from '../secrets/server-secret.ts';

/** The stored fields of an entry, as plain values (what a row holds, whatever its action). */
export interface HashedFields {
  id: string;
  chain: string;
  sequence: number;
  /** ISO 8601 with milliseconds, UTC (`Date.toISOString()`). */
  occurredAt: string;
  tenantId: string | null;
  actorKind: string | null;
  actorId: string | null;
  action: string;
  targetKind: string | null;
  targetId: string | null;
  details: unknown;
}

/** Bumped when the encoding changes; part of every hash, so two encodings never collide. */
const encodingVersion = 1;

/**
 * The canonical encoding: a JSON array in a fixed order, object keys sorted at every depth (jsonb does
 * not keep key order, so the bytes hashed must not depend on it). JSON quotes every string, so no two
 * different entries encode alike.
 */
export function canonicalEncoding(previousHash: string, fields: HashedFields): string {
  return JSON.stringify([
    encodingVersion,
    previousHash,
    fields.chain,
    fields.sequence,
    fields.id,
    fields.occurredAt,
    fields.tenantId,
    fields.actorKind,
    fields.actorId,
    fields.action,
    fields.targetKind,
    fields.targetId,
    sortKeys(fields.details),
  ]);
}

/** The entry's hash, linking it to `previousHash` (empty for the first entry of a chain). */
export function chainHash(secret: ServerSecret, previousHash: string, fields: HashedFields): string {
  return secret.hmac(purposes.auditChain, canonicalEncoding(previousHash, fields));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

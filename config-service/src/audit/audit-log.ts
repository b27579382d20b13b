/**
 * The audit log: append-only, one hash chain per tenant and one for the platform.
 *
 * Why a chain per tenant rather than one global chain: a tenant admin reads, exports and verifies
 * their own tenant's log without seeing (or depending on) any other tenant's entries; offboarding
 * erases one tenant's chain whole, leaving every other chain intact and verifiable; and appends of
 * different tenants never wait for one another. The platform chain holds what is no tenant's own
 * (the operator's work, failed sign-ins that name no tenant) and records every erasure of a chain.
 *
 * An append takes the chain's advisory lock, reads its head, and inserts the next entry with
 * `hash = HMAC(previous hash ‖ entry)` (`chain-hash.ts`), all in one transaction; a unique
 * (chain, sequence) stops a fork even without the lock. After the commit every new head is written to
 * the log (`audit head` with chain, sequence and hash), outside the database, so a tail cut off the
 * database can be detected against it (`audit:verify --expect`).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import type { ServerSecret } from '../secrets/server-secret.ts';
import {
  chainOf,
  parseAuditInput,
  platformChain,
  type AuditActor,
  type AuditEntry,
  type AuditInput,
} from './audit-entry.ts';
import {
  chainHead,
  countChain,
  deleteTenantChain,
  entriesAfter,
  entriesBefore,
  entryOfRow,
  fieldsOfInput,
  insertEntry,
  lockChain,
} from './audit-repository.ts';
import { chainHash } from './chain-hash.ts';
import { csvRows, exportContentTypes, jsonLine, type AuditExportFormat } from './export-format.ts';

export interface AuditLogDeps {
  db: Kysely<Database>;
  serverSecret: ServerSecret;
  logger: Logger;
  /** The clock (tests pass their own). */
  now?: () => Date;
}

/** Appends entries inside a transaction of `AuditLog.transaction`. */
export type AppendAudit = (input: AuditInput) => Promise<AuditEntry>;

/** One page of a chain, newest first; `nextBefore` asks for the page after it (undefined: no more). */
export interface AuditPage {
  entries: AuditEntry[];
  nextBefore: number | undefined;
}

/** An export in progress: its own audit entry, and the text to send, piece by piece. */
export interface AuditExport {
  /** The `export.created` entry: the last one the export holds. */
  entry: AuditEntry;
  contentType: string;
  lines: AsyncIterable<string>;
}

/** Entries read per query while exporting. */
const exportBatchSize = 500;

/** The most entries one page may hold. */
export const maxAuditPageSize = 200;

export class AuditLog {
  readonly #deps: AuditLogDeps;

  constructor(deps: AuditLogDeps) {
    this.#deps = deps;
  }

  /** Appends one entry in a transaction of its own. */
  async append(input: AuditInput): Promise<AuditEntry> {
    return this.transaction((_trx, append) => append(input));
  }

  /**
   * Runs `work` in one transaction with an `append` that adds entries to it: the change and its
   * audit entries commit together or not at all. The heads are logged once the transaction has
   * committed, never for entries that were rolled back.
   *
   * A transaction that appends to a tenant chain and to the platform chain appends to the tenant's
   * first (locks are taken in that order everywhere, so two such transactions cannot deadlock).
   */
  async transaction<T>(work: (trx: Kysely<Database>, append: AppendAudit) => Promise<T>): Promise<T> {
    const appended: AuditEntry[] = [];
    const result = await this.#deps.db.transaction().execute(async (trx) =>
      work(trx, async (input) => {
        const entry = await this.#appendIn(trx, input);
        appended.push(entry);
        return entry;
      }),
    );
    for (const entry of appended) this.#logHead(entry);
    return result;
  }

  /**
   * Offboarding: erases a tenant's whole chain, recorded in the platform chain (`tenant.offboarded`,
   * with how many entries went and the head they ended at) in the same transaction. Pass the
   * transaction that deletes the tenant, so both happen or neither does; export the chain first if
   * it is to be kept (`exportAuditLog`).
   */
  async eraseTenantChain(
    trx: Kysely<Database>,
    append: AppendAudit,
    tenantId: string,
    actor: AuditActor,
  ): Promise<{ erasedEntries: number }> {
    // The tenant's chain first, then the platform's (the order every transaction keeps).
    await lockChain(trx, tenantId);
    const head = await chainHead(trx, tenantId);
    const entries = await countChain(trx, tenantId);
    await append({
      tenantId: null,
      actor,
      action: 'tenant.offboarded',
      target: { kind: 'tenant', id: tenantId },
      details: {
        erasedEntries: entries,
        erasedHeadSequence: head?.sequence ?? 0,
        erasedHeadHash: head?.hash ?? null,
      },
    });
    return { erasedEntries: await deleteTenantChain(trx, tenantId) };
  }

  /**
   * One page of a chain (a tenant's id, or `platform`), newest first. `before` is the `nextBefore` of
   * the previous page; `limit` is at most `maxAuditPageSize`; `action` keeps only entries of that action
   * (the cursor works the same: `nextBefore` is the last entry's sequence).
   */
  async read(chain: string, options: { before?: number; limit?: number; action?: string } = {}): Promise<AuditPage> {
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? 50), 1), maxAuditPageSize);
    const rows = await entriesBefore(this.#deps.db, chain, options.before, limit + 1, options.action);
    const entries = rows.slice(0, limit).map(entryOfRow);
    return { entries, nextBefore: rows.length > limit ? entries.at(-1)?.sequence : undefined };
  }

  /**
   * A chain's export in `format`, for its tenant's admins (or the operator, for `platform`). The export
   * is itself audited: it appends `export.created` to the chain first and then contains every entry up
   * to and including that one, so the last line is the head the export ends at.
   */
  async export(chain: string, options: { actor: AuditActor; format: AuditExportFormat }): Promise<AuditExport> {
    const entry = await this.transaction(async (trx, append) => {
      await lockChain(trx, chain);
      const rows = (await countChain(trx, chain)) + 1;
      return append({
        tenantId: chain === platformChain ? null : chain,
        actor: options.actor,
        action: 'export.created',
        target: null,
        details: { of: 'audit-log', format: options.format, rows },
      });
    });
    const db = this.#deps.db;
    const format = options.format;
    async function* lines(): AsyncGenerator<string> {
      let after = 0;
      for (;;) {
        const batch = (await entriesAfter(db, chain, after, exportBatchSize, entry.sequence)).map(entryOfRow);
        if (format === 'csv') yield csvRows(batch, after === 0);
        else for (const e of batch) yield jsonLine(e);
        const last = batch.at(-1);
        if (!last || batch.length < exportBatchSize) return;
        after = last.sequence;
      }
    }
    return { entry, contentType: exportContentTypes[format], lines: lines() };
  }

  async #appendIn(trx: Kysely<Database>, input: AuditInput): Promise<AuditEntry> {
    const checked = parseAuditInput(input);
    const chain = chainOf(checked.tenantId);
    await lockChain(trx, chain);
    const head = await chainHead(trx, chain);
    const at = {
      id: randomUUID(),
      chain,
      sequence: (head?.sequence ?? 0) + 1,
      occurredAt: (this.#deps.now?.() ?? new Date()).toISOString(),
    };
    const fields = fieldsOfInput(checked, at);
    const hash = chainHash(this.#deps.serverSecret, head?.hash ?? '', fields);
    await insertEntry(trx, fields, hash);
    return { ...checked, ...at, hash } as AuditEntry;
  }

  #logHead(entry: AuditEntry): void {
    this.#deps.logger.info(
      { audit: { chain: entry.chain, sequence: entry.sequence, hash: entry.hash, action: entry.action } },
      entry.chain === platformChain ? 'audit head (platform)' : 'audit head',
    );
  }
}

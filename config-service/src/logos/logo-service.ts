import type { Kysely } from 'kysely';
import { logoPath, type Logo } from '@meldpunt/contracts';
import type { AuditActor } from '../audit/audit-entry.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import { reencodeLogo } from './logo-image.ts';

export interface LogoDeps {
  db: Kysely<Database>;
  auditLog: AuditLog;
}

/**
 * Stores a tenant's uploaded logo, re-encoded (`reencodeLogo` refuses anything else), and audits it
 * in the same transaction. The same image again is the same row (by content hash): answered and
 * audited again, stored once.
 */
export async function uploadLogo(
  deps: LogoDeps,
  tenantId: string,
  upload: Uint8Array,
  actor: AuditActor,
): Promise<Logo> {
  const logo = await reencodeLogo(upload);
  await deps.auditLog.transaction(async (trx, append) => {
    await trx
      .insertInto('logo')
      .values({ tenant_id: tenantId, hash: logo.hash, image: logo.image, width: logo.width, height: logo.height })
      .onConflict((oc) => oc.columns(['tenant_id', 'hash']).doNothing())
      .execute();
    await append({
      tenantId,
      actor,
      action: 'logo.uploaded',
      target: { kind: 'tenant', id: tenantId },
      details: { bytes: logo.image.length, width: logo.width, height: logo.height },
    });
  });
  return { id: logo.hash, url: logoPath(logo.hash), width: logo.width, height: logo.height };
}

/** A stored logo's image by its id (any tenant's: the same id is the same bytes), or undefined. */
export async function findLogoImage(db: Kysely<Database>, id: string): Promise<Buffer | undefined> {
  const row = await db.selectFrom('logo').select('image').where('hash', '=', id).limit(1).executeTakeFirst();
  return row?.image;
}

/**
 * Offboarding a tenant (the platform operator), in two steps.
 *
 * 1. `exportTenant`: one JSON document with everything the tenant has — its config versions, private
 *    settings (the webhook's signing secret left out: it is a credential, not data), its reports with
 *    their contact details OPENED, the state of its deliveries, its members (address, name, roles),
 *    open invitations and its audit chain. Opening the contact details is a contact reveal: before the
 *    first byte the platform chain records `export.created` and `contacts.exported` (how many), and a
 *    `tenant_export` row is written; the row is marked complete only once the whole document was
 *    produced, and only a complete export counts for step 2.
 * 2. `offboardTenant`: deletes the tenant — only with its slug typed as confirmation and a complete
 *    export of the last 24 hours (`export-required` otherwise). In ONE transaction: its reports and
 *    outbox, memberships and invitations, the people left without any membership who are not platform
 *    operators (their sessions and passkeys go with them), its configs, and its audit chain — erased by
 *    `AuditLog.eraseTenantChain`, which first records `tenant.offboarded` (with the erased head) in the
 *    platform chain, so `audit:verify` tells the erasure from a cut-off.
 *
 * Reports entered in this tenant's widget but received by another municipality (routed by their
 * place) belong to that one and stay; they are re-labelled as entered there, under its published
 * config (the config they were entered under is deleted with this tenant).
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { ReportContact } from '@meldpunt/contracts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { ContactSealer } from '../secrets/contact-sealer.ts';

export interface OffboardingDeps {
  db: Kysely<Database>;
  auditLog: AuditLog;
  sealer: Pick<ContactSealer, 'open'>;
}

/** How long an export lets the tenant be deleted. */
export const exportValidityMs = 24 * 3_600_000;

/** Reports are read (and their contacts opened) this many at a time while the document streams. */
const reportBatch = 200;

export interface TenantExport {
  /** `tenant-<slug>-<date>.json`. */
  filename: string;
  /** The document, piece by piece (JSON text). */
  chunks: AsyncGenerator<string>;
}

/**
 * Starts a tenant's export (audited at once, see above); the document follows from `chunks`.
 * Undefined when there is no such tenant.
 */
export async function exportTenant(
  deps: OffboardingDeps,
  tenantId: string,
  actorId: string,
  now = new Date(),
): Promise<TenantExport | undefined> {
  const { db } = deps;
  const found = await db.selectFrom('tenant').selectAll().where('id', '=', tenantId).executeTakeFirst();
  if (!found) return undefined;
  const tenant = found;
  const actor = { kind: 'staff', id: actorId } as const;
  const exportId = randomUUID();
  const target = { kind: 'tenant', id: tenantId } as const;
  await deps.auditLog.transaction(async (trx, append) => {
    const counts = await trx
      .selectFrom('report')
      .select((eb) => [eb.fn.countAll<string>().as('reports'), eb.fn.count<string>('contact_sealed').as('contacts')])
      .where('tenant_id', '=', tenantId)
      .executeTakeFirstOrThrow();
    await append({
      tenantId: null,
      actor,
      action: 'export.created',
      target,
      details: { of: 'tenant', format: 'json', rows: Number(counts.reports) },
    });
    await append({
      tenantId: null,
      actor,
      action: 'contacts.exported',
      target,
      details: { reports: Number(counts.contacts) },
    });
    await trx.insertInto('tenant_export').values({ id: exportId, tenant_id: tenantId, staff_id: actorId }).execute();
  });

  async function* chunks(): AsyncGenerator<string> {
    const configs = await db
      .selectFrom('tenant_config_version')
      .select(['version', 'config', 'created_at', 'published_at'])
      .where('tenant_id', '=', tenantId)
      .orderBy('version')
      .execute();
    // The webhook secret is sealed apart (`tenant.webhook_secret_sealed`) and never exported.
    const { webhook } = tenant.settings.delivery;
    const settings = {
      ...tenant.settings,
      delivery: {
        ...tenant.settings.delivery,
        ...(webhook ? { webhook: { url: webhook.url, secret: '(not exported)' } } : {}),
      },
    };
    yield `{"format":"meldpunt-tenant-export","version":1,"exportedAt":${JSON.stringify(now.toISOString())},`;
    yield `"tenant":${JSON.stringify({
      id: tenant.id,
      slug: tenant.slug,
      name: tenant.name,
      kind: tenant.kind,
      municipalityCode: tenant.municipality_code,
      isDemo: tenant.is_demo,
      publishedVersion: tenant.published_version,
      createdAt: tenant.created_at.toISOString(),
    })},`;
    yield `"settings":${JSON.stringify(settings)},`;
    yield `"configVersions":${JSON.stringify(
      configs.map((c) => ({
        version: c.version,
        createdAt: c.created_at.toISOString(),
        publishedAt: c.published_at?.toISOString() ?? null,
        config: c.config,
      })),
    )},`;
    yield `"reports":[`;
    let after: string | undefined;
    let first = true;
    for (;;) {
      const rows = await db
        .selectFrom('report')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .$if(after !== undefined, (q) => q.where('id', '>', after ?? ''))
        .orderBy('id')
        .limit(reportBatch)
        .execute();
      for (const r of rows) {
        const { contact_sealed, request_hash: _hash, idempotency_key: _key, ...fields } = r;
        const contact: ReportContact | null = contact_sealed
          ? deps.sealer.open(contact_sealed, { reportId: r.id, tenantId: r.tenant_id })
          : null;
        yield `${first ? '' : ','}${JSON.stringify({ ...fields, contact })}`;
        first = false;
      }
      const last = rows.at(-1);
      if (!last || rows.length < reportBatch) break;
      after = last.id;
    }
    yield `],`;
    const deliveries = await db
      .selectFrom('delivery')
      .select([
        'id',
        'kind',
        'report_id',
        'invitation_id',
        'channel',
        'target',
        'status',
        'attempts',
        'last_error',
        'sent_at',
        'created_at',
      ])
      .where('tenant_id', '=', tenantId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    yield `"deliveries":${JSON.stringify(deliveries)},`;
    const memberships = await db
      .selectFrom('membership')
      .innerJoin('staff', 'staff.id', 'membership.staff_id')
      .select(['staff.id', 'staff.email', 'staff.name', 'membership.role'])
      .where('membership.tenant_id', '=', tenantId)
      .orderBy('staff.email')
      .execute();
    const members = new Map<string, { id: string; email: string; name: string; roles: string[] }>();
    for (const m of memberships) {
      const member = members.get(m.id) ?? { id: m.id, email: m.email, name: m.name, roles: [] };
      member.roles.push(m.role);
      members.set(m.id, member);
    }
    yield `"members":${JSON.stringify([...members.values()])},`;
    const invitations = await db
      .selectFrom('invitation')
      .select(['id', 'email', 'roles', 'created_at', 'expires_at', 'used_at'])
      .where('tenant_id', '=', tenantId)
      .orderBy('created_at')
      .execute();
    yield `"invitations":${JSON.stringify(invitations)},`;
    // The tenant's chain, with its own `export.created` (of the audit log) as the last entry.
    const audit = await deps.auditLog.export(tenantId, { actor, format: 'jsonl' });
    yield `"auditLog":[`;
    let firstEntry = true;
    for await (const line of audit.lines) {
      yield `${firstEntry ? '' : ','}${line.trimEnd()}`;
      firstEntry = false;
    }
    yield `]}\n`;
    await db
      .updateTable('tenant_export')
      .set({ completed_at: sql<Date>`now()` })
      .where('id', '=', exportId)
      .execute();
  }

  return { filename: `tenant-${tenant.slug}-${now.toISOString().slice(0, 10)}.json`, chunks: chunks() };
}

/** What an offboarding removed, by table (counts only). */
export interface OffboardingResult {
  reports: number;
  deliveries: number;
  memberships: number;
  invitations: number;
  staff: number;
  auditEntries: number;
}

/**
 * Deletes a tenant (see the header). Undefined when there is no such tenant; refuses a wrong
 * confirmation (`confirmation-mismatch`) and a tenant without a complete export in the last 24 hours
 * (`export-required`).
 */
export async function offboardTenant(
  deps: Pick<OffboardingDeps, 'auditLog'>,
  tenantId: string,
  confirmSlug: string,
  actorId: string,
): Promise<OffboardingResult | undefined> {
  return deps.auditLog.transaction(async (trx, append) => {
    const tenant = await trx
      .selectFrom('tenant')
      .select(['id', 'slug'])
      .where('id', '=', tenantId)
      .forUpdate()
      .executeTakeFirst();
    if (!tenant) return undefined;
    if (confirmSlug !== tenant.slug) {
      throw new DomainError({ code: 'confirmation-mismatch' }, 'The confirmation is not the slug');
    }
    const exported = await trx
      .selectFrom('tenant_export')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('completed_at', '>', sql<Date>`now() - ${exportValidityMs}::integer * interval '1 millisecond'`)
      .executeTakeFirst();
    if (!exported) throw new DomainError({ code: 'export-required' }, 'No complete export in the last 24 hours');

    const memberIds = (
      await trx.selectFrom('membership').select('staff_id').distinct().where('tenant_id', '=', tenantId).execute()
    ).map((m) => m.staff_id);
    // Reports of other municipalities entered in this tenant's widget stay with them (see the header).
    await sql`
      update report set source_tenant_id = report.tenant_id, config_version = receiver.published_version
      from tenant receiver
      where receiver.id = report.tenant_id and report.source_tenant_id = ${tenantId} and report.tenant_id <> ${tenantId}
        and receiver.published_version is not null`.execute(trx);
    const deliveries = await trx
      .deleteFrom('delivery')
      .where((eb) =>
        eb.or([
          eb('tenant_id', '=', tenantId),
          eb('report_id', 'in', eb.selectFrom('report').select('id').where('tenant_id', '=', tenantId)),
        ]),
      )
      .executeTakeFirst();
    const reports = await trx.deleteFrom('report').where('tenant_id', '=', tenantId).executeTakeFirst();
    const invitations = await trx.deleteFrom('invitation').where('tenant_id', '=', tenantId).executeTakeFirst();
    const memberships = await trx.deleteFrom('membership').where('tenant_id', '=', tenantId).executeTakeFirst();
    // People who now belong nowhere and are no operator: their account goes (sessions, passkeys with it).
    const staff =
      memberIds.length === 0
        ? { numDeletedRows: 0n }
        : await trx
            .deleteFrom('staff')
            .where('id', 'in', memberIds)
            .where('platform_admin', '=', false)
            .where((eb) =>
              eb.not(
                eb.exists(
                  eb.selectFrom('membership').select('staff_id').whereRef('membership.staff_id', '=', 'staff.id'),
                ),
              ),
            )
            .executeTakeFirst();
    const erased = await deps.auditLog.eraseTenantChain(trx, append, tenantId, { kind: 'staff', id: actorId });
    await trx.deleteFrom('tenant_export').where('tenant_id', '=', tenantId).execute();
    await trx.deleteFrom('tenant_config_version').where('tenant_id', '=', tenantId).execute();
    await trx.deleteFrom('tenant').where('id', '=', tenantId).execute();
    return {
      reports: Number(reports.numDeletedRows),
      deliveries: Number(deliveries.numDeletedRows),
      memberships: Number(memberships.numDeletedRows),
      invitations: Number(invitations.numDeletedRows),
      staff: Number(staff.numDeletedRows),
      auditEntries: erased.erasedEntries,
    };
  });
}

import type { Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * The webhook secret sealed at rest (issue 13): `tenant.webhook_secret_sealed` holds it sealed with
 * the contact key ring, bound to the tenant (`secrets/webhook-secret.ts`), instead of in plain text in
 * the `settings` JSON. A migration has no keys: the secrets already stored are sealed — and removed
 * from the JSON — by `sealPlaintextWebhookSecrets`, which the service, the worker, `pnpm tenant:import`
 * and `pnpm secrets:reseal` run first thing with the key ring.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tenant').addColumn('webhook_secret_sealed', 'bytea').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tenant').dropColumn('webhook_secret_sealed').execute();
}

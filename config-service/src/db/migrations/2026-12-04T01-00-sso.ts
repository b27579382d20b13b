import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * Single sign-on per tenant with the municipality's own OpenID provider:
 * - `tenant_sso`: the tenant's provider (issuer, client id) and its client secret, sealed with the
 *   contact key ring (re-sealed by `pnpm secrets:reseal`), the e-mail domains a first sign-in may come
 *   from, and whether it is offered;
 * - `staff_identity`: a person bound to a provider's `iss` + `sub` at their first SSO sign-in. One
 *   subject is one person, and a person has at most one subject per issuer;
 * - `sso_sign_in`: a sign-in under way, found by the keyed hash of its `state` (never the state
 *   itself), used once and for ten minutes at most. Its nonce and PKCE verifier are kept in the clear:
 *   they are worth nothing without the authorization code (which only the browser and the callback
 *   see) and the client secret (sealed), and the row is deleted when used.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tenant_sso')
    .addColumn('tenant_id', 'uuid', (col) => col.primaryKey().references('tenant.id').onDelete('cascade'))
    .addColumn('issuer', 'text', (col) => col.notNull())
    .addColumn('client_id', 'text', (col) => col.notNull())
    .addColumn('client_secret_sealed', 'bytea', (col) => col.notNull())
    .addColumn('allowed_email_domains', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('enabled', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('staff_identity')
    .addColumn('staff_id', 'uuid', (col) => col.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('issuer', 'text', (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('staff_identity_pkey', ['issuer', 'subject'])
    .addUniqueConstraint('staff_identity_one_per_issuer', ['staff_id', 'issuer'])
    .execute();

  await db.schema
    .createTable('sso_sign_in')
    .addColumn('state_hash', 'text', (col) => col.primaryKey())
    .addColumn('tenant_id', 'uuid', (col) => col.notNull().references('tenant.id').onDelete('cascade'))
    .addColumn('browser_hash', 'text', (col) => col.notNull())
    .addColumn('nonce', 'text', (col) => col.notNull())
    .addColumn('code_verifier', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('sso_sign_in_expires').on('sso_sign_in').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sso_sign_in').execute();
  await db.schema.dropTable('staff_identity').execute();
  await db.schema.dropTable('tenant_sso').execute();
}

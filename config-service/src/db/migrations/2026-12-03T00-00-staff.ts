import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * Staff and their way in: people (`staff`), their roles per tenant (`membership`, one row per role),
 * their sessions (`staff_session`) and invitations (`invitation`). Tokens are never stored, only their
 * keyed hash (HMAC with a key from SERVER_SECRET). Deleting a tenant takes its memberships and
 * invitations with it; deleting a person takes their memberships and sessions, and leaves the
 * invitations they sent (without a sender).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('staff')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('email', 'text', (col) =>
      col
        .notNull()
        .unique()
        .check(sql`email = lower(email)`),
    )
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('platform_admin', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('membership')
    .addColumn('tenant_id', 'uuid', (col) => col.notNull().references('tenant.id').onDelete('cascade'))
    .addColumn('staff_id', 'uuid', (col) => col.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('role', 'text', (col) =>
      col.notNull().check(sql`role in ('admin', 'editor', 'publisher', 'officer', 'analyst')`),
    )
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('membership_pkey', ['tenant_id', 'staff_id', 'role'])
    .execute();
  await db.schema.createIndex('membership_staff').on('membership').column('staff_id').execute();

  await db.schema
    .createTable('staff_session')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('staff_id', 'uuid', (col) => col.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('last_active_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('idle_expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('absolute_expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('staff_session_staff').on('staff_session').column('staff_id').execute();

  await db.schema
    .createTable('invitation')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('email', 'text', (col) => col.notNull().check(sql`email = lower(email)`))
    .addColumn('tenant_id', 'uuid', (col) => col.references('tenant.id').onDelete('cascade'))
    .addColumn('roles', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('platform_admin', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('invited_by', 'uuid', (col) => col.references('staff.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('used_at', 'timestamptz')
    // An invitation grants something: roles in a tenant (roles with a tenant, never without), the platform, or both.
    .addCheckConstraint(
      'invitation_grants',
      sql`(tenant_id is null) = (cardinality(roles) = 0) and (platform_admin or tenant_id is not null)`,
    )
    .execute();
  await db.schema.createIndex('invitation_tenant').on('invitation').column('tenant_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('invitation').execute();
  await db.schema.dropTable('staff_session').execute();
  await db.schema.dropTable('membership').execute();
  await db.schema.dropTable('staff').execute();
}

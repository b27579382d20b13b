import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * Passkeys (WebAuthn) and their sign-in state:
 * - `passkey_user`: the WebAuthn user handle of a person — 32 random bytes, base64url, chosen at their
 *   first passkey. Authenticators keep it and hand it back at sign-in; it is neither the e-mail address
 *   nor the staff id, so nothing on an authenticator (or in a response) names the person.
 * - `passkey`: a person's credentials (several each): the credential id (base64url, unique), the public
 *   key (COSE), the signature counter, transports, a label and when it was made and last used.
 * - `webauthn_challenge`: the server side of a ceremony in progress, keyed by the keyed hash of a random
 *   `state` the browser holds (never the state itself, never a cookie): which kind, the challenge, for
 *   which invitation or person, and the user handle offered. Single use (deleted when used), five
 *   minutes; expired rows are deleted as new ones are made.
 * Deleting a person takes their passkeys, user handle and ceremonies with them; deleting an invitation
 * its ceremonies.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('passkey_user')
    .addColumn('staff_id', 'uuid', (col) => col.primaryKey().references('staff.id').onDelete('cascade'))
    .addColumn('user_handle', 'text', (col) => col.notNull().unique())
    .execute();

  await db.schema
    .createTable('passkey')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('staff_id', 'uuid', (col) => col.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('credential_id', 'text', (col) => col.notNull().unique())
    .addColumn('public_key', 'bytea', (col) => col.notNull())
    // WebAuthn's signature counter is an unsigned 32-bit number: beyond `integer`.
    .addColumn('counter', 'bigint', (col) =>
      col
        .notNull()
        .defaultTo(0)
        .check(sql`counter >= 0`),
    )
    .addColumn('transports', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('passkey_staff').on('passkey').column('staff_id').execute();

  await db.schema
    .createTable('webauthn_challenge')
    .addColumn('state_hash', 'text', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('registration', 'authentication')`))
    .addColumn('challenge', 'text', (col) => col.notNull())
    .addColumn('invitation_id', 'uuid', (col) => col.references('invitation.id').onDelete('cascade'))
    .addColumn('staff_id', 'uuid', (col) => col.references('staff.id').onDelete('cascade'))
    .addColumn('user_handle', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    // A registration is for an invitation or a signed-in person (never both), with a user handle; a
    // sign-in is for nobody yet.
    .addCheckConstraint(
      'webauthn_challenge_for',
      sql`(kind = 'authentication' and invitation_id is null and staff_id is null and user_handle is null)
        or (kind = 'registration' and (invitation_id is null) <> (staff_id is null) and user_handle is not null)`,
    )
    .execute();
  await db.schema.createIndex('webauthn_challenge_expires').on('webauthn_challenge').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('webauthn_challenge').execute();
  await db.schema.dropTable('passkey').execute();
  await db.schema.dropTable('passkey_user').execute();
}

import type { Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * Which passkey started a staff session (`staff_session.passkey_id`; null for single sign-on, the demo
 * and sessions from before this migration). Removing a passkey — typically because the device was lost
 * or stolen — ends every session it started, at once: `staff/passkeys.ts` revokes them in the same
 * transaction as the delete, so by the time the passkey row goes its sessions are ended. `on delete set
 * null` then keeps the (revoked) session rows, which expire as every other one does; deleting the
 * person takes both with them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('staff_session')
    .addColumn('passkey_id', 'uuid', (col) => col.references('passkey.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('staff_session_passkey').on('staff_session').column('passkey_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('staff_session_passkey').execute();
  await db.schema.alterTable('staff_session').dropColumn('passkey_id').execute();
}

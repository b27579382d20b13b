/**
 * The invitation mail goes through the outbox like a forwarded report: a `delivery` row of kind
 * `invitation`, written in the same transaction as the invitation, sent by the same worker (retries,
 * backoff, `pnpm deliveries:list`). The link is the key to an account, so the row holds it only
 * sealed with the contact key ring (bound to the row) and only until the mail is sent; it is never
 * logged. Withdrawing the invitation deletes its mail with it (`on delete cascade`).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { ContactSealer } from '../secrets/contact-sealer.ts';

/** What queuing an invitation mail needs: the service's address for the link, the sealer, the worker's bell. */
export interface InvitationMailDeps {
  /** `PUBLIC_ORIGIN`: the link is `${publicOrigin}/console/invitation#<token>`. */
  publicOrigin: string;
  sealer: Pick<ContactSealer, 'sealInvitationLink'>;
  /** Wakes the in-process delivery worker once the invitation is committed. */
  nudgeDelivery?: () => void;
}

/** The path of the console page that accepts an invitation; the token goes in the fragment. */
export function invitationLink(publicOrigin: string, token: string): string {
  return `${publicOrigin}/console/invitation#${token}`;
}

/** Queues the mail with the invitation's link to `email`, in the invitation's transaction; returns the row's id. */
export async function queueInvitationMail(
  trx: Kysely<Database>,
  deps: InvitationMailDeps,
  invitation: { id: string; email: string; tenantId: string | null; token: string },
): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto('delivery')
    .values({
      id,
      kind: 'invitation',
      tenant_id: invitation.tenantId,
      report_id: null,
      invitation_id: invitation.id,
      channel: 'email',
      target: invitation.email,
      sealed_link: deps.sealer.sealInvitationLink(invitationLink(deps.publicOrigin, invitation.token), id),
    })
    .execute();
  return id;
}

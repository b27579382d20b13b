import type { Me } from '@meldpunt/contracts';
import type { SignedIn } from '../../staff/sessions.ts';

/** The `Me` answer (contracts' `meSchema`) for a signed-in person. */
export function meOf(signedIn: SignedIn): Me {
  return {
    id: signedIn.staffId,
    email: signedIn.email,
    name: signedIn.name,
    platformAdmin: signedIn.platformAdmin,
    memberships: signedIn.memberships.map((m) => ({ tenant: m.slug, tenantName: m.tenantName, roles: m.roles })),
    session: {
      idleExpiresAt: signedIn.idleExpiresAt.toISOString(),
      absoluteExpiresAt: signedIn.absoluteExpiresAt.toISOString(),
    },
  };
}

/**
 * Demo mode only: the people a newcomer can sign in as with one click (`GET`/`POST /api/v1/auth/demo`),
 * clearly demo people on a reserved domain (`.example` never receives mail). For `dordrecht` one
 * person per role, an officer for `almere`, and a platform operator. Seeded next to the demo tenants
 * by `server.ts`; never outside demo mode.
 */
import type { Kysely } from 'kysely';
import type { DemoStaff, TenantRole } from '@meldpunt/contracts';
import type { Database } from '../db/database.ts';
import { ensureStaff, membershipsOf, orderedRoles, setRoles } from './staff-repository.ts';

interface DemoPerson {
  email: string;
  name: string;
  platformAdmin: boolean;
  memberships: { tenant: string; roles: TenantRole[] }[];
}

const domain = 'demo.meldpunt.example';

/** The demo staff; their addresses are the only ones the demo sign-in accepts. */
export const demoPeople: readonly DemoPerson[] = [
  { email: `platform@${domain}`, name: 'Demo platformbeheerder', platformAdmin: true, memberships: [] },
  ...(['admin', 'editor', 'publisher', 'officer', 'analyst'] as const).map((role) => ({
    email: `dordrecht-${role}@${domain}`,
    name: `Demo ${role} Dordrecht`,
    platformAdmin: false,
    memberships: [{ tenant: 'dordrecht', roles: [role] }],
  })),
  {
    email: `almere-officer@${domain}`,
    name: 'Demo officer Almere',
    platformAdmin: false,
    memberships: [{ tenant: 'almere', roles: ['officer'] }],
  },
];

/** Whether the demo sign-in may sign in as this address (a demo person, never anyone else). */
export function isDemoAddress(email: string): boolean {
  return demoPeople.some((p) => p.email === email.toLowerCase());
}

/**
 * Creates the demo staff and gives them their demo roles (tenants that are not there are skipped);
 * idempotent, and it puts back roles changed while trying the console.
 */
export async function seedDemoStaff(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const person of demoPeople) {
      const staff = await ensureStaff(trx, person);
      if (person.platformAdmin && !staff.platform_admin) {
        await trx.updateTable('staff').set({ platform_admin: true }).where('id', '=', staff.id).execute();
      }
      for (const m of person.memberships) {
        const tenant = await trx.selectFrom('tenant').select('id').where('slug', '=', m.tenant).executeTakeFirst();
        if (tenant) await setRoles(trx, tenant.id, staff.id, m.roles);
      }
    }
  });
}

/** The demo staff as they are in the database now (`GET /api/v1/auth/demo`). */
export async function listDemoStaff(db: Kysely<Database>): Promise<DemoStaff> {
  const rows = await db
    .selectFrom('staff')
    .selectAll()
    .where(
      'email',
      'in',
      demoPeople.map((p) => p.email),
    )
    .execute();
  const order = (email: string) => demoPeople.findIndex((p) => p.email === email);
  rows.sort((a, b) => order(a.email) - order(b.email));
  return Promise.all(
    rows.map(async (row) => ({
      email: row.email,
      name: row.name,
      platformAdmin: row.platform_admin,
      memberships: (await membershipsOf(db, row.id)).map((m) => ({ tenant: m.slug, roles: orderedRoles(m.roles) })),
    })),
  );
}

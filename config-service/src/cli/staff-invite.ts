/**
 * `pnpm staff:invite --email … --platform-admin` or `--email … --tenant slug --role admin[,editor…]`:
 * invites a person and prints the link, for the first operator of a fresh installation (and for
 * anyone when the console is out of reach). The token is in the link's fragment (after `#`), which
 * browsers never send to a server, so it appears in no server log; only its keyed hash is stored.
 * Single use, 72 hours. With `--send` the link is also mailed to the address, through the outbox that
 * the running service's delivery worker (or `pnpm worker`) sends.
 */
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { z } from 'zod';
import { staffEmailSchema, tenantRoleSchema } from '@meldpunt/contracts';
import { AuditLog } from '../audit/audit-log.ts';
import { connectFromEnv } from '../db/connect.ts';
import { loadEnv } from '../env.ts';
import { createLogger } from '../logger.ts';
import { ContactSealer } from '../secrets/contact-sealer.ts';
import { loadContactKeys, loadServerSecret } from '../secrets/load.ts';
import { createInvitation, invitationLink } from '../staff/invitations.ts';
import { findTenantBySlug } from '../tenants/tenant-repository.ts';

const usage =
  'Usage: pnpm staff:invite --email naam@example.nl --platform-admin [--send]\n' +
  '       pnpm staff:invite --email naam@gemeente.nl --tenant dordrecht --role admin[,editor,…] [--send]\n' +
  '--send: also mail the link to the address (through the outbox; a running worker sends it)';

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: {
      email: { type: 'string' },
      'platform-admin': { type: 'boolean', default: false },
      tenant: { type: 'string' },
      role: { type: 'string' },
      send: { type: 'boolean', default: false },
    },
    strict: true,
  }).values;
} catch (error) {
  fail((error as Error).message);
}

const email = staffEmailSchema.safeParse(args.email ?? '');
if (!email.success) fail('--email: give the address to invite');
const roles = z.array(tenantRoleSchema).safeParse(args.role ? args.role.split(',').map((r) => r.trim()) : []);
if (!roles.success) fail(`--role: one or more of ${tenantRoleSchema.options.join(', ')}, separated by commas`);
if ((args.tenant === undefined) !== (roles.data.length === 0)) fail('--tenant and --role go together');
if (!args.tenant && !args['platform-admin']) fail('Give --platform-admin, or --tenant with --role');

try {
  const env = loadEnv();
  if (!env.PUBLIC_ORIGIN) throw new Error('PUBLIC_ORIGIN is not set: the link needs the address of the service');
  const serverSecret = loadServerSecret(env, createLogger('warn'));
  const database = await connectFromEnv(env);
  // The invitation is audited (actor `cli`); the new head is logged at info, to standard error so
  // standard output stays the link alone.
  const logger = createLogger('info', pino.destination({ dest: 2, sync: true }));
  const auditLog = new AuditLog({ db: database.db, serverSecret, logger });
  try {
    let tenantId: string | undefined;
    if (args.tenant) {
      const tenant = await findTenantBySlug(database.db, args.tenant);
      if (!tenant) throw new Error(`No tenant "${args.tenant}"`);
      tenantId = tenant.id;
    }
    const invitationMail = args.send
      ? { publicOrigin: env.PUBLIC_ORIGIN, sealer: new ContactSealer(loadContactKeys(env, createLogger('warn'))) }
      : undefined;
    const invitation = await createInvitation(
      { db: database.db, serverSecret, auditLog, invitationMail },
      { email: email.data, tenantId, roles: roles.data, platformAdmin: args['platform-admin'] },
    );
    console.log(`Invitation for ${email.data}, valid until ${invitation.expiresAt.toISOString()} (single use):`);
    console.log(invitationLink(env.PUBLIC_ORIGIN, invitation.token));
    if (invitation.deliveryId) console.error(`The link is mailed too (delivery ${invitation.deliveryId}).`);
  } finally {
    await database.close();
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}

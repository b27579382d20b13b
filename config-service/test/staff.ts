/**
 * Staff in tests: people with roles in a tenant, signed in through the same `startSession` every
 * sign-in method uses, and requests as the console sends them (session cookie, own `Origin`).
 */
import { randomUUID } from 'node:crypto';
import type { TenantRole } from '@meldpunt/contracts';
import { sessionCookieName } from '../src/http/session-cookie.ts';
import { startSession } from '../src/staff/sessions.ts';
import { ensureStaff, setRoles } from '../src/staff/staff-repository.ts';
import { testPublicOrigin, type TestContext } from './helpers.ts';

export interface TestStaff {
  id: string;
  email: string;
}

/** A new person (unique address), with roles in the tenant when given, or the platform operator. */
export async function createStaff(
  ctx: Pick<TestContext, 'db'>,
  options: { tenantId?: string; roles?: TenantRole[]; platformAdmin?: boolean } = {},
): Promise<TestStaff> {
  const email = `staff-${randomUUID().slice(0, 12)}@example.nl`;
  const staff = await ensureStaff(ctx.db, {
    email,
    name: `Test ${email}`,
    platformAdmin: options.platformAdmin ?? false,
  });
  if (options.tenantId && options.roles) await setRoles(ctx.db, options.tenantId, staff.id, options.roles);
  return { id: staff.id, email };
}

/**
 * Signs the person in (audited as a passkey sign-in, the way staff sign in outside the demo); returns
 * the `Cookie` header value the browser would send.
 */
export async function signIn(ctx: Pick<TestContext, 'deps'>, staffId: string): Promise<string> {
  const { token } = await startSession(ctx.deps, staffId, { method: 'passkey' });
  return `${sessionCookieName}=${token}`;
}

/** Request options as the console sends them: the cookie (if any) and the service's own `Origin`. */
export function asConsole(
  cookie: string | undefined,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): RequestInit {
  return {
    method: init.method ?? 'GET',
    headers: {
      Origin: testPublicOrigin,
      ...(cookie ? { Cookie: cookie } : {}),
      ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...init.headers,
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  };
}

/** The token of the `Set-Cookie` session cookie of a response, or undefined when it sets none. */
export function sessionCookieOf(res: Response): { token: string; header: string } | undefined {
  const header = res.headers.getSetCookie().find((h) => h.startsWith(`${sessionCookieName}=`));
  if (!header) return undefined;
  return { token: header.slice(sessionCookieName.length + 1).split(';')[0] ?? '', header };
}

/**
 * The members resource (`/api/v1/console/tenants/:slug/members…`): a tenant's people with their roles,
 * changing a member's roles and removing a member (both end that person's sessions at once). Typed on the
 * contracts (`memberListSchema`, `memberRolesInputSchema`); `last-admin` (409) comes back as an `ApiError`
 * whose problem type ends in `last-admin`: see {@link isLastAdmin}.
 */
import type { Member, TenantRole } from '@meldpunt/contracts';
import { isRoles } from './auth.ts';
import { ApiError, isRecord, isText, request } from './http.ts';

export function isMember(value: unknown): value is Member {
  return (
    isRecord(value) && isText(value['id']) && isText(value['email']) && isText(value['name']) && isRoles(value['roles'])
  );
}

export const isMemberList = (value: unknown): value is Member[] => Array.isArray(value) && value.every(isMember);

const base = (slug: string) => `/console/tenants/${encodeURIComponent(slug)}/members`;

export function listMembers(slug: string, signal?: AbortSignal): Promise<Member[]> {
  return request(base(slug), isMemberList, signal ? { signal } : {});
}

/** Gives the member exactly these roles; answers the member as they now are. */
export function changeRoles(slug: string, staffId: string, roles: readonly TenantRole[]): Promise<Member> {
  return request(`${base(slug)}/${encodeURIComponent(staffId)}/roles`, isMember, { method: 'PUT', body: { roles } });
}

export function removeMember(slug: string, staffId: string): Promise<undefined> {
  return request(`${base(slug)}/${encodeURIComponent(staffId)}`, undefined, { method: 'DELETE' });
}

/** The refusal to leave a tenant without an admin (409, problem type `…/last-admin`). */
export function isLastAdmin(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.problem.type.endsWith('last-admin');
}

/**
 * The building blocks the staff and back-office parts of the OpenAPI document share: answers by schema
 * name, problem answers, request bodies, path parameters and the session's security requirement.
 */
import type { z } from 'zod';

export type SchemaOf = (schema: z.ZodType, io: 'input' | 'output') => Record<string, unknown>;

export const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});
export const json = (description: string, name: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } },
});
export const body = (name: string) => ({
  required: true,
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } },
});
export const pathParam = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});
export const queryParam = (
  name: string,
  description: string,
  schema: Record<string, unknown> = { type: 'string' },
) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});
export const session = [{ session: [] }];
export const slugParam = pathParam('slug', 'The tenant, e.g. `dordrecht`.');
/** What every tenant-scoped staff route may answer besides its own. */
export const tenantScoped = {
  '401': problem('Not signed in, or the session has ended'),
  '403': problem('A member without the needed role, or not sent from the service’s own origin'),
  '404': problem('No such tenant, or no membership in it (the two read the same)'),
};

import { createMiddleware } from 'hono/factory';
import type { PublishedTenant } from '../tenants/tenant-repository.ts';
import type { TenantCache } from '../tenants/tenant-cache.ts';
import { ProblemError, problems } from './problem.ts';

export interface TenantVariables {
  tenant: PublishedTenant;
}

const allowedMethods = 'GET, POST, OPTIONS';
// `Meldpunt-Proof`: the solved proof-of-work challenge a report carries (issue 16).
const allowedHeaders = 'Content-Type, Idempotency-Key, If-None-Match, Meldpunt-Proof';

/**
 * Resolves `:slug` to its published tenant (404 otherwise) and applies the tenant's embed origins:
 * CORS headers only for an allowed `Origin` (never `*`), `Vary: Origin` always. A browser request from
 * another origin may still read nothing (no CORS headers); writes and preflights from it get 403.
 * Requests without `Origin` (server-to-server) are not browsers' and pass, and so do requests from
 * pages this service serves itself (the demo site): `Origin` equal to the configured public origin —
 * never to one built from the request's `Host`, which the client chooses.
 * `extraAllowedHeaders`: request headers a route takes besides the usual ones (the follow-up's
 * `Authorization`, issue 15), allowed in its preflights only.
 */
export function tenantOrigin(
  deps: { tenants: TenantCache; publicOrigin: string },
  options: { extraAllowedHeaders?: readonly string[] } = {},
) {
  const headers = [allowedHeaders, ...(options.extraAllowedHeaders ?? [])].join(', ');
  return createMiddleware<{ Variables: TenantVariables }>(async (c, next) => {
    c.header('Vary', 'Origin');
    const tenant = await deps.tenants.get(c.req.param('slug') ?? '');
    if (!tenant) throw problems.notFound('No reporting point with this name');
    c.set('tenant', tenant);

    const origin = c.req.header('origin');
    const allowed =
      origin !== undefined && (origin === deps.publicOrigin || tenant.settings.allowedOrigins.includes(origin));
    if (origin !== undefined && !allowed && c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      throw new ProblemError(403, 'origin-not-allowed', 'This site may not send reports to this reporting point', {
        detail: 'The page’s origin is not among the tenant’s allowed embed origins.',
        headers: { Vary: 'Origin' },
      });
    }
    if (allowed) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Expose-Headers', 'ETag, Retry-After, Location');
    }
    if (c.req.method === 'OPTIONS') {
      return c.body(null, 204, {
        'Access-Control-Allow-Methods': allowedMethods,
        'Access-Control-Allow-Headers': headers,
        'Access-Control-Max-Age': '600',
      });
    }
    await next();
  });
}

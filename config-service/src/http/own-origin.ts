import { createMiddleware } from 'hono/factory';
import { ProblemError } from './problem.ts';

/**
 * State changes to staff APIs only from the service's own pages: every request other than GET and
 * HEAD must carry `Origin` equal to the configured public origin (`PUBLIC_ORIGIN`, never one built
 * from the request's `Host`, which the client chooses). A missing `Origin` is refused too: every
 * browser sends it with such requests, and the console is the only client of these APIs. With
 * `SameSite=Strict` cookies this is the second lock on cross-site request forgery.
 */
export function ownOriginOnly(publicOrigin: string) {
  return createMiddleware(async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.header('origin') !== publicOrigin) {
      throw new ProblemError(403, 'cross-site-request', 'This request must come from the console itself', {
        detail: 'Changes are accepted only from pages of this service (the Origin header did not match).',
      });
    }
    await next();
  });
}

import type { HttpBindings } from '@hono/node-server';
import { createMiddleware } from 'hono/factory';

/** `127.0.0.0/8` (also as an IPv4-mapped IPv6 address) or `::1`. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/i.test(address);
}

/** `localhost`, a `127.x.x.x` address or `[::1]`, as the URL's host name has it. */
function isLoopbackHostName(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || isLoopbackAddress(hostname);
}

/**
 * Lets through only requests made on this machine, for this machine; everything else gets the app's
 * 404, as if the route did not exist:
 * - the socket peer must be loopback (`c.env.incoming` of @hono/node-server; without a socket, as in
 *   `app.request()` without bindings, nothing passes);
 * - the request must not have come through a proxy (`Forwarded`, `X-Forwarded-For`): behind a reverse
 *   proxy on the same host every peer is loopback;
 * - the host name asked for must be a loopback one, so a web page cannot reach it through DNS
 *   rebinding (its own name pointed at 127.0.0.1).
 */
export function loopbackOnly() {
  return createMiddleware(async (c, next) => {
    const peer = (c.env as Partial<HttpBindings> | undefined)?.incoming?.socket?.remoteAddress;
    const local =
      isLoopbackAddress(peer) &&
      c.req.header('forwarded') === undefined &&
      c.req.header('x-forwarded-for') === undefined &&
      isLoopbackHostName(new URL(c.req.url).hostname);
    if (!local) return c.notFound();
    await next();
  });
}

import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * The client's address, used only to key the in-memory rate limiter (as a keyed hash) and never
 * stored or logged. Behind a trusted proxy the right-most `X-Forwarded-For` hop is the client.
 */
export function clientAddress(c: Context, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    const last = forwarded?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // Not running on a Node server (e.g. app.request in tests).
  }
}

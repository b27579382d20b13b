import type { HttpBindings } from '@hono/node-server';
import { createMiddleware } from 'hono/factory';

/**
 * `Connection: close` on an answer given before the request body was read to its end — a 413 decided
 * on `Content-Length`, a 403 for another origin, a 415 — so a keep-alive client opens a new connection
 * for its next request. Without it the answer says `keep-alive` while the rest of the body is still on
 * the wire: @hono/node-server drains it only briefly and then closes the socket under the client, whose
 * next request on it fails ("other side closed"). A no-op without a Node request (`app.request` in tests).
 */
export const closeAfterUnreadBody = createMiddleware<{ Bindings: Partial<HttpBindings> }>(async (c, next) => {
  await next();
  const incoming = c.env?.incoming;
  // Not all of the body arrived, or some of it still waits, unread, in the request's buffer.
  // (HTTP/1 only: HTTP/2 has no Connection header and ends a request's stream on its own.)
  if (incoming?.httpVersionMajor === 1 && (!incoming.complete || incoming.readableLength > 0)) {
    c.header('Connection', 'close');
  }
});

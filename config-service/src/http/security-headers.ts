import { secureHeaders } from 'hono/secure-headers';

/**
 * The security headers of every response — API, problems, 404s, health, static files, demo pages,
 * the dev mailbox:
 * - `X-Content-Type-Options: nosniff` and `Referrer-Policy: no-referrer`;
 * - `Content-Security-Policy: default-src 'none'; frame-ancestors 'none'` unless the handler set a CSP
 *   of its own (the demo pages and the dev mailbox do, each with `frame-ancestors`);
 * - `Cross-Origin-Resource-Policy: same-origin` unless the handler says `cross-origin` (the widget's
 *   files and the demo logos, which municipal sites load from another origin);
 * - `Cross-Origin-Opener-Policy: same-origin`.
 * A handler's own value always wins (`overwrite: false`). Not here: `Strict-Transport-Security` (the
 * TLS terminator's), and the legacy headers modern browsers ignore (`X-Frame-Options`: every CSP
 * has `frame-ancestors`; `X-XSS-Protection`, `X-Download-Options`, …).
 *
 * The headers are set on the finished response's own `Headers` (after `next()`), which keeps
 * @hono/node-server's fast path; only `c.header()` after `next()` would rebuild the response.
 */
export function securityHeaders() {
  return secureHeaders({
    overwrite: false,
    xContentTypeOptions: true,
    referrerPolicy: 'no-referrer',
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    crossOriginResourcePolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: false,
    originAgentCluster: false,
    xFrameOptions: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
    removePoweredBy: false,
  });
}

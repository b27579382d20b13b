import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { absoluteTimeoutMs } from '../staff/sessions.ts';

/**
 * The staff session cookie, `__Host-meldpunt-session`: the session's random token, `HttpOnly` (no
 * script reads it), `Secure`, `SameSite=Strict` (never sent with a request another site starts),
 * `Path=/` and no `Domain` (the `__Host-` prefix makes browsers insist on those three). The same
 * flags in every mode: browsers treat `http://localhost` as a secure context and keep `Secure` and
 * `__Host-` cookies from it (Chromium, Firefox; checked in Chromium), so the demo on
 * `http://localhost:<port>` signs in as production does. On plain http under any other host name the
 * browser drops the cookie: use https there.
 */
export const sessionCookieName = '__Host-meldpunt-session';

/** The token the browser sent, if any (only well-formed ones: 43 base64url characters). */
export function sessionTokenOf(c: Context): string | undefined {
  const token = getCookie(c, sessionCookieName);
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : undefined;
}

/** Hands the browser a new session's token; it lives no longer than the session can. */
export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, sessionCookieName, token, {
    httpOnly: true,
    secure: true,
    sameSite: 'Strict',
    path: '/',
    maxAge: absoluteTimeoutMs / 1000,
  });
}

/** Tells the browser to forget the session cookie (sign-out, or a session that has ended). */
export function clearSessionCookie(c: Context): void {
  setCookie(c, sessionCookieName, '', { httpOnly: true, secure: true, sameSite: 'Strict', path: '/', maxAge: 0 });
}

/**
 * Signing in with a tenant's own OpenID provider (authorization code + PKCE S256 + state + nonce,
 * scope `openid email`), through `openid-client`.
 *
 * `startSsoSignIn` keeps the sign-in on the server, found by the keyed hash of its random `state` (ten
 * minutes, single use), and ties it to the browser that started it (the keyed hash of a random value
 * the route puts in a cookie), so a callback link made for someone else's sign-in is refused.
 *
 * `finishSsoSignIn` takes the sign-in back exactly once, exchanges the code and verifies the ID token
 * (issuer, audience, nonce; openid-client). Then the person:
 * - a subject (`iss` + `sub`) bound before is that person — their e-mail claim is never read again,
 *   so a changed address at the provider cannot take over another account — who must still be a
 *   member of this tenant;
 * - an unbound subject needs a verified address (`email_verified: true`) at one of the tenant's
 *   allowed domains, and then an existing member of this tenant with that address who has no
 *   subject at this issuer yet, or an open invitation to this tenant for it (used up here); the
 *   subject is bound in the same transaction.
 * Anything else is refused: single sign-on never creates access on its own. The reason of a refusal
 * goes to the caller (for the server log and the audit entry), never to the browser.
 */
import { randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import type { AuditLog } from '../../audit/audit-log.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { ContactSealer } from '../../secrets/contact-sealer.ts';
import { purposes, type ServerSecret } from '../../secrets/server-secret.ts';
import { consumeInvitationIn } from '../invitations.ts';
import { findSsoSettings } from './sso-settings.ts';
import { connectProvider, type ProviderOptions } from './provider.ts';

/** Where the provider sends the browser back (`routes/auth/sso.ts`): register exactly this there. */
export function ssoRedirectUri(publicOrigin: string): string {
  return `${publicOrigin}/api/v1/auth/sso/callback`;
}

/** How long a started sign-in may take to come back. */
export const ssoSignInLifetimeMs = 10 * 60_000;

export interface SsoSignInDeps {
  db: Kysely<Database>;
  serverSecret: ServerSecret;
  sealer: ContactSealer;
  auditLog: AuditLog;
}

/** Why an SSO sign-in was refused (server log and audit only; the browser hears one answer). */
export type SsoRefusal =
  | 'unknown-state'
  | 'expired-state'
  | 'other-browser'
  | 'not-offered'
  | 'provider-refused'
  | 'email-not-verified'
  | 'domain-not-allowed'
  | 'subject-elsewhere'
  | 'no-membership';

export type SsoSignInResult =
  | { ok: true; staffId: string; tenantId: string; bound?: 'membership' | 'invitation' }
  | { ok: false; reason: SsoRefusal; tenantId?: string };

/**
 * Starts a sign-in at the tenant's provider: the URL to send the browser to and the value for its
 * cookie. Undefined when the tenant offers no SSO (or its provider does not answer).
 */
export async function startSsoSignIn(
  deps: SsoSignInDeps,
  tenantId: string,
  redirectUri: string,
  options: ProviderOptions,
  now = new Date(),
): Promise<{ url: URL; browserKey: string } | undefined> {
  const settings = await findSsoSettings(deps, tenantId);
  if (!settings?.enabled) return undefined;
  let config: client.Configuration;
  try {
    config = await connectProvider(settings, options);
  } catch {
    return undefined;
  }
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const browserKey = randomBytes(32).toString('base64url');
  // Sign-ins never finished are cleared by the next one started.
  await deps.db.deleteFrom('sso_sign_in').where('expires_at', '<=', now).execute();
  await deps.db
    .insertInto('sso_sign_in')
    .values({
      state_hash: deps.serverSecret.hmac(purposes.ssoState, state),
      tenant_id: tenantId,
      browser_hash: deps.serverSecret.hmac(purposes.ssoBrowser, browserKey),
      nonce,
      code_verifier: codeVerifier,
      created_at: now,
      expires_at: new Date(now.getTime() + ssoSignInLifetimeMs),
    })
    .execute();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid email',
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { url, browserKey };
}

/**
 * Finishes a sign-in from the provider's redirect (`callbackUrl`: the callback as the provider called
 * it, on the service's public origin). On success the person to start a session for.
 */
export async function finishSsoSignIn(
  deps: SsoSignInDeps,
  input: { state: string; browserKey: string | undefined; callbackUrl: URL },
  options: ProviderOptions,
  now = new Date(),
): Promise<SsoSignInResult> {
  // Taken back exactly once: a second callback with the same state finds nothing.
  const pending = await deps.db
    .deleteFrom('sso_sign_in')
    .where('state_hash', '=', deps.serverSecret.hmac(purposes.ssoState, input.state))
    .returningAll()
    .executeTakeFirst();
  if (!pending) return { ok: false, reason: 'unknown-state' };
  const tenantId = pending.tenant_id;
  if (pending.expires_at.getTime() <= now.getTime()) return { ok: false, reason: 'expired-state', tenantId };
  if (!input.browserKey || deps.serverSecret.hmac(purposes.ssoBrowser, input.browserKey) !== pending.browser_hash) {
    return { ok: false, reason: 'other-browser', tenantId };
  }
  const settings = await findSsoSettings(deps, tenantId);
  if (!settings?.enabled) return { ok: false, reason: 'not-offered', tenantId };

  let claims: client.IDToken;
  let config: client.Configuration;
  let accessToken: string;
  try {
    config = await connectProvider(settings, options);
    const tokens = await client.authorizationCodeGrant(config, input.callbackUrl, {
      pkceCodeVerifier: pending.code_verifier,
      expectedNonce: pending.nonce,
      expectedState: input.state,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) return { ok: false, reason: 'provider-refused', tenantId };
    claims = idToken;
    accessToken = tokens.access_token;
  } catch {
    return { ok: false, reason: 'provider-refused', tenantId };
  }
  const issuer = claims.iss;
  const subject = claims.sub;

  const bound = await deps.db
    .selectFrom('staff_identity')
    .select('staff_id')
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .executeTakeFirst();
  if (bound) {
    const member = await isMember(deps.db, tenantId, bound.staff_id);
    return member ? { ok: true, staffId: bound.staff_id, tenantId } : { ok: false, reason: 'no-membership', tenantId };
  }

  // Unbound: the verified address, from the ID token or else the UserInfo endpoint (same subject).
  let email = claims.email;
  let verified = claims.email_verified;
  let name = claims.name;
  if (typeof email !== 'string' || verified === undefined) {
    try {
      const info = await client.fetchUserInfo(config, accessToken, subject);
      email = info.email;
      verified = info.email_verified;
      name = info.name ?? name;
    } catch {
      return { ok: false, reason: 'provider-refused', tenantId };
    }
  }
  if (typeof email !== 'string' || verified !== true) return { ok: false, reason: 'email-not-verified', tenantId };
  const address = email.trim().toLowerCase();
  const domain = address.slice(address.lastIndexOf('@') + 1);
  if (!address.includes('@') || !settings.allowedEmailDomains.includes(domain)) {
    return { ok: false, reason: 'domain-not-allowed', tenantId };
  }

  return deps.auditLog.transaction(async (trx, append): Promise<SsoSignInResult> => {
    const staff = await trx.selectFrom('staff').select('id').where('email', '=', address).executeTakeFirst();
    if (staff) {
      const elsewhere = await trx
        .selectFrom('staff_identity')
        .select('subject')
        .where('staff_id', '=', staff.id)
        .where('issuer', '=', issuer)
        .executeTakeFirst();
      // The person already signs in with another subject of this provider: this one is someone else.
      if (elsewhere) return { ok: false, reason: 'subject-elsewhere', tenantId };
    }
    let by: 'membership' | 'invitation';
    let staffId: string;
    if (staff && (await isMember(trx, tenantId, staff.id))) {
      by = 'membership';
      staffId = staff.id;
    } else {
      const invitation = await trx
        .selectFrom('invitation')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('email', '=', address)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
      if (!invitation) return { ok: false, reason: 'no-membership', tenantId };
      const used = await consumeInvitationIn(
        trx,
        append,
        { id: invitation.id },
        { name: typeof name === 'string' && name.trim() ? name.trim().slice(0, 200) : address },
        now,
      );
      if (!used.ok) return { ok: false, reason: 'no-membership', tenantId };
      by = 'invitation';
      staffId = used.staffId;
    }
    await trx.insertInto('staff_identity').values({ staff_id: staffId, issuer, subject, created_at: now }).execute();
    await append({
      tenantId,
      actor: { kind: 'staff', id: staffId },
      action: 'sso.identity-bound',
      target: { kind: 'staff', id: staffId },
      details: { by },
    });
    return { ok: true, staffId, tenantId, bound: by };
  });
}

async function isMember(db: Kysely<Database>, tenantId: string, staffId: string): Promise<boolean> {
  const row = await db
    .selectFrom('membership')
    .select('role')
    .where('tenant_id', '=', tenantId)
    .where('staff_id', '=', staffId)
    .executeTakeFirst();
  return row !== undefined;
}

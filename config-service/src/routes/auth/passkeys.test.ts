/**
 * Passkeys and accepting an invitation over HTTP: every refusal, the options the browser gets, the
 * ceremony state kept on the server, and one's own passkeys. Creating and using a real credential needs
 * a real authenticator: `embed-demo/e2e/staff.test.ts` does that in Chromium with a virtual one.
 */
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import type {
  PublicKeyCredentialCreationOptionsJSON as CreationOptions,
  PublicKeyCredentialRequestOptionsJSON as RequestOptions,
} from '@simplewebauthn/server';
import { invitationGrantSchema, passkeyListSchema, passkeyOptionsSchema } from '@meldpunt/contracts';
import { sessionCookieName } from '../../http/session-cookie.ts';
import { createInvitation } from '../../staff/invitations.ts';
import { startSession } from '../../staff/sessions.ts';
import { SignInLimiter } from '../../staff/sign-in-limiter.ts';
import { challengeLifetimeMs, saveCeremony } from '../../staff/webauthn-challenges.ts';
import { readJson, useTestContext, type TestContext } from '../../../test/helpers.ts';
import { asConsole, createStaff, sessionCookieOf, signIn } from '../../../test/staff.ts';

const b64 = (bytes = 32) => randomBytes(bytes).toString('base64url');

/** A passkey stored directly (its key is random bytes: it signs nothing, which is all these tests need). */
async function addPasskey(ctx: TestContext, staffId: string, label = 'Laptop') {
  const id = randomUUID();
  const credentialId = b64(16);
  await ctx.db
    .insertInto('passkey_user')
    .values({ staff_id: staffId, user_handle: b64() })
    .onConflict((oc) => oc.column('staff_id').doNothing())
    .execute();
  await ctx.db
    .insertInto('passkey')
    .values({ id, staff_id: staffId, credential_id: credentialId, public_key: randomBytes(77), counter: 0, label })
    .execute();
  return { id, credentialId };
}

/** An authenticator's answer in WebAuthn's JSON form that verifies against nothing. */
function bogusResponse(credentialId = b64(16), kind: 'registration' | 'authentication' = 'authentication') {
  return {
    id: credentialId,
    rawId: credentialId,
    type: 'public-key',
    response:
      kind === 'registration'
        ? { clientDataJSON: b64(60), attestationObject: b64(120), transports: ['internal'] }
        : { clientDataJSON: b64(60), authenticatorData: b64(37), signature: b64(70) },
    clientExtensionResults: {},
  };
}

describe('passkeys and invitations (HTTP)', () => {
  const ctx = useTestContext();
  const post = (path: string, body: unknown, cookie?: string, app = ctx.app) =>
    app.request(`/api/v1/auth${path}`, asConsole(cookie, { method: 'POST', body }));

  async function invite(options: { email?: string; expired?: boolean } = {}) {
    const tenant = await ctx.createTenant();
    const email = options.email ?? `new-${randomUUID().slice(0, 8)}@example.nl`;
    const now = options.expired ? new Date(Date.now() - 73 * 3_600_000) : new Date();
    const invitation = await createInvitation(
      ctx.deps,
      { email, tenantId: tenant.id, roles: ['admin', 'editor'] },
      now,
    );
    return { ...invitation, email, tenant };
  }

  it('tells what an invitation grants; a used, expired or unknown one gets one and the same 410', async () => {
    const invitation = await invite();
    const res = await post('/invitation', { token: invitation.token });
    assert.equal(res.status, 200);
    const grant = invitationGrantSchema.parse(await res.json());
    assert.deepEqual(grant, {
      email: invitation.email,
      platformAdmin: false,
      tenant: { slug: invitation.tenant.slug, name: grant.tenant?.name ?? '' },
      roles: ['admin', 'editor'],
      expiresAt: invitation.expiresAt.toISOString(),
    });
    assert.ok(grant.tenant?.name);

    const used = await invite();
    await ctx.db.updateTable('invitation').set({ used_at: new Date() }).where('id', '=', used.id).execute();
    const expired = await invite({ expired: true });
    const answers = [];
    for (const token of [used.token, expired.token, b64()]) {
      const refused = await post('/invitation', { token });
      assert.equal(refused.status, 410);
      assert.equal(refused.headers.get('content-type'), 'application/problem+json');
      answers.push(await readJson(refused));
    }
    assert.equal(answers[0].type, 'https://meldpunt.dev/problems/invitation-invalid');
    assert.deepEqual(answers[1], answers[0]);
    assert.deepEqual(answers[2], answers[0]);

    const malformed = await post('/invitation', { token: 'kort' });
    assert.equal(malformed.status, 422);
  });

  it('registration options for an invitation: rp localhost, discoverable, user verification, an opaque user id; state kept hashed', async () => {
    const invitation = await invite();
    const res = await post('/passkeys/registration-options', { token: invitation.token });
    assert.equal(res.status, 200);
    const { state, options } = passkeyOptionsSchema.parse(await res.json());
    const o = options as unknown as CreationOptions;
    assert.deepEqual(o.rp, { name: 'Meldpunt', id: 'localhost' });
    assert.equal(o.user.name, invitation.email);
    const userId = Buffer.from(o.user.id, 'base64url');
    assert.equal(userId.length, 32, 'a random 32-byte user handle');
    // Random bytes hold an `@` now and then (1 in 8 handles): compare with the address itself.
    assert.ok(!userId.includes(Buffer.from(invitation.email)), 'not the address');
    assert.ok(!userId.includes(Buffer.from(invitation.id)), 'not an id of ours');
    assert.equal(o.authenticatorSelection?.residentKey, 'required');
    assert.equal(o.authenticatorSelection?.userVerification, 'required');
    assert.equal(o.attestation, 'none');

    const rows = await ctx.db
      .selectFrom('webauthn_challenge')
      .selectAll()
      .where('invitation_id', '=', invitation.id)
      .execute();
    assert.equal(rows.length, 1);
    assert.notEqual(rows[0]?.state_hash, state, 'only a keyed hash of the state is stored');
    assert.equal(rows[0]?.challenge, o.challenge);
    assert.equal(rows[0]?.kind, 'registration');
    const lifetime = (rows[0]?.expires_at.getTime() ?? 0) - (rows[0]?.created_at.getTime() ?? 0);
    assert.equal(lifetime, challengeLifetimeMs);
    assert.equal(res.headers.getSetCookie().length, 0, 'nothing of the ceremony in a cookie');

    const invalid = await post('/passkeys/registration-options', { token: b64() });
    assert.equal(invalid.status, 410);
    assert.equal((await readJson(invalid)).type, 'https://meldpunt.dev/problems/invitation-invalid');
  });

  it('without a token, registration options need a session; signed in, they exclude the person’s passkeys', async () => {
    assert.equal((await post('/passkeys/registration-options', {})).status, 401);
    const tenant = await ctx.createTenant();
    const person = await createStaff(ctx, { tenantId: tenant.id, roles: ['editor'] });
    const existing = await addPasskey(ctx, person.id);
    const res = await post('/passkeys/registration-options', {}, await signIn(ctx, person.id));
    assert.equal(res.status, 200);
    const { options } = passkeyOptionsSchema.parse(await res.json());
    const o = options as unknown as CreationOptions;
    assert.deepEqual(
      o.excludeCredentials?.map((c) => c.id),
      [existing.credentialId],
    );
    const handle = await ctx.db
      .selectFrom('passkey_user')
      .select('user_handle')
      .where('staff_id', '=', person.id)
      .executeTakeFirstOrThrow();
    assert.equal(o.user.id, handle.user_handle, 'the person keeps their user handle');
  });

  it('refuses an answer that does not verify (400), uses its state up, and leaves the invitation unused', async () => {
    const invitation = await invite();
    const options = passkeyOptionsSchema.parse(
      await (await post('/passkeys/registration-options', { token: invitation.token })).json(),
    );
    const body = { state: options.state, response: bogusResponse(undefined, 'registration'), label: 'Laptop' };
    const refused = await post('/passkeys/registration', body);
    assert.equal(refused.status, 400);
    assert.equal((await readJson(refused)).type, 'https://meldpunt.dev/problems/passkey-registration-failed');
    assert.equal((await post('/passkeys/registration', body)).status, 400, 'a state works once');
    const row = await ctx.db
      .selectFrom('invitation')
      .select('used_at')
      .where('id', '=', invitation.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.used_at, null);
    assert.equal((await post('/invitation', { token: invitation.token })).status, 200, 'the link still works');

    const unknownState = await post('/passkeys/registration', { ...body, state: b64() });
    assert.equal(unknownState.status, 400);
    const junk = await post('/passkeys/registration', { state: options.state, response: { id: 'x' } });
    assert.equal(junk.status, 422);
  });

  it('a state made for someone signed in is no one else’s', async () => {
    const tenant = await ctx.createTenant();
    const owner = await createStaff(ctx, { tenantId: tenant.id, roles: ['editor'] });
    const other = await createStaff(ctx, { tenantId: tenant.id, roles: ['editor'] });
    const options = passkeyOptionsSchema.parse(
      await (await post('/passkeys/registration-options', {}, await signIn(ctx, owner.id))).json(),
    );
    const body = { state: options.state, response: bogusResponse(undefined, 'registration') };
    const res = await post('/passkeys/registration', body, await signIn(ctx, other.id));
    assert.equal(res.status, 400);
    assert.equal(
      await ctx.db.selectFrom('passkey').select('id').where('staff_id', '=', other.id).executeTakeFirst(),
      undefined,
    );
  });

  it('sign-in options ask for no address: discoverable, user verification required, rp localhost', async () => {
    const res = await post('/passkeys/authentication-options', {});
    assert.equal(res.status, 200);
    const { state, options } = passkeyOptionsSchema.parse(await res.json());
    const o = options as unknown as RequestOptions;
    assert.equal(o.rpId, 'localhost');
    assert.equal(o.userVerification, 'required');
    assert.ok(!o.allowCredentials || o.allowCredentials.length === 0);
    assert.match(state, /^[A-Za-z0-9_-]{43}$/);
  });

  it('every failed sign-in is one 401 sign-in-failed, audited in the platform chain without an address', async () => {
    const tenant = await ctx.createTenant();
    const person = await createStaff(ctx, { tenantId: tenant.id, roles: ['officer'] });
    const known = await addPasskey(ctx, person.id);
    const state = async () =>
      passkeyOptionsSchema.parse(await (await post('/passkeys/authentication-options', {})).json()).state;
    const before = new Date();

    const unknownCredential = await post('/passkeys/authentication', {
      state: await state(),
      response: bogusResponse(),
    });
    const badSignature = await post('/passkeys/authentication', {
      state: await state(),
      response: bogusResponse(known.credentialId),
    });
    const used = await state();
    await post('/passkeys/authentication', { state: used, response: bogusResponse() });
    const usedAgain = await post('/passkeys/authentication', {
      state: used,
      response: bogusResponse(known.credentialId),
    });
    const first = await readJson(unknownCredential);
    for (const res of [unknownCredential, badSignature, usedAgain]) assert.equal(res.status, 401);
    assert.equal(first.type, 'https://meldpunt.dev/problems/sign-in-failed');
    assert.deepEqual(await readJson(badSignature), first);
    assert.deepEqual(await readJson(usedAgain), first);
    assert.equal(unknownCredential.headers.getSetCookie().length, 0);

    const entries = await ctx.db
      .selectFrom('audit_entry')
      .select(['chain', 'actor_kind', 'actor_id', 'details', 'target_id'])
      .where('action', '=', 'auth.sign-in-failed')
      .where('occurred_at', '>=', before)
      .orderBy('sequence')
      .execute();
    const ours = entries.filter((e) => (e.details as { method: string }).method === 'passkey');
    assert.deepEqual(
      ours.map((e) => [e.chain, e.actor_id, (e.details as { reason: string }).reason]),
      [
        ['platform', null, 'unknown-credential'],
        ['platform', person.id, 'invalid-response'],
        ['platform', null, 'unknown-credential'],
        ['platform', null, 'expired'],
      ],
    );
    assert.ok(!JSON.stringify(ours).includes(person.email));
  });

  it('failed passkey sign-ins are rate-limited (429 with Retry-After), per connection', async () => {
    const app = ctx.appWith({ signInLimiter: new SignInLimiter(ctx.deps, { maxFailures: 2, scope: randomUUID() }) });
    const attempt = async (ip: string) => {
      const options = passkeyOptionsSchema.parse(
        await (await post('/passkeys/authentication-options', {}, undefined, app)).json(),
      );
      return app.request(
        '/api/v1/auth/passkeys/authentication',
        asConsole(undefined, {
          method: 'POST',
          body: { state: options.state, response: bogusResponse() },
          headers: { 'X-Forwarded-For': ip },
        }),
      );
    };
    assert.equal((await attempt('203.0.113.9')).status, 401);
    assert.equal((await attempt('203.0.113.9')).status, 401);
    const blocked = await attempt('203.0.113.9');
    assert.equal(blocked.status, 429);
    assert.ok(Number(blocked.headers.get('retry-after')) > 0);
  });

  it('lists one’s own passkeys; removes one (audited), never another person’s (404), never the last (409)', async () => {
    const tenant = await ctx.createTenant();
    const person = await createStaff(ctx, { tenantId: tenant.id, roles: ['admin'] });
    const other = await createStaff(ctx, { tenantId: tenant.id, roles: ['admin'] });
    const laptop = await addPasskey(ctx, person.id, 'Laptop');
    const phone = await addPasskey(ctx, person.id, 'Telefoon');
    const theirs = await addPasskey(ctx, other.id);
    const cookie = await signIn(ctx, person.id);

    assert.equal((await ctx.app.request('/api/v1/auth/passkeys', asConsole(undefined))).status, 401);
    const list = passkeyListSchema.parse(
      await (await ctx.app.request('/api/v1/auth/passkeys', asConsole(cookie))).json(),
    );
    assert.deepEqual(list.map((p) => p.id).sort(), [laptop.id, phone.id].sort());
    assert.deepEqual(list.map((p) => p.label).sort(), ['Laptop', 'Telefoon']);
    assert.ok(list.every((p) => p.lastUsedAt === null && !Number.isNaN(Date.parse(p.createdAt))));

    const remove = (id: string) =>
      ctx.app.request(`/api/v1/auth/passkeys/${id}`, asConsole(cookie, { method: 'DELETE' }));
    assert.equal((await remove(theirs.id)).status, 404);
    assert.equal((await remove(randomUUID())).status, 404);
    assert.equal((await remove('not-an-id')).status, 404);
    assert.ok(await ctx.db.selectFrom('passkey').select('id').where('id', '=', theirs.id).executeTakeFirst());

    assert.equal((await remove(laptop.id)).status, 204);
    const audit = await ctx.db
      .selectFrom('audit_entry')
      .select(['chain', 'actor_id'])
      .where('action', '=', 'passkey.removed')
      .where('target_id', '=', laptop.id)
      .execute();
    assert.deepEqual(audit, [{ chain: tenant.id, actor_id: person.id }]);

    const last = await remove(phone.id);
    assert.equal(last.status, 409);
    assert.equal((await readJson(last)).type, 'https://meldpunt.dev/problems/last-passkey');
    assert.ok(await ctx.db.selectFrom('passkey').select('id').where('id', '=', phone.id).executeTakeFirst());
  });

  it('removing a passkey ends the sessions it started at once, keeps the others, and ends its own with the cookie cleared', async () => {
    const tenant = await ctx.createTenant();
    const person = await createStaff(ctx, { tenantId: tenant.id, roles: ['officer'] });
    const a = await addPasskey(ctx, person.id, 'Kwijtgeraakte telefoon');
    const b = await addPasskey(ctx, person.id, 'Laptop');
    const c = await addPasskey(ctx, person.id, 'Sleutel');
    const sessionWith = async (passkeyId: string) => {
      const { token } = await startSession(ctx.deps, person.id, { method: 'passkey', passkeyId });
      return `${sessionCookieName}=${token}`;
    };
    const lostDevice = await sessionWith(a.id);
    const alsoLost = await sessionWith(a.id);
    const laptop = await sessionWith(b.id);
    const me = async (cookie: string) =>
      (await ctx.app.request('/api/v1/auth/me', asConsole(cookie, { method: 'GET' }))).status;
    const remove = (id: string, cookie: string) =>
      ctx.app.request(`/api/v1/auth/passkeys/${id}`, asConsole(cookie, { method: 'DELETE' }));
    assert.equal(await me(lostDevice), 200);

    const removedA = await remove(a.id, laptop);
    assert.equal(removedA.status, 204);
    assert.equal(sessionCookieOf(removedA), undefined, 'the laptop’s session stays, and so does its cookie');
    assert.equal(await me(lostDevice), 401, 'the lost device is signed out at once');
    assert.equal(await me(alsoLost), 401);
    assert.equal(await me(laptop), 200);
    const audit = await ctx.db
      .selectFrom('audit_entry')
      .select(['details'])
      .where('action', '=', 'passkey.removed')
      .where('target_id', '=', a.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(audit.details, { sessionsEnded: 2 });
    const revoked = await ctx.db
      .selectFrom('staff_session')
      .select(['passkey_id', 'revoked_at'])
      .where('staff_id', '=', person.id)
      .where('revoked_at', 'is not', null)
      .execute();
    assert.equal(revoked.length, 2, 'the ended sessions stay as rows, no longer naming the removed passkey');
    assert.ok(revoked.every((r) => r.passkey_id === null));

    const removedB = await remove(b.id, laptop);
    assert.equal(removedB.status, 204, 'removing the passkey of the session itself works, and ends it');
    const cleared = sessionCookieOf(removedB);
    assert.equal(cleared?.token, '');
    assert.match(cleared?.header ?? '', /Max-Age=0/);
    assert.equal(await me(laptop), 401);
    assert.ok(await ctx.db.selectFrom('passkey').select('id').where('id', '=', c.id).executeTakeFirst());
  });

  it('a passkey goes with its person; expired ceremonies are cleaned up when new ones are made', async () => {
    const person = await createStaff(ctx, { platformAdmin: true });
    await addPasskey(ctx, person.id);
    await ctx.db.deleteFrom('staff').where('id', '=', person.id).execute();
    assert.equal(
      await ctx.db.selectFrom('passkey').select('id').where('staff_id', '=', person.id).executeTakeFirst(),
      undefined,
    );

    const long = new Date(Date.now() - 2 * challengeLifetimeMs);
    await saveCeremony(ctx.deps, 'old-challenge', { kind: 'authentication' }, long);
    await saveCeremony(ctx.deps, 'new-challenge', { kind: 'authentication' });
    const challenges = await ctx.db
      .selectFrom('webauthn_challenge')
      .select('challenge')
      .where('challenge', 'in', ['old-challenge', 'new-challenge'])
      .execute();
    assert.deepEqual(
      challenges.map((c) => c.challenge),
      ['new-challenge'],
    );
  });
});

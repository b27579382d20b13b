/**
 * The staff part of the OpenAPI document: `/api/v1/auth/…` and `/api/v1/console/…`, which the console
 * calls with the session cookie. Every state change must come from the service's own origin.
 */
import type { z } from 'zod';
import {
  auditPageSchema,
  consoleTenantListSchema,
  demoSignInSchema,
  demoStaffSchema,
  invitationCreatedSchema,
  invitationInputSchema,
  invitationListSchema,
  memberListSchema,
  memberRolesInputSchema,
  memberSchema,
  meSchema,
  invitationGrantSchema,
  invitationTokenInputSchema,
  passkeyAuthenticationSchema,
  passkeyListSchema,
  passkeyOptionsSchema,
  passkeyRegistrationSchema,
  passkeyRegistrationStartSchema,
  municipalityListSchema,
  offboardingInputSchema,
  onboardedSchema,
  onboardingInputSchema,
  tenantDemoInputSchema,
  ssoSettingsInputSchema,
  ssoSettingsViewSchema,
  ssoTenantListSchema,
  auditVerificationSchema,
  tenantAuditPageSchema,
  // Issue 13: the logo upload.
  logoLimits,
  logoSchema,
  configDraftSchema,
  configVersionListSchema,
  configVersionSchema,
  draftConflictSchema,
  previewReportInputSchema,
  previewReportSchema,
  publishInputSchema,
  restoreInputSchema,
  tenantConfigSchema,
  // Issue 13: private settings and the test delivery.
  originCheckInputSchema,
  originCheckSchema,
  settingsInputSchema,
  settingsViewSchema,
  testDeliveryListSchema,
  testDeliverySchema,
} from '@meldpunt/contracts';

type SchemaOf = (schema: z.ZodType, io: 'input' | 'output') => Record<string, unknown>;

export function staffOpenApi(schemaOf: SchemaOf) {
  const problem = (description: string) => ({
    description,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  });
  const json = (description: string, name: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } },
  });
  const body = (name: string) => ({
    required: true,
    content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } },
  });
  const session = [{ session: [] }];
  const signedIn = { '401': problem('Not signed in, or the session has ended') };
  const change = { '403': problem('Not sent from the service’s own origin (`cross-site-request`)') };
  const tenantScoped = {
    ...signedIn,
    '403': problem('A member without the needed role, or not sent from the service’s own origin'),
    '404': problem('No such tenant, or no membership in it (the two read the same)'),
  };
  const param = (name: string, description: string) => ({
    name,
    in: 'path',
    required: true,
    description,
    schema: { type: 'string' },
  });
  const slug = param('slug', 'The tenant, e.g. `dordrecht`.');
  const staffId = param('staffId', 'The member’s id (uuid).');
  const invitationId = param('id', 'The invitation’s id (uuid).');
  const versionParam = param('version', 'A config version number (1, 2, …).');
  const pageQuery = [
    {
      name: 'before',
      in: 'query',
      required: false,
      description: 'Entries older than this sequence: the `nextBefore` of the previous page.',
      schema: { type: 'integer', minimum: 1 },
    },
    {
      name: 'limit',
      in: 'query',
      required: false,
      description: 'At most this many entries (default 50).',
      schema: { type: 'integer', minimum: 1, maximum: 200 },
    },
  ];

  const paths = {
    '/api/v1/auth/me': {
      get: {
        operationId: 'getMe',
        summary: 'The signed-in person with their memberships and the session’s end times',
        security: session,
        parameters: [
          {
            name: 'passive',
            in: 'query',
            required: false,
            description:
              '`1`: read without counting as activity (the idle time is not extended). Also `Meldpunt-Passive: 1`.',
            schema: { type: 'string', enum: ['1'] },
          },
        ],
        responses: { '200': json('The person', 'Me'), ...signedIn },
      },
    },
    '/api/v1/auth/session': {
      post: {
        operationId: 'staySignedIn',
        summary: 'Stay signed in: extends the idle time (30 minutes), never beyond 12 hours after sign-in',
        security: session,
        responses: { '200': json('The person, with the new end times', 'Me'), ...signedIn, ...change },
      },
    },
    '/api/v1/auth/sign-out': {
      post: {
        operationId: 'signOut',
        summary: 'Ends this session (and clears the cookie)',
        responses: { '204': { description: 'Signed out' }, ...change },
      },
    },
    '/api/v1/auth/sign-out-everywhere': {
      post: {
        operationId: 'signOutEverywhere',
        summary: 'Ends every session of the signed-in person',
        security: session,
        responses: { '204': { description: 'Signed out everywhere' }, ...signedIn, ...change },
      },
    },
    '/api/v1/auth/demo': {
      get: {
        operationId: 'listDemoStaff',
        summary: 'Demo mode only (404 otherwise): the demo staff one can sign in as',
        responses: { '200': json('The demo staff', 'DemoStaff'), '404': problem('Not in demo mode') },
      },
      post: {
        operationId: 'demoSignIn',
        summary: 'Demo mode only (404 otherwise): sign in as one of the demo staff; sets the session cookie',
        requestBody: body('DemoSignIn'),
        responses: {
          '200': json('Signed in', 'Me'),
          '401': problem('Signing in did not work (the same answer for every address)'),
          ...change,
          '404': problem('Not in demo mode'),
          '422': problem('Not an e-mail address'),
          '429': problem('Too many failed sign-ins from this connection; see Retry-After'),
        },
      },
    },
    '/api/v1/console/tenants': {
      get: {
        operationId: 'listConsoleTenants',
        summary: 'The platform operator: every tenant; others: the tenants of their memberships, with their state',
        security: session,
        responses: { '200': json('The tenants', 'ConsoleTenantList'), ...signedIn },
      },
      post: {
        operationId: 'onboardMunicipality',
        summary:
          'Onboards a municipality: the tenant, a config from the defaults, and its first admin’s invitation, mailed (the platform operator; audited)',
        security: session,
        requestBody: body('OnboardingInput'),
        responses: {
          '201': json('Onboarded', 'Onboarded'),
          ...signedIn,
          '403': problem('Not the platform operator, or not sent from the service’s own origin'),
          '409': problem('The municipality already has a tenant (`tenant-exists`)'),
          '422': problem('Invalid fields, or no municipality with this code'),
        },
      },
    },
    '/api/v1/console/tenants/{slug}/members': {
      get: {
        operationId: 'listMembers',
        summary: 'The tenant’s members and their roles (tenant admins, the platform operator)',
        security: session,
        parameters: [slug],
        responses: { '200': json('The members', 'MemberList'), ...tenantScoped },
      },
    },
    '/api/v1/console/tenants/{slug}/members/{staffId}/roles': {
      put: {
        operationId: 'setMemberRoles',
        summary: 'Gives a member exactly these roles; ends their sessions',
        security: session,
        parameters: [slug, staffId],
        requestBody: body('MemberRolesInput'),
        responses: { '200': json('The member', 'Member'), ...tenantScoped, '422': problem('Invalid roles') },
      },
    },
    '/api/v1/console/tenants/{slug}/members/{staffId}': {
      delete: {
        operationId: 'removeMember',
        summary: 'Removes a member from the tenant; ends their sessions',
        security: session,
        parameters: [slug, staffId],
        responses: { '204': { description: 'Removed' }, ...tenantScoped },
      },
    },
    '/api/v1/console/tenants/{slug}/invitations': {
      get: {
        operationId: 'listInvitations',
        summary: 'The tenant’s invitations not yet used',
        security: session,
        parameters: [slug],
        responses: { '200': json('The invitations', 'InvitationList'), ...tenantScoped },
      },
      post: {
        operationId: 'createInvitation',
        summary: 'Invites an address with roles (single use, 72 hours); answers with the id, never the token',
        security: session,
        parameters: [slug],
        requestBody: body('InvitationInput'),
        responses: { '201': json('Invited', 'InvitationCreated'), ...tenantScoped, '422': problem('Invalid fields') },
      },
    },
    '/api/v1/console/tenants/{slug}/invitations/{id}': {
      delete: {
        operationId: 'revokeInvitation',
        summary: 'Withdraws an invitation not yet used',
        security: session,
        parameters: [slug, invitationId],
        responses: { '204': { description: 'Withdrawn' }, ...tenantScoped },
      },
    },
    '/api/v1/console/tenants/{slug}/audit': {
      get: {
        operationId: 'listTenantAudit',
        summary: 'The tenant’s audit log, newest first (the tenant’s admins only, not the platform operator)',
        security: session,
        parameters: [
          slug,
          ...pageQuery,
          {
            name: 'action',
            in: 'query',
            required: false,
            description: 'Only entries of this action (e.g. `membership.removed`); `nextBefore` pages on within it.',
            schema: { type: 'string' },
          },
        ],
        responses: {
          '200': json('One page, with the people it names (for display; the entries hold ids)', 'TenantAuditPage'),
          ...tenantScoped,
          '422': problem('Invalid `before`, `limit` or `action`'),
        },
      },
    },
    '/api/v1/console/tenants/{slug}/audit/verify': {
      get: {
        operationId: 'verifyTenantAudit',
        summary: 'Recomputes the tenant’s chain: intact, or the first entries changed or removed (its admins only)',
        security: session,
        parameters: [slug],
        responses: { '200': json('The chain’s state', 'AuditVerification'), ...tenantScoped },
      },
    },
    '/api/v1/console/tenants/{slug}/audit/export': {
      get: {
        operationId: 'exportTenantAudit',
        summary:
          'The tenant’s whole audit log as a download; audited itself (its `export.created` entry is the last one)',
        security: session,
        parameters: [
          slug,
          {
            name: 'format',
            in: 'query',
            required: false,
            description: '`jsonl` (default: one entry per line, every field as stored) or `csv`.',
            schema: { type: 'string', enum: ['jsonl', 'csv'] },
          },
        ],
        responses: {
          '200': {
            description: 'The log, oldest first',
            content: {
              'application/jsonl': { schema: { type: 'string' } },
              'text/csv': { schema: { type: 'string' } },
            },
          },
          ...tenantScoped,
          '422': problem('Unknown format'),
        },
      },
    },
    // ── Onboarding and offboarding (the platform operator) ──
    '/api/v1/console/municipalities': {
      get: {
        operationId: 'searchMunicipalities',
        summary:
          'The municipalities whose name matches `q` (case and accents ignored), best first, with code, slug and tenant',
        security: session,
        parameters: [
          {
            name: 'q',
            in: 'query',
            required: true,
            description: 'Part of a name (`dord`, `hertogenbosch`, `sudwest`) or a CBS code.',
            schema: { type: 'string', minLength: 1, maxLength: 100 },
          },
        ],
        responses: {
          '200': json('The municipalities found (at most 20)', 'MunicipalityList'),
          ...signedIn,
          '403': problem('Not the platform operator'),
          '422': problem('No `q`'),
        },
      },
    },
    '/api/v1/console/tenants/{slug}/demo': {
      put: {
        operationId: 'setTenantDemo',
        summary: 'Marks a tenant as a demo tenant, or not (the platform operator; audited)',
        security: session,
        parameters: [slug],
        requestBody: body('TenantDemoInput'),
        responses: {
          '200': { description: 'Changed' },
          ...tenantScoped,
          '422': problem('Invalid fields'),
        },
      },
    },
    '/api/v1/console/tenants/{slug}/export': {
      get: {
        operationId: 'exportTenant',
        summary:
          'The whole tenant as one JSON download: configs, settings, reports with contact details opened, deliveries, members, audit chain (the platform operator; audited before the first byte)',
        security: session,
        parameters: [slug],
        responses: {
          '200': { description: 'The export', content: { 'application/json': { schema: { type: 'object' } } } },
          ...tenantScoped,
        },
      },
    },
    '/api/v1/console/tenants/{slug}': {
      delete: {
        operationId: 'offboardTenant',
        summary:
          'Deletes the tenant with its reports, outbox, members without other tenants, and audit chain (the platform operator; audited in the platform chain)',
        security: session,
        parameters: [slug],
        requestBody: body('OffboardingInput'),
        responses: {
          '204': { description: 'Deleted' },
          ...tenantScoped,
          '409': problem('No complete export of the tenant in the last 24 hours (`export-required`)'),
          '422': problem('`confirmSlug` is not the tenant’s slug'),
        },
      },
    },
    '/api/v1/console/platform/audit': {
      get: {
        operationId: 'listPlatformAudit',
        summary: 'The platform’s audit log (the operator’s work, failed sign-ins), newest first',
        security: session,
        parameters: pageQuery,
        responses: {
          '200': json('One page', 'AuditPage'),
          ...signedIn,
          '403': problem('Not the platform operator'),
          '422': problem('Invalid `before` or `limit`'),
        },
      },
    },
    // Passkeys and accepting an invitation.
    '/api/v1/auth/invitation': {
      post: {
        operationId: 'showInvitation',
        summary: 'What the invitation of a link’s token grants (the token in the body, never in a URL)',
        requestBody: body('InvitationTokenInput'),
        responses: {
          '200': json('What it grants', 'InvitationGrant'),
          ...change,
          '410': problem('The link no longer works: used, expired, withdrawn or unknown (one answer)'),
          '422': problem('Not an invitation token'),
        },
      },
    },
    '/api/v1/auth/passkeys': {
      get: {
        operationId: 'listPasskeys',
        summary: 'The signed-in person’s passkeys',
        security: session,
        responses: { '200': json('The passkeys', 'PasskeyList'), ...signedIn },
      },
    },
    '/api/v1/auth/passkeys/{id}': {
      delete: {
        operationId: 'removePasskey',
        summary: 'Removes one of the signed-in person’s own passkeys (never the last one)',
        description:
          'Every session that was signed in with this passkey ends at once (a lost or stolen device stays signed in nowhere); sessions started otherwise stay. When the session removing it was itself started with this passkey, it ends too: the answer is still 204, and it clears the session cookie.',
        security: session,
        parameters: [param('id', 'The passkey’s id (uuid).')],
        responses: {
          '204': {
            description:
              'Removed, and the sessions it started ended (`Set-Cookie` clears the session cookie when this session was one of them)',
          },
          ...signedIn,
          ...change,
          '404': problem('The person has no passkey with this id (another person’s reads the same)'),
          '409': problem('Their last passkey (`last-passkey`): add another first'),
        },
      },
    },
    '/api/v1/auth/passkeys/registration-options': {
      post: {
        operationId: 'startPasskeyRegistration',
        summary:
          'Options for `navigator.credentials.create()` and a `state`: with an invitation’s token, or without one when signed in (another passkey)',
        requestBody: body('PasskeyRegistrationStart'),
        responses: {
          '200': json('The options and the state (valid five minutes, once)', 'PasskeyOptions'),
          '401': problem('No token and not signed in'),
          ...change,
          '410': problem('The invitation link no longer works'),
          '422': problem('Not an invitation token'),
        },
      },
    },
    '/api/v1/auth/passkeys/registration': {
      post: {
        operationId: 'finishPasskeyRegistration',
        summary:
          'Verifies the authenticator’s answer and stores the passkey; from an invitation, uses it and signs in (sets the session cookie)',
        requestBody: body('PasskeyRegistration'),
        responses: {
          '200': json('The person, signed in', 'Me'),
          '400': problem('The answer did not verify, or the state is unknown, used or expired'),
          ...change,
          '410': problem('The invitation was used or ran out meanwhile'),
          '422': problem('Not an answer in WebAuthn’s JSON form'),
        },
      },
    },
    '/api/v1/auth/passkeys/authentication-options': {
      post: {
        operationId: 'startPasskeySignIn',
        summary: 'Options for `navigator.credentials.get()` (any passkey of this site; no address asked) and a `state`',
        responses: { '200': json('The options and the state (valid five minutes, once)', 'PasskeyOptions'), ...change },
      },
    },
    '/api/v1/auth/passkeys/authentication': {
      post: {
        operationId: 'finishPasskeySignIn',
        summary: 'Signs in with a passkey: a new session (and cookie) whatever the browser had',
        requestBody: body('PasskeyAuthentication'),
        responses: {
          '200': json('Signed in', 'Me'),
          '401': problem('Signing in did not work (`sign-in-failed`, one answer for every cause)'),
          ...change,
          '422': problem('Not an answer in WebAuthn’s JSON form'),
          '429': problem('Too many failed sign-ins from this connection; see Retry-After'),
        },
      },
    },
    // Single sign-on (routes/auth/sso.ts, routes/console/sso.ts).
    '/api/v1/auth/sso': {
      get: {
        operationId: 'listSsoTenants',
        summary: 'The municipalities whose staff may sign in with their own sign-in system (OpenID Connect)',
        responses: { '200': json('The municipalities', 'SsoTenantList') },
      },
    },
    '/api/v1/auth/sso/{slug}/start': {
      get: {
        operationId: 'startSsoSignIn',
        summary:
          'A browser navigation: redirects to the municipality’s OpenID provider (authorization code, PKCE S256, state, nonce)',
        parameters: [slug],
        responses: {
          '302': {
            description:
              'To the provider (with a `__Host-meldpunt-sso` cookie tying the sign-in to this browser), or to `/console/sign-in?error=sso-failed` when the municipality offers no SSO',
          },
        },
      },
    },
    '/api/v1/auth/sso/callback': {
      get: {
        operationId: 'finishSsoSignIn',
        summary:
          'Where the provider returns the browser (register this redirect URI): a bound subject, or a first sign-in matched by verified e-mail to a membership or invitation, is signed in',
        parameters: [
          { name: 'code', in: 'query', required: false, schema: { type: 'string' } },
          { name: 'state', in: 'query', required: true, schema: { type: 'string' } },
        ],
        responses: {
          '302': {
            description:
              'Signed in (session cookie set): to `/console/tenants/{slug}`; refused for any reason: to `/console/sign-in?error=sso-failed`',
          },
        },
      },
    },
    '/api/v1/console/tenants/{slug}/sso': {
      get: {
        operationId: 'getSsoSettings',
        summary: 'The tenant’s single sign-on and the redirect URI to register; never the client secret',
        security: session,
        parameters: [slug],
        responses: { '200': json('The settings', 'SsoSettingsView'), ...tenantScoped },
      },
      put: {
        operationId: 'saveSsoSettings',
        summary:
          'Saves the tenant’s single sign-on after discovery at the issuer; the client secret is write-only (omitted: kept)',
        security: session,
        parameters: [slug],
        requestBody: body('SsoSettingsInput'),
        responses: {
          '200': json('Saved', 'SsoSettingsView'),
          ...tenantScoped,
          '422': problem('Invalid fields, or `sso-discovery-failed`: the issuer did not answer as an OpenID provider'),
        },
      },
      delete: {
        operationId: 'removeSsoSettings',
        summary: 'Removes the tenant’s single sign-on (bound identities stay, unused)',
        security: session,
        parameters: [slug],
        responses: { '204': { description: 'Removed (or there was none)' }, ...tenantScoped },
      },
    },
    // Issue 13: the logo upload.
    '/api/v1/console/tenants/{slug}/logo': {
      post: {
        operationId: 'uploadLogo',
        summary:
          'Uploads a logo for the draft’s branding (editors, publishers): the file itself as the body. Its content must be PNG, JPEG or WebP (never SVG); it is re-encoded to WebP of at most 512 × 512 without metadata and served at `url`; set `branding.logoUrl` to it',
        security: session,
        parameters: [slug],
        requestBody: {
          required: true,
          description: `The image file, at most ${logoLimits.maxUploadBytes} bytes and ${logoLimits.maxInputPixels} pixels.`,
          content: Object.fromEntries(
            logoLimits.uploadTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
          ),
        },
        responses: {
          '201': json('Stored (the same image again: the same logo)', 'Logo'),
          ...tenantScoped,
          '413': problem(`The file is over ${logoLimits.maxUploadBytes} bytes: nothing stored`),
          '415': problem(
            'Not a PNG, JPEG or WebP image by its declared type or its content (SVG never): nothing stored',
          ),
          '422': problem(`\`logo-too-many-pixels\`: over ${logoLimits.maxInputPixels} pixels: nothing stored`),
        },
      },
    },
    // ── Configuration console (routes/console/config.ts) ──
    '/api/v1/console/tenants/{slug}/config/draft': {
      get: {
        operationId: 'getConfigDraft',
        summary:
          'The tenant’s draft (editors, publishers), or the published config as the starting draft; with the completeness per language, the contrast checks and what blocks publishing',
        security: session,
        parameters: [slug],
        responses: {
          '200': {
            ...json('The draft; `ETag` is its `etag`', 'ConfigDraft'),
            headers: { ETag: { schema: { type: 'string' } } },
          },
          ...tenantScoped,
        },
      },
      put: {
        operationId: 'saveConfigDraft',
        summary:
          'Saves the draft (the whole public config) when `If-Match` is its current ETag; validated with the schema the service publishes with, texts in the default language may still be missing',
        description:
          'Audited as `config.draft-saved` once per person per 10 minutes, and at once when a save changes a part of the config (`texts`, `branding`, …) their last entry did not name. `slug`, `kind` and `municipalityCode` are the operator’s: changing them is refused.',
        security: session,
        parameters: [
          slug,
          {
            name: 'If-Match',
            in: 'header',
            required: true,
            description: 'The draft’s ETag',
            schema: { type: 'string' },
          },
        ],
        requestBody: body('ConfigDraftInput'),
        responses: {
          '200': {
            ...json('Saved (or unchanged): the draft with its new ETag', 'ConfigDraft'),
            headers: { ETag: { schema: { type: 'string' } } },
          },
          ...tenantScoped,
          '412': {
            description:
              'Someone saved or published meanwhile (`draft-stale`): nothing saved; the body names who and when and carries the current draft to merge into',
            content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/DraftConflict' } } },
          },
          '422': problem('Invalid fields (`errors`, JSON Pointers into the config)'),
          '428': problem('No If-Match (`if-match-required`)'),
        },
      },
    },
    '/api/v1/console/tenants/{slug}/config/publish': {
      post: {
        operationId: 'publishConfig',
        summary:
          'Publishes the draft as a new immutable version with a note (publishers; audited); this instance serves it at once, every instance within 15 s, browsers within 60 s',
        security: session,
        parameters: [
          slug,
          {
            name: 'If-Match',
            in: 'header',
            required: false,
            description: 'The ETag of the draft the publisher reviewed: 412 when it changed since',
            schema: { type: 'string' },
          },
        ],
        requestBody: body('PublishInput'),
        responses: {
          '201': json('The new version', 'ConfigVersion'),
          ...tenantScoped,
          '412': {
            description: 'The draft changed since the given If-Match (`draft-stale`)',
            content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/DraftConflict' } } },
          },
          '422': problem(
            'No note, or `not-publishable`: a required text missing in the default language, or a contrast below WCAG 2.2 (each in `errors`)',
          ),
        },
      },
    },
    '/api/v1/console/tenants/{slug}/config/versions': {
      get: {
        operationId: 'listConfigVersions',
        summary: 'Every published version, newest first: when, by whom, with which note',
        security: session,
        parameters: [slug],
        responses: { '200': json('The history', 'ConfigVersionList'), ...tenantScoped },
      },
    },
    '/api/v1/console/tenants/{slug}/config/versions/{version}': {
      get: {
        operationId: 'getConfigVersion',
        summary: 'One version with its config (never changed once published)',
        security: session,
        parameters: [slug, versionParam],
        responses: { '200': json('The version', 'ConfigVersion'), ...tenantScoped },
      },
    },
    '/api/v1/console/tenants/{slug}/config/versions/{version}/restore': {
      post: {
        operationId: 'restoreConfigVersion',
        summary:
          'Publishes an earlier version’s config again as a new version (publishers; audited `config.restored`); the draft is set aside',
        security: session,
        parameters: [slug, versionParam],
        requestBody: body('RestoreInput'),
        responses: {
          '201': json('The new version', 'ConfigVersion'),
          ...tenantScoped,
          '422': problem('`not-publishable` under today’s checks (each reason in `errors`)'),
        },
      },
    },
    '/api/v1/console/tenants/{slug}/config/preview-report': {
      post: {
        operationId: 'previewReport',
        summary:
          'Sending from the preview: the report is checked against the draft as the public reports route would check it, and answered with what the widget shows and the e-mail the recipients would get; nothing is stored, sent, counted or audited',
        description:
          'The answer’s `result` has the sample reference `XXXX-XXXX` and the nil UUID as id: no stored report ever has either. The mail is rendered with the tenant’s own mail settings (language, opening line). The draft need not be saved or publishable; `slug`, `kind` and `municipalityCode` are taken from the published config.',
        security: session,
        parameters: [slug],
        requestBody: body('PreviewReportInput'),
        responses: {
          '200': json('What the widget shows after sending, and the e-mail', 'PreviewReport'),
          ...tenantScoped,
          '422': problem(
            'Invalid fields, each at its JSON Pointer into the body (`/config/…`, `/report/…`); or `outside-netherlands`',
          ),
        },
      },
    },
    // ── Private settings and the test delivery (routes/console/settings.ts, issue 13).
    '/api/v1/console/tenants/{slug}/settings': {
      get: {
        operationId: 'getPrivateSettings',
        summary:
          'The tenant’s private settings without secrets: the webhook secret only as set and since when, PGP keys as fingerprint, user ids and expiry',
        security: session,
        parameters: [slug],
        responses: {
          '200': {
            ...json('The settings; `ETag` is their revision, for the `If-Match` of the next save', 'PrivateSettings'),
            headers: { ETag: { schema: { type: 'string' } } },
          },
          ...tenantScoped,
        },
      },
      put: {
        operationId: 'savePrivateSettings',
        summary:
          'Replaces the private settings (If-Match required). A recipient’s `pgpPublicKey` omitted keeps the stored key, `null` removes it. The webhook secret is generated when a webhook is first set or with `rotateWebhookSecret`, and returned once as `newWebhookSecret`',
        security: session,
        parameters: [
          slug,
          {
            name: 'If-Match',
            in: 'header',
            required: true,
            description: 'The `ETag` of the settings read (or `*` to overwrite whatever is there).',
            schema: { type: 'string' },
          },
        ],
        requestBody: body('PrivateSettingsInput'),
        responses: {
          '200': json('Saved (with `newWebhookSecret` only when one was generated)', 'PrivateSettings'),
          ...tenantScoped,
          '412': problem(
            'Saved by someone else since (`settings-stale`: the detail names who; `ETag` the current one)',
          ),
          '422': problem(
            'Invalid fields, each at its JSON Pointer: an unusable PGP key, an http: webhook or origin in production, a rate limit outside the bounds',
          ),
          '428': problem('No If-Match (`if-match-required`)'),
        },
      },
    },
    '/api/v1/console/tenants/{slug}/settings/origin-check': {
      post: {
        operationId: 'checkOrigin',
        summary:
          'May a page of this origin send reports to the tenant? And if not, why (not listed, http: in production, a path given)',
        security: session,
        parameters: [slug],
        requestBody: body('OriginCheckInput'),
        responses: { '200': json('The answer', 'OriginCheck'), ...tenantScoped, '422': problem('Invalid fields') },
      },
    },
    '/api/v1/console/tenants/{slug}/settings/test-delivery': {
      post: {
        operationId: 'sendTestDelivery',
        summary:
          'Sends a marked test message to every e-mail recipient and the webhook through the real outbox; never a report (not in the inbox or the figures)',
        security: session,
        parameters: [slug],
        responses: {
          '202': json('Queued: its outcome follows at `GET …/settings/test-delivery`', 'TestDelivery'),
          ...tenantScoped,
          '409': problem('No e-mail recipient or webhook (`no-delivery-targets`)'),
          '429': problem('More than 5 test deliveries in 10 minutes (`too-many-test-deliveries`, with Retry-After)'),
        },
      },
      get: {
        operationId: 'listTestDeliveries',
        summary:
          'The latest ten test deliveries, newest first, with each target’s outcome (queued, sent, failed with its reason)',
        security: session,
        parameters: [slug],
        responses: { '200': json('The test deliveries', 'TestDeliveryList'), ...tenantScoped },
      },
    },
  };

  const schemas = {
    AuditPage: schemaOf(auditPageSchema, 'output'),
    TenantAuditPage: schemaOf(tenantAuditPageSchema, 'output'),
    AuditVerification: schemaOf(auditVerificationSchema, 'output'),
    Me: schemaOf(meSchema, 'output'),
    DemoStaff: schemaOf(demoStaffSchema, 'output'),
    DemoSignIn: schemaOf(demoSignInSchema, 'input'),
    ConsoleTenantList: schemaOf(consoleTenantListSchema, 'output'),
    Member: schemaOf(memberSchema, 'output'),
    MemberList: schemaOf(memberListSchema, 'output'),
    MemberRolesInput: schemaOf(memberRolesInputSchema, 'input'),
    InvitationInput: schemaOf(invitationInputSchema, 'input'),
    InvitationCreated: schemaOf(invitationCreatedSchema, 'output'),
    InvitationList: schemaOf(invitationListSchema, 'output'),
    InvitationTokenInput: schemaOf(invitationTokenInputSchema, 'input'),
    InvitationGrant: schemaOf(invitationGrantSchema, 'output'),
    PasskeyRegistrationStart: schemaOf(passkeyRegistrationStartSchema, 'input'),
    PasskeyOptions: schemaOf(passkeyOptionsSchema, 'output'),
    PasskeyRegistration: schemaOf(passkeyRegistrationSchema, 'input'),
    PasskeyAuthentication: schemaOf(passkeyAuthenticationSchema, 'input'),
    PasskeyList: schemaOf(passkeyListSchema, 'output'),
    MunicipalityList: schemaOf(municipalityListSchema, 'output'),
    OnboardingInput: schemaOf(onboardingInputSchema, 'input'),
    Onboarded: schemaOf(onboardedSchema, 'output'),
    TenantDemoInput: schemaOf(tenantDemoInputSchema, 'input'),
    OffboardingInput: schemaOf(offboardingInputSchema, 'input'),
    SsoTenantList: schemaOf(ssoTenantListSchema, 'output'),
    SsoSettingsInput: schemaOf(ssoSettingsInputSchema, 'input'),
    SsoSettingsView: schemaOf(ssoSettingsViewSchema, 'output'),
    // Issue 13: the logo upload.
    Logo: schemaOf(logoSchema, 'output'),
    // Configuration console
    ConfigDraft: schemaOf(configDraftSchema, 'output'),
    ConfigDraftInput: schemaOf(tenantConfigSchema, 'input'),
    DraftConflict: schemaOf(draftConflictSchema, 'output'),
    PublishInput: schemaOf(publishInputSchema, 'input'),
    RestoreInput: schemaOf(restoreInputSchema, 'input'),
    PreviewReportInput: schemaOf(previewReportInputSchema, 'input'),
    PreviewReport: schemaOf(previewReportSchema, 'output'),
    ConfigVersionList: schemaOf(configVersionListSchema, 'output'),
    ConfigVersion: schemaOf(configVersionSchema, 'output'),
    PrivateSettings: schemaOf(settingsViewSchema, 'output'),
    PrivateSettingsInput: schemaOf(settingsInputSchema, 'input'),
    OriginCheckInput: schemaOf(originCheckInputSchema, 'input'),
    OriginCheck: schemaOf(originCheckSchema, 'output'),
    TestDelivery: schemaOf(testDeliverySchema, 'output'),
    TestDeliveryList: schemaOf(testDeliveryListSchema, 'output'),
  };

  const securitySchemes = {
    session: {
      type: 'apiKey',
      in: 'cookie',
      name: '__Host-meldpunt-session',
      description: 'The staff session (HttpOnly, Secure, SameSite=Strict); set by a sign-in.',
    },
  };
  return { paths, schemas, securitySchemes };
}

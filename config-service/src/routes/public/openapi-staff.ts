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
  auditVerificationSchema,
  tenantAuditPageSchema,
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

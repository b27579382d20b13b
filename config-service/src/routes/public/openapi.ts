import { Hono } from 'hono';
import { z } from 'zod';
import {
  limits,
  problemSchema,
  publicTenantConfigSchema,
  reportCreatedSchema,
  reportInputSchema,
  routePreviewSchema,
  supportedLocales,
} from '@meldpunt/contracts';
import type { AppEnv } from '../../deps.ts';
import { staffOpenApi } from './openapi-staff.ts';
import { backofficeFiguresOpenApi } from './openapi-backoffice-figures.ts';
import { backofficeReportsOpenApi } from './openapi-backoffice-reports.ts';
import { followUpOpenApi } from './openapi-follow-up.ts';

/** JSON Schema (2020-12, as OpenAPI 3.1 uses) of a contracts schema. */
function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  });
  return json;
}

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

const slugParam = {
  name: 'slug',
  in: 'path',
  required: true,
  description: 'The tenant (reporting point), e.g. `dordrecht`.',
  schema: { type: 'string', minLength: 2, maxLength: 63, pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' },
};

const unavailable = problem('The database is out of reach or too slow; see Retry-After');

/** OpenAPI 3.1 of the public API, generated from the same zod schemas the routes validate with. */
export function openApiDocument(): Record<string, unknown> {
  const staff = staffOpenApi(schemaOf);
  // Issue 14: the back office.
  const reports = backofficeReportsOpenApi(schemaOf);
  const figures = backofficeFiguresOpenApi(schemaOf);
  // Issue 15: the reporter's follow-up by receipt code.
  const followUp = followUpOpenApi(schemaOf);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Meldpunt public API',
      version: '1.0.0',
      description:
        'Tenant configuration and report intake for Meldpunt, the street-harassment reporting point of Dutch municipalities. Every error is RFC 9457 problem+json.',
    },
    servers: [{ url: '/' }],
    paths: {
      '/api/v1/tenants/{slug}/config': {
        get: {
          operationId: 'getTenantConfig',
          summary: 'The published public configuration of a tenant',
          parameters: [
            slugParam,
            {
              name: 'locale',
              in: 'query',
              required: false,
              description: 'Narrow every text to this language (falls back to the tenant default).',
              schema: { type: 'string', enum: supportedLocales },
            },
            { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } },
          ],
          responses: {
            '200': {
              description: 'The published config',
              headers: {
                ETag: { schema: { type: 'string' } },
                'Cache-Control': {
                  description:
                    '`public, max-age=45`: with the service’s own refresh (≤ 15 s) a publish shows within 60 s',
                  schema: { type: 'string' },
                },
              },
              content: { 'application/json': { schema: { $ref: '#/components/schemas/PublicTenantConfig' } } },
            },
            '304': { description: 'Not modified (matches If-None-Match)' },
            '404': problem('No such tenant'),
            '422': problem('Invalid query'),
            '503': unavailable,
          },
        },
      },
      '/api/v1/tenants/{slug}/challenge': {
        get: {
          operationId: 'getChallenge',
          summary: 'A proof-of-work challenge for one report (issue 16, the ALTCHA protocol)',
          description:
            'altcha-lib’s challenge `{ parameters, signature }`: HMAC-signed, bound to the tenant, expiring after five minutes (`parameters.expiresAt`). Solve it with altcha-lib’s `solveChallenge` and send the report with the `Meldpunt-Proof` header. Never cached.',
          parameters: [slugParam],
          responses: {
            '200': { description: 'A challenge', content: { 'application/json': { schema: { type: 'object' } } } },
            '404': problem('No such tenant'),
            '503': unavailable,
          },
        },
      },
      '/api/v1/tenants/{slug}/reports': {
        post: {
          operationId: 'createReport',
          summary: 'Send a report to a tenant',
          parameters: [
            slugParam,
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              description:
                'One per draft. The same key with the same body returns the original 201; with another body, 422.',
              schema: { type: 'string', minLength: 8, maxLength: limits.idempotencyKeyMaxLength },
            },
            {
              name: 'Meldpunt-Proof',
              in: 'header',
              required: true,
              description:
                'Issue 16: base64 of the JSON `{ challenge, solution }` — a challenge of `GET …/challenge`, unchanged, and the `solution` altcha-lib’s `solveChallenge` found. Each challenge is good for one report, for five minutes. Not needed for a retry whose Idempotency-Key already has a report. Refusals: 403 `proof-required`, `proof-invalid`, `proof-expired`, `proof-replayed`, `proof-outdated` (made before the tenant’s difficulty rose: fetch a new one).',
              schema: { type: 'string', maxLength: 4096 },
            },
          ],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReportInput' } } },
          },
          responses: {
            '201': {
              description: 'Stored',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/ReportCreated' } } },
            },
            '400': problem('Malformed JSON or header'),
            '403': problem(
              'The page’s origin may not send reports to this tenant, or the proof of work is missing, invalid, expired or used before (nothing stored)',
            ),
            '404': problem('No such tenant'),
            '413': problem(`Body over ${limits.maxBodyBytes} bytes`),
            '415': problem('Not JSON'),
            '422': problem(
              'Invalid fields (see `errors`), a point outside the Netherlands, or Idempotency-Key reused with another body',
            ),
            '429': problem('Too many reports from this client; see Retry-After'),
            '503': problem(
              '`busy` (issue 16): this instance is storing as many reports as it takes at once; nothing was stored, the proof of work is still good: send the same report again after Retry-After (2 s). `database-unavailable`: the database is out of reach or too slow; see Retry-After. The report may or may not have been stored: send it again with the same Idempotency-Key',
            ),
          },
        },
      },
      '/api/v1/tenants/{slug}/route': {
        get: {
          operationId: 'previewRoute',
          summary: 'Where a report placed at this point would go (the same decision as createReport, nothing stored)',
          parameters: [
            slugParam,
            { name: 'lat', in: 'query', required: true, schema: { type: 'number', minimum: -90, maximum: 90 } },
            { name: 'lng', in: 'query', required: true, schema: { type: 'number', minimum: -180, maximum: 180 } },
            {
              name: 'at',
              in: 'query',
              required: false,
              description: 'The report’s occurredAt: the municipal boundaries valid on that date apply. Default: now.',
              schema: { type: 'string', format: 'date-time' },
            },
          ],
          responses: {
            '200': {
              description: 'The receiving tenant and the municipality of the point',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/RoutePreview' } } },
            },
            '404': problem('No such tenant'),
            '422': problem('Invalid query, or the point is outside the Netherlands (`outside-netherlands`)'),
            '503': unavailable,
          },
        },
      },
      // Issue 13: logos, the hosted reporting page and its QR code.
      '/api/v1/logos/{id}.webp': {
        get: {
          operationId: 'getLogo',
          summary:
            'A tenant’s logo as the service re-encoded it (WebP); immutable, cached a year, loadable from any origin',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
            { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } },
          ],
          responses: {
            '200': {
              description: 'The logo',
              content: { 'image/webp': { schema: { type: 'string', format: 'binary' } } },
            },
            '304': { description: 'Not modified (matches If-None-Match)' },
            '404': problem('No such logo'),
            '503': unavailable,
          },
        },
      },
      ...Object.fromEntries(
        (['svg', 'png'] as const).map((format) => [
          `/api/v1/tenants/{slug}/qr.${format}`,
          {
            get: {
              operationId: format === 'svg' ? 'getQrSvg' : 'getQrPng',
              summary: `A QR code (${format === 'svg' ? 'SVG' : 'PNG, 1024 × 1024'}, error correction Q) of the tenant’s hosted reporting page \`{PUBLIC_ORIGIN}/m/{slug}\`, for posters`,
              parameters: [
                slugParam,
                { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } },
              ],
              responses: {
                '200': {
                  description: 'The QR code',
                  content: {
                    [format === 'svg' ? 'image/svg+xml' : 'image/png']: {
                      schema: { type: 'string', format: 'binary' },
                    },
                  },
                },
                '304': { description: 'Not modified (matches If-None-Match)' },
                '404': problem('No such tenant'),
                '503': unavailable,
              },
            },
          },
        ]),
      ),
      '/m/{slug}': {
        get: {
          operationId: 'hostedReportingPage',
          summary:
            'The hosted reporting page: an HTML page of the service with the tenant’s widget (strict CSP with Trusted Types), for CMSs that forbid scripts and for campaigns',
          parameters: [slugParam],
          responses: {
            '200': { description: 'The page', content: { 'text/html': { schema: { type: 'string' } } } },
            '404': {
              description: 'No such tenant: an HTML page saying so',
              content: { 'text/html': { schema: { type: 'string' } } },
            },
          },
        },
      },
      '/api/v1/health': {
        get: {
          operationId: 'health',
          summary: 'Liveness: the process answers (never asks the database)',
          responses: { '200': { description: 'Alive (also while starting and migrating)' } },
        },
      },
      '/api/v1/ready': {
        get: {
          operationId: 'ready',
          summary: 'Readiness: started, migrated and the database answers',
          responses: {
            '200': { description: 'Ready for traffic' },
            '503': problem('Starting, stopping or the database is unavailable'),
          },
        },
      },
      ...staff.paths,
      ...reports.paths,
      ...figures.paths,
      ...followUp.paths,
    },
    components: {
      schemas: {
        PublicTenantConfig: schemaOf(publicTenantConfigSchema, 'output'),
        ReportInput: schemaOf(reportInputSchema, 'input'),
        ReportCreated: schemaOf(reportCreatedSchema, 'output'),
        RoutePreview: schemaOf(routePreviewSchema, 'output'),
        Problem: schemaOf(problemSchema, 'output'),
        ...staff.schemas,
        ...reports.schemas,
        ...figures.schemas,
        ...followUp.schemas,
      },
      securitySchemes: { ...staff.securitySchemes, ...followUp.securitySchemes },
    },
  };
}

export function openApiRoutes() {
  const body = JSON.stringify(openApiDocument());
  return new Hono<AppEnv>().get('/', (c) =>
    c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'public, max-age=300' }),
  );
}

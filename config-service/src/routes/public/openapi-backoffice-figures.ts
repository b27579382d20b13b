/**
 * The back office's figures in the OpenAPI document (issue 14): `/api/v1/backoffice/…/figures…`; and
 * (issue 15) the reporters' feedback.
 */
import {
  feedbackCommentsSchema,
  feedbackFiguresSchema,
  figuresSchema,
  hotspotsSchema,
  hotTimesSchema,
  nationalFiguresSchema,
  figurePeriods,
} from '@meldpunt/contracts';
import { json, problem, queryParam, session, slugParam, tenantScoped, type SchemaOf } from './openapi-parts.ts';

/** The query of every figure (`figuresQuerySchema`). */
const periodParams = [
  queryParam('period', '`week` (ISO, Monday to Sunday) or `month` (default), in Europe/Amsterdam.', {
    type: 'string',
    enum: [...figurePeriods],
    default: 'month',
  }),
  queryParam(
    'at',
    'A date in the period (`2026-06-15`); default: the last complete period. Only complete periods are served.',
    { type: 'string', format: 'date' },
  ),
  queryParam('lang', 'The language of labels (category names): `nl` or `en`; default the tenant’s own.', {
    type: 'string',
    enum: ['nl', 'en'],
  }),
];

const notComplete = problem(
  'An invalid query (`validation`), or a period that has not ended yet (`period-not-complete`, with `lastComplete`: the last complete period)',
);

const suppressionNote =
  ' Counts below the minimum (the tenant’s, default 5, never below 3) are `suppressed: below-minimum`; others are hidden as `complementary` so that no hidden count can be worked out from all the figures of the period together.';

export function backofficeFiguresOpenApi(schemaOf: SchemaOf) {
  const figure = (operationId: string, summary: string, name: string) => ({
    get: {
      operationId,
      summary: summary + suppressionNote,
      security: session,
      parameters: [slugParam, ...periodParams],
      responses: {
        '200': json('The period’s figures (`Cache-Control: no-store`)', name),
        ...tenantScoped,
        '422': notComplete,
      },
    },
  });
  const paths = {
    '/api/v1/backoffice/tenants/{slug}/figures': figure(
      'getFigures',
      'Officers and analysts: one period’s counts (by category, role, part of day, delay), the previous period’s total and the trend of 12 periods.',
      'Figures',
    ),
    '/api/v1/backoffice/tenants/{slug}/figures/hot-times': figure(
      'getHotTimes',
      'Officers and analysts: reports with an exact time by weekday × hour (Europe/Amsterdam); the others as one count.',
      'HotTimes',
    ),
    '/api/v1/backoffice/tenants/{slug}/figures/hotspots': figure(
      'getHotspots',
      'Officers and analysts: reports per 500 m square of the Dutch national grid (RD New, as CBS publishes), with the squares’ corners in WGS84 — never a report’s point. Squares without a report are not listed.',
      'Hotspots',
    ),
    '/api/v1/backoffice/tenants/{slug}/figures/feedback': {
      get: {
        operationId: 'getFeedbackFigures',
        summary:
          'Officers and analysts: “how was reporting for you?” — per moment (`sent`: just after sending; `closed`: once the report was closed) the number of answers and their average rating (1–5, one decimal), this period and the one before, by when the answer was given. A count below the minimum (the tenant’s, default 5, never below 3) is `suppressed: below-minimum` and its average null.',
        security: session,
        parameters: [slugParam, ...periodParams.filter((p) => p.name !== 'lang')],
        responses: {
          '200': json('The feedback figures (`Cache-Control: no-store`)', 'FeedbackFigures'),
          ...tenantScoped,
          '422': notComplete,
        },
      },
    },
    '/api/v1/backoffice/tenants/{slug}/feedback/comments': {
      get: {
        operationId: 'getFeedbackComments',
        summary:
          'Officers only (an analyst: 403): the comments reporters gave with their feedback in the period, newest first, each with its report’s id and reference.',
        security: session,
        parameters: [slugParam, ...periodParams.filter((p) => p.name !== 'lang')],
        responses: {
          '200': json('The comments (`Cache-Control: no-store`)', 'FeedbackComments'),
          ...tenantScoped,
          '422': notComplete,
        },
      },
    },
    '/api/v1/backoffice/tenants/{slug}/figures.csv': {
      get: {
        operationId: 'exportFigures',
        summary:
          'Officers and analysts: the period’s figures as CSV for spreadsheets (UTF-8 with BOM, `;`, columns figure;key;label;value; hidden counts as `< 5` and `x` with a legend; formula-looking cells made inert). Audited as `export.created`.',
        security: session,
        parameters: [slugParam, ...periodParams],
        responses: {
          '200': { description: 'The figures', content: { 'text/csv': { schema: { type: 'string' } } } },
          ...tenantScoped,
          '422': notComplete,
        },
      },
    },
    '/api/v1/backoffice/platform/figures': {
      get: {
        operationId: 'getNationalFigures',
        summary:
          'The platform operator: each tenant’s number of reports in the period (where they were routed to), suppressed with the platform’s minimum (5) — aggregates only.',
        security: session,
        parameters: periodParams,
        responses: {
          '200': json('The national overview (`Cache-Control: no-store`)', 'NationalFigures'),
          '401': problem('Not signed in, or the session has ended'),
          '403': problem('Not the platform operator'),
          '422': notComplete,
        },
      },
    },
  };
  const schemas = {
    Figures: schemaOf(figuresSchema, 'output'),
    HotTimes: schemaOf(hotTimesSchema, 'output'),
    Hotspots: schemaOf(hotspotsSchema, 'output'),
    NationalFigures: schemaOf(nationalFiguresSchema, 'output'),
    FeedbackFigures: schemaOf(feedbackFiguresSchema, 'output'),
    FeedbackComments: schemaOf(feedbackCommentsSchema, 'output'),
  };
  return { paths, schemas };
}

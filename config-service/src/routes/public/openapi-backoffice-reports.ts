/**
 * The back office's report routes in the OpenAPI document (issue 14): `/api/v1/backoffice/tenants/{slug}/reports…`;
 * and (issue 15) messages to the reporter and the withdrawn reports.
 */
import {
  contactRevealInputSchema,
  inboxPageSchema,
  noteInputSchema,
  officerListSchema,
  reportDeliverySchema,
  reportDetailSchema,
  reportMessageInputSchema,
  reportMessageSchema,
  reportNoteSchema,
  reportUpdateSchema,
  revealedContactSchema,
  savedViewInputSchema,
  savedViewListSchema,
  savedViewSchema,
  withdrawalListSchema,
} from '@meldpunt/contracts';
import {
  body,
  json,
  pathParam,
  problem,
  queryParam,
  session,
  slugParam,
  tenantScoped,
  type SchemaOf,
} from './openapi-parts.ts';

const reportId = pathParam('id', 'The report’s id (another tenant’s reads as unknown: 404).');
const noStore = { 'Cache-Control': { description: '`no-store`', schema: { type: 'string' } } };

/** The inbox filter, as the query of `GET …/reports` and `GET …/reports.csv`. */
const filterParams = [
  queryParam('status', 'Statuses, comma-separated (`new,in-progress`).'),
  queryParam('category', 'Category ids, comma-separated: reports with any of them.'),
  queryParam('role', '`victim`, `bystander`, `other`, comma-separated.'),
  queryParam('from', 'First date of receipt (Europe/Amsterdam), inclusive.', { type: 'string', format: 'date' }),
  queryParam('to', 'Last date of receipt (Europe/Amsterdam), inclusive.', { type: 'string', format: 'date' }),
  queryParam('contact', '`with`: contact details held now; `without`: the others.', {
    type: 'string',
    enum: ['with', 'without'],
  }),
  queryParam('via', 'Slugs of the reporting points the reports came in through, comma-separated.'),
  queryParam('q', 'Words in the description: all of them, any order, case- and accent-insensitive.'),
  queryParam('assignee', '`me`, `none`, or a staff id.'),
];

export function backofficeReportsOpenApi(schemaOf: SchemaOf) {
  const invalid = { '422': problem('Invalid fields: `errors` names each') };
  const paths = {
    '/api/v1/backoffice/tenants/{slug}/reports': {
      get: {
        operationId: 'listReports',
        summary: 'The inbox: the tenant’s reports, newest first, filtered, a page at a time (officers)',
        security: session,
        parameters: [
          slugParam,
          ...filterParams,
          queryParam('cursor', 'The previous page’s `nextCursor` (opaque).'),
          queryParam('limit', 'Reports per page (1–100, default 25).', { type: 'integer', minimum: 1, maximum: 100 }),
        ],
        responses: { '200': json('A page; `nextCursor` null on the last', 'InboxPage'), ...invalid, ...tenantScoped },
      },
    },
    '/api/v1/backoffice/tenants/{slug}/reports.csv': {
      get: {
        operationId: 'exportReports',
        summary:
          'The current filter as CSV (officers): UTF-8 with BOM, `;` between cells, CRLF, formula-looking cells made inert; never contact details or notes. Streamed; audited (`export.created`) before the first byte',
        security: session,
        parameters: [slugParam, ...filterParams],
        responses: {
          '200': {
            description:
              'Columns: reference; received; occurred; time_precision; part_of_day; categories; role; place; grid_cell; description; status; referred_to; closing_reason; assignee; receiving_tenant; via',
            headers: {
              'Content-Disposition': {
                description: '`attachment; filename="meldingen-<slug>-<date>.csv"`',
                schema: { type: 'string' },
              },
              ...noStore,
            },
            content: { 'text/csv': { schema: { type: 'string' } } },
          },
          ...invalid,
          ...tenantScoped,
        },
      },
    },
    '/api/v1/backoffice/tenants/{slug}/reports/{id}': {
      get: {
        operationId: 'getReport',
        summary:
          'One report without its contact details, labelled from the config the reporter saw (officers); audited as `report.viewed`',
        security: session,
        parameters: [
          slugParam,
          reportId,
          queryParam('lang', 'The labels’ language.', { type: 'string', enum: ['nl', 'en'] }),
        ],
        responses: {
          '200': {
            ...json('The report; `ETag` is its revision, for the `If-Match` of a change', 'ReportDetail'),
            headers: { ETag: { schema: { type: 'string' } }, ...noStore },
          },
          ...tenantScoped,
          '404': problem('No such report in this tenant (another tenant’s, or a malformed id, read the same)'),
          '410': problem(
            'The reporter withdrew the report with their receipt code (`report-withdrawn`, with `withdrawnAt`): it is deleted; not audited as a view',
          ),
        },
      },
      patch: {
        operationId: 'updateReport',
        summary: 'Changes the status (as the workflow allows) and/or the assignee (officers); audited',
        security: session,
        parameters: [
          slugParam,
          reportId,
          {
            name: 'If-Match',
            in: 'header',
            required: true,
            description: 'The report’s `ETag` (`"<revision>"`).',
            schema: { type: 'string' },
          },
        ],
        requestBody: body('ReportUpdate'),
        responses: {
          '200': {
            ...json('The report as it is now', 'ReportDetail'),
            headers: { ETag: { schema: { type: 'string' } } },
          },
          ...tenantScoped,
          '409': problem('The workflow does not allow this move (`status-move-not-allowed`)'),
          '412': problem('Changed by someone else since it was read (`report-stale`); `ETag` is the current one'),
          '422': problem('Invalid fields, or an assignee who is not an officer of this tenant'),
          '428': problem('No If-Match'),
        },
      },
    },
    '/api/v1/backoffice/tenants/{slug}/reports/{id}/notes': {
      post: {
        operationId: 'addReportNote',
        summary: 'Adds an internal note, never shown to the reporter (officers); audited with its length only',
        security: session,
        parameters: [slugParam, reportId],
        requestBody: body('NoteInput'),
        responses: { '201': json('The note', 'ReportNote'), ...invalid, ...tenantScoped },
      },
    },
    '/api/v1/backoffice/tenants/{slug}/reports/{id}/messages': {
      post: {
        operationId: 'sendReportMessage',
        summary:
          'Writes to the reporter (officers): they read it with their receipt code; one who left an e-mail address and asked for follow-up gets a content-free notice (never the message, the code or the reference). `waitForReply` moves the report to `waiting` in the same step. Audited (`report.message-sent`) with the length only',
        security: session,
        parameters: [slugParam, reportId],
        requestBody: body('ReportMessageInput'),
        responses: {
          '201': { ...json('The message, as the thread shows it', 'ReportMessage'), headers: noStore },
          ...invalid,
          ...tenantScoped,
          '404': problem('No such report in this tenant (another tenant’s reads the same; an analyst’s too)'),
          '409': problem(
            'The reporter holds no receipt code, so no message can reach them (`no-follow-up-channel`); or `waitForReply` on a closed report (`status-move-not-allowed`). Nothing is stored',
          ),
        },
      },
    },
    '/api/v1/backoffice/tenants/{slug}/withdrawals': {
      get: {
        operationId: 'listWithdrawals',
        summary:
          'Reports their reporters withdrew in the last 90 days, newest first (officers): the reference and dates only — the rest was deleted with the report',
        security: session,
        parameters: [slugParam],
        responses: { '200': { ...json('The withdrawals', 'WithdrawalList'), headers: noStore }, ...tenantScoped },
      },
    },
    '/api/v1/backoffice/tenants/{slug}/reports/{id}/contact': {
      post: {
        operationId: 'revealContact',
        summary:
          'Opens the reporter’s contact details for a reason from the fixed list (officers); audited (who, when, why) before they are answered',
        security: session,
        parameters: [slugParam, reportId],
        requestBody: body('ContactRevealInput'),
        responses: {
          '200': { ...json('The details as the reporter gave them', 'RevealedContact'), headers: noStore },
          ...invalid,
          ...tenantScoped,
          '404': problem('No such report, or (`no-contact`) the reporter gave no contact details'),
          '410': problem('Retention erased the contact details (`contact-erased`)'),
        },
      },
    },
    '/api/v1/backoffice/tenants/{slug}/reports/{id}/deliveries/{deliveryId}/retry': {
      post: {
        operationId: 'retryDelivery',
        summary: 'Sends a failed or retrying delivery of this report again, now (officers); audited',
        security: session,
        parameters: [slugParam, reportId, pathParam('deliveryId', 'A delivery of this report.')],
        responses: {
          '200': json('The delivery, queued', 'ReportDelivery'),
          ...tenantScoped,
          '404': problem('No such report, or no such delivery of it'),
          '409': problem('The delivery is neither failed nor retrying (`delivery-not-retryable`)'),
        },
      },
    },
    '/api/v1/backoffice/tenants/{slug}/officers': {
      get: {
        operationId: 'listOfficers',
        summary: 'The tenant’s officers, to assign a report to (officers)',
        security: session,
        parameters: [slugParam],
        responses: { '200': json('The officers', 'OfficerList'), ...tenantScoped },
      },
    },
    '/api/v1/backoffice/tenants/{slug}/views': {
      get: {
        operationId: 'listSavedViews',
        summary: 'The team’s saved inbox views (officers)',
        security: session,
        parameters: [slugParam],
        responses: { '200': json('The views', 'SavedViewList'), ...tenantScoped },
      },
      post: {
        operationId: 'saveView',
        summary: 'Saves an inbox filter for the team (officers); audited',
        security: session,
        parameters: [slugParam],
        requestBody: body('SavedViewInput'),
        responses: {
          '201': json('The view', 'SavedView'),
          ...invalid,
          ...tenantScoped,
          '409': problem('The team has a view by this name (`view-name-taken`)'),
        },
      },
    },
    '/api/v1/backoffice/tenants/{slug}/views/{id}': {
      delete: {
        operationId: 'deleteView',
        summary: 'Deletes a saved view (officers); audited',
        security: session,
        parameters: [slugParam, pathParam('id', 'The view’s id.')],
        responses: { '204': { description: 'Deleted' }, ...tenantScoped },
      },
    },
  };
  const schemas = {
    InboxPage: schemaOf(inboxPageSchema, 'output'),
    ReportDetail: schemaOf(reportDetailSchema, 'output'),
    ReportUpdate: schemaOf(reportUpdateSchema, 'input'),
    NoteInput: schemaOf(noteInputSchema, 'input'),
    ReportNote: schemaOf(reportNoteSchema, 'output'),
    ContactRevealInput: schemaOf(contactRevealInputSchema, 'input'),
    RevealedContact: schemaOf(revealedContactSchema, 'output'),
    ReportDelivery: schemaOf(reportDeliverySchema, 'output'),
    OfficerList: schemaOf(officerListSchema, 'output'),
    SavedView: schemaOf(savedViewSchema, 'output'),
    SavedViewList: schemaOf(savedViewListSchema, 'output'),
    SavedViewInput: schemaOf(savedViewInputSchema, 'input'),
    ReportMessageInput: schemaOf(reportMessageInputSchema, 'input'),
    ReportMessage: schemaOf(reportMessageSchema, 'output'),
    WithdrawalList: schemaOf(withdrawalListSchema, 'output'),
  };
  return { paths, schemas };
}

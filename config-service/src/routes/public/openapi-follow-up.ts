/**
 * The reporter's follow-up by receipt code in the OpenAPI document (issue 15):
 * `/api/v1/tenants/{slug}/follow-up…` and `/api/v1/tenants/{slug}/reports/{id}/feedback`.
 */
import {
  feedbackInputSchema,
  followUpLookupSchema,
  followUpReplySchema,
  followUpViewSchema,
} from '@meldpunt/contracts';
import { body, json, pathParam, problem, type SchemaOf } from './openapi-parts.ts';

const slugParam = pathParam(
  'slug',
  'The reporting point whose widget or hosted page asks (its embed origins are checked); the code finds the report wherever it was routed.',
);
const noStore = { 'Cache-Control': { description: '`no-store`', schema: { type: 'string' } } };
const bearer = [{ followUpToken: [] }];

/** What every call with a token may answer besides its own. */
const withToken = {
  '401': problem(
    'No token, or one that is forged, expired (after 15 minutes) or no longer the report’s (a new code, a withdrawal): `follow-up-token-invalid`',
  ),
  '403': problem('The page’s origin may not use this reporting point (`origin-not-allowed`)'),
  '404': problem('No such reporting point'),
  '503': problem('The database is out of reach or too slow; see Retry-After'),
};
const jsonBody = {
  '413': problem('Body over 16 KB'),
  '415': problem('Not JSON'),
  '422': problem('Invalid fields: `errors` names each'),
};

export function followUpOpenApi(schemaOf: SchemaOf) {
  const paths = {
    '/api/v1/tenants/{slug}/follow-up': {
      post: {
        operationId: 'openFollowUp',
        summary:
          'The reporter opens their report with its receipt code (in the body, never in a URL): status in their words, the thread with the municipality, and a token for 15 minutes, to be kept in memory only',
        parameters: [slugParam],
        requestBody: body('FollowUpLookup'),
        responses: {
          '200': { ...json('The report as its reporter sees it', 'FollowUpView'), headers: noStore },
          '403': problem('The page’s origin may not use this reporting point (`origin-not-allowed`)'),
          '404': problem(
            'No report answers to this code — ill-formed, unknown, withdrawn or deleted all answer exactly alike (`receipt-code-unknown`); or no such reporting point',
          ),
          ...jsonBody,
          '429': problem(
            'Too many failed codes from this client (`too-many-attempts`): answered at once, every attempt, until `Retry-After` (seconds; it doubles with each further failure, up to an hour)',
          ),
          '503': problem('The database is out of reach or too slow; see Retry-After'),
        },
      },
    },
    '/api/v1/tenants/{slug}/follow-up/replies': {
      post: {
        operationId: 'replyToFollowUp',
        summary:
          'The reporter replies (text only): a report waiting for them goes back to in progress by itself; the municipality gets a content-free notice',
        security: bearer,
        parameters: [slugParam],
        requestBody: body('FollowUpReply'),
        responses: {
          '201': { ...json('The report as it is now, with a fresh token', 'FollowUpView'), headers: noStore },
          '409': problem('The report is closed and takes no more replies (`report-closed`)'),
          ...jsonBody,
          ...withToken,
        },
      },
    },
    '/api/v1/tenants/{slug}/follow-up/contact-erasure': {
      post: {
        operationId: 'eraseFollowUpContact',
        summary:
          'The reporter erases the contact details they gave (no body): gone for good, on record without content; the report stays',
        security: bearer,
        parameters: [slugParam],
        responses: {
          '200': { ...json('The report as it is now (`hasContact` false)', 'FollowUpView'), headers: noStore },
          ...withToken,
        },
      },
    },
    '/api/v1/tenants/{slug}/follow-up/withdrawal': {
      post: {
        operationId: 'withdrawReport',
        summary:
          'The reporter withdraws the report (no body): it is deleted with its messages, notes, feedback and deliveries; its reference and dates stay, so the municipality sees that a report was withdrawn. The code then finds nothing',
        security: bearer,
        parameters: [slugParam],
        responses: { '204': { description: 'Withdrawn', headers: noStore }, ...withToken },
      },
    },
    '/api/v1/tenants/{slug}/follow-up/feedback': {
      post: {
        operationId: 'giveFollowUpFeedback',
        summary:
          '“How was reporting for you?” (1–5, an optional comment for the officers): moment `closed` once the report is closed, or `sent`. Answering again replaces',
        security: bearer,
        parameters: [slugParam],
        requestBody: body('FeedbackInput'),
        responses: {
          '204': { description: 'Stored', headers: noStore },
          '409': problem('Moment `closed` while the report is not closed (`report-not-closed`)'),
          ...jsonBody,
          ...withToken,
        },
      },
    },
    '/api/v1/tenants/{slug}/reports/{id}/feedback': {
      post: {
        operationId: 'giveFeedbackAfterSending',
        summary:
          '“How was reporting for you?” just after sending, with the `feedbackToken` of the report’s 201 (an hour; also for reports without a receipt code). Moment `sent` only. Answering again replaces',
        security: [{ feedbackToken: [] }],
        parameters: [slugParam, pathParam('id', 'The report’s id, from its 201.')],
        requestBody: body('FeedbackInput'),
        responses: {
          '204': { description: 'Stored', headers: noStore },
          ...jsonBody,
          '422': problem('Invalid fields, or a moment other than `sent` (`validation`)'),
          ...withToken,
          '401': problem('No token, or one that is forged, expired or for another report (`follow-up-token-invalid`)'),
        },
      },
    },
  };
  const schemas = {
    FollowUpLookup: schemaOf(followUpLookupSchema, 'input'),
    FollowUpView: schemaOf(followUpViewSchema, 'output'),
    FollowUpReply: schemaOf(followUpReplySchema, 'input'),
    FeedbackInput: schemaOf(feedbackInputSchema, 'input'),
  };
  const securitySchemes = {
    followUpToken: {
      type: 'http',
      scheme: 'bearer',
      description:
        'The `token` of a `FollowUpView` (15 minutes; each answer carries a fresh one). Held in memory only: never in storage, never in a URL.',
    },
    feedbackToken: {
      type: 'http',
      scheme: 'bearer',
      description: 'The `feedbackToken` of a report’s 201 (an hour), for the one question after sending.',
    },
  };
  return { paths, schemas, securitySchemes };
}

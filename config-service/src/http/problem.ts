import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { problemContentType, type FieldError, type Problem } from '@meldpunt/contracts';
import type { DomainError } from '../errors/domain-error.ts';

const typeBase = 'https://meldpunt.dev/problems/';

/** Thrown anywhere in a request; the app's `onError` answers it as RFC 9457 problem+json. */
export class ProblemError extends Error {
  readonly problem: Problem;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    slug: string,
    title: string,
    extra: {
      detail?: string;
      errors?: FieldError[];
      headers?: Record<string, string>;
      /** RFC 9457 extension members of this problem type (e.g. a 412's `current` draft). */
      extensions?: Record<string, unknown>;
    } = {},
  ) {
    super(title);
    this.name = 'ProblemError';
    this.problem = {
      type: typeBase + slug,
      title,
      status,
      ...(extra.detail ? { detail: extra.detail } : {}),
      ...(extra.errors ? { errors: extra.errors } : {}),
      ...extra.extensions,
    };
    this.headers = extra.headers ?? {};
  }
}

/**
 * Writes a problem+json response through the context, so the headers the request already earned stay
 * on it: `X-Request-Id` (the correlation id) and, for an allowed embed origin, the CORS headers —
 * without them a widget on the municipality's site could not read its field errors.
 */
export function problemResponse(c: Context, problem: Problem, headers: Record<string, string> = {}): Response {
  const body: Problem = { ...problem, instance: problem.instance ?? c.req.path };
  return c.body(JSON.stringify(body), problem.status as ContentfulStatusCode, {
    'Content-Type': problemContentType,
    'Cache-Control': 'no-store',
    ...headers,
  });
}

export const problems = {
  notFound: (what = 'Not found') => new ProblemError(404, 'not-found', what),
  /**
   * The database is out of reach or did not answer in time. After a write it cannot be known whether
   * the write arrived (the server may still carry it out when it wakes up), hence “may not”: sending
   * the report again is safe, the widget sends it with the same Idempotency-Key.
   */
  databaseUnavailable: (method: string) =>
    new ProblemError(503, 'database-unavailable', 'The service cannot reach its database', {
      detail:
        method === 'POST'
          ? 'Your report may not have been stored. Please send it again in a moment; it will not be stored twice. In an emergency, call 112.'
          : 'Please try again in a moment. In an emergency, call 112.',
      headers: { 'Retry-After': '30' },
    }),
  validation: (errors: FieldError[]) =>
    new ProblemError(422, 'validation', 'The request has invalid fields', {
      detail: 'Correct the fields listed in `errors` and send again.',
      errors,
    }),
};

/**
 * The answer to each refusal of domain code (`errors/domain-error.ts`): the one place that gives a
 * refusal its status, problem type and the words a person reads.
 */
export function problemOf(error: DomainError): ProblemError {
  const refusal = error.refusal;
  switch (refusal.code) {
    case 'invalid-fields':
      return problems.validation(refusal.errors);
    case 'outside-netherlands':
      return new ProblemError(422, 'outside-netherlands', 'This place is not in the Netherlands', {
        detail:
          'This reporting point takes reports of street harassment in the Netherlands. Choose a place in the Netherlands, or describe the place in words.',
        errors: [{ path: '/location', message: 'Choose a place in the Netherlands' }],
      });
    case 'idempotency-key-reused':
      return new ProblemError(422, 'idempotency-key-reused', 'This Idempotency-Key was used for another report', {
        detail: 'Use a new Idempotency-Key for a new report.',
        errors: [{ path: '', message: 'Idempotency-Key already used with a different body' }],
      });
    case 'too-many-reports':
      return new ProblemError(429, 'too-many-reports', 'Too many reports from this connection', {
        detail: `Try again in ${Math.ceil(refusal.retryAfterSeconds / 60)} minute(s). In an emergency, call 112.`,
        headers: { 'Retry-After': String(refusal.retryAfterSeconds) },
      });
    // Proof of work (issue 16): the widget solves and sends it by itself; API clients see README.
    case 'proof-required':
      return proofProblem(
        'proof-required',
        'The report carries no proof of work',
        'Fetch a challenge from GET /api/v1/tenants/{slug}/challenge, solve it and send the report with its Meldpunt-Proof header.',
      );
    case 'proof-invalid':
      return proofProblem(
        'proof-invalid',
        'The proof of work is not valid',
        'Send the solution of a challenge this service gave for this reporting point, unchanged, as base64 of the JSON { challenge, solution }.',
      );
    case 'proof-expired':
      return proofProblem(
        'proof-expired',
        'The proof of work has expired',
        'A challenge is valid for a few minutes: fetch a new one, solve it and send the report again.',
      );
    case 'proof-replayed':
      return proofProblem(
        'proof-replayed',
        'The proof of work was used before',
        'Each challenge is good for one report: fetch a new one, solve it and send the report again.',
      );
    case 'proof-outdated':
      return proofProblem(
        'proof-outdated',
        'The proof of work is too easy now',
        'This reporting point receives very many reports at the moment, so its challenges are harder: fetch a new one, solve it and send the report again.',
      );
    // Anonymous follow-up by receipt code (issue 15):
    case 'receipt-code-unknown':
      // One answer for every failure, so no answer tells an ill-formed code from a withdrawn report's.
      return new ProblemError(404, 'receipt-code-unknown', 'No report with this receipt code', {
        detail:
          'Check the code and type it again: 16 letters and digits, as you saved them. A withdrawn report, or one deleted after its retention period, has no code any more. In an emergency, call 112.',
      });
    case 'too-many-attempts':
      return new ProblemError(429, 'too-many-attempts', 'Too many wrong receipt codes from this connection', {
        detail: `Wait ${refusal.retryAfterSeconds < 120 ? `${refusal.retryAfterSeconds} second(s)` : `${Math.ceil(refusal.retryAfterSeconds / 60)} minute(s)`} before you try again. In an emergency, call 112.`,
        headers: { 'Retry-After': String(refusal.retryAfterSeconds) },
      });
    case 'follow-up-token-invalid':
      return new ProblemError(401, 'follow-up-token-invalid', 'Enter your receipt code again', {
        detail:
          'The follow-up has expired (after 15 minutes) or the report has changed: enter your receipt code again to continue.',
        headers: { 'WWW-Authenticate': 'Bearer' },
      });
    case 'report-closed':
      return new ProblemError(409, 'report-closed', 'This report is closed', {
        detail:
          'A closed report takes no more replies. You can still read its messages and say how reporting was for you.',
      });
    case 'report-not-closed':
      return new ProblemError(409, 'report-not-closed', 'This report is not closed yet', {
        detail: 'The question for a closed report is asked once the municipality has closed it.',
        errors: [{ path: '/moment', message: 'Not closed yet' }],
      });
    case 'last-admin':
      return new ProblemError(409, 'last-admin', 'A municipality keeps at least one admin', {
        detail: 'Give another member the admin role first, then change or remove this one.',
      });
    case 'tenant-exists':
      return new ProblemError(409, 'tenant-exists', 'This municipality is already onboarded', {
        detail: `Its tenant is "${refusal.slug}".`,
        errors: [{ path: '/municipalityCode', message: 'Already onboarded' }],
      });
    case 'unknown-municipality':
      return problems.validation([{ path: '/municipalityCode', message: 'No municipality with this code' }]);
    case 'export-required':
      return new ProblemError(409, 'export-required', 'Export the tenant first', {
        detail:
          'A tenant is deleted only after a complete export of it in the last 24 hours: download the export, then delete.',
      });
    case 'confirmation-mismatch':
      return problems.validation([{ path: '/confirmSlug', message: 'Type the tenant’s slug exactly to confirm' }]);
    case 'sso-discovery-failed':
      return new ProblemError(422, 'sso-discovery-failed', 'The sign-in system did not answer as an OpenID provider', {
        detail:
          'Nothing was saved. Check the issuer address (the part before /.well-known/openid-configuration) and that the provider can be reached from this service.',
        errors: [{ path: '/issuer', message: 'The provider at this address did not answer its OpenID discovery.' }],
      });
    // Issue 13: the logo upload.
    case 'logo-not-an-image':
      return new ProblemError(415, 'unsupported-media-type', 'The logo must be a PNG, JPEG or WebP image', {
        detail: 'Nothing was stored. SVG and other formats are not accepted; the file’s content decides, not its name.',
        errors: [{ path: '', message: 'Not a PNG, JPEG or WebP image' }],
      });
    case 'logo-too-many-pixels':
      return new ProblemError(422, 'logo-too-many-pixels', 'The logo has too many pixels', {
        detail: `Nothing was stored. Use an image of at most ${refusal.maxPixels / 1_000_000} million pixels; it is shown at most 512 × 512.`,
        errors: [{ path: '', message: 'Too many pixels' }],
      });
    // Configuration console
    case 'draft-stale':
      return new ProblemError(412, 'draft-stale', 'Someone else changed the draft meanwhile', {
        detail:
          'Nothing was saved. `current` is the draft as it is now and `lastChange` says who changed it when: merge your changes into it and save again with its `etag` as If-Match.',
        headers: { ETag: refusal.current.etag },
        extensions: { lastChange: refusal.lastChange, current: refusal.current },
      });
    case 'not-publishable':
      return new ProblemError(422, 'not-publishable', 'The draft cannot be published yet', {
        detail: 'Nothing was published. Each entry of `errors` names a field and what it needs.',
        errors: refusal.errors,
      });
    case 'unknown-version':
      return problems.notFound('No configuration version with this number');
    // Private settings and the test delivery (issue 13):
    case 'settings-stale':
      return new ProblemError(412, 'settings-stale', 'Someone else saved these settings in the meantime', {
        detail: refusal.updatedBy
          ? `${refusal.updatedBy} saved them since you opened them (now revision ${refusal.revision}). Reload them, then make your change again.`
          : `They were changed since you opened them (now revision ${refusal.revision}). Reload them, then make your change again.`,
        headers: { ETag: `"settings-${refusal.revision}"` },
      });
    case 'too-many-test-deliveries':
      return new ProblemError(429, 'too-many-test-deliveries', 'Too many test deliveries for now', {
        detail: `Try again in ${Math.ceil(refusal.retryAfterSeconds / 60)} minute(s).`,
        headers: { 'Retry-After': String(refusal.retryAfterSeconds) },
      });
    case 'no-delivery-targets':
      return new ProblemError(409, 'no-delivery-targets', 'There is nowhere to send a test delivery', {
        detail: 'Add an e-mail recipient or a webhook to the settings first.',
      });
    // The back office (issue 14):
    case 'unknown-report':
      return problems.notFound('No such report');
    case 'report-stale':
      return new ProblemError(412, 'report-stale', 'Someone else changed this report in the meantime', {
        detail: `Nothing was changed. It is now at revision ${refusal.revision}: reload it, then make your change again.`,
        headers: { ETag: `"${refusal.revision}"` },
      });
    case 'status-move-not-allowed':
      return new ProblemError(
        409,
        'status-move-not-allowed',
        `A report cannot move from ${refusal.from} to ${refusal.to}`,
        {
          detail: `Nothing was changed. From ${refusal.from} a report moves on as the workflow allows (closed reports are reopened to in-progress).`,
          errors: [{ path: '/status', message: `Not allowed from ${refusal.from}` }],
        },
      );
    case 'not-an-officer':
      return problems.validation([
        { path: '/assigneeId', message: 'Assign the report to an officer of this municipality' },
      ]);
    case 'contact-erased':
      return new ProblemError(410, 'contact-erased', 'The contact details have been erased', {
        detail:
          'Retention erased them at the end of the period the privacy statement promises; they are gone for good.',
      });
    case 'no-contact':
      return new ProblemError(404, 'no-contact', 'The reporter gave no contact details', {
        detail: 'This report was sent anonymously: there is nothing to show.',
      });
    case 'unknown-delivery':
      return problems.notFound('No such delivery of this report');
    // Anonymous follow-up, the officer's side (issue 15):
    case 'no-follow-up-channel':
      return new ProblemError(409, 'no-follow-up-channel', 'This reporter cannot receive messages', {
        detail:
          'The reporter has no receipt code (the municipality did not follow up when it was sent, or it came in before receipt codes existed): a message would never reach them. Nothing was stored.',
      });
    case 'report-withdrawn':
      return new ProblemError(410, 'report-withdrawn', 'The reporter withdrew this report', {
        detail:
          'The reporter withdrew it with their receipt code, so it was deleted with everything that belonged to it.',
        extensions: { withdrawnAt: refusal.withdrawnAt },
      });
    case 'delivery-not-retryable':
      return new ProblemError(409, 'delivery-not-retryable', 'Only a failed or retrying delivery is sent again', {
        detail: `This delivery is ${refusal.status}: nothing to send again.`,
      });
    case 'view-name-taken':
      return new ProblemError(409, 'view-name-taken', 'The team already has a view by this name', {
        detail: 'Choose another name, or delete the other view first.',
        errors: [{ path: '/name', message: 'Already taken' }],
      });
    case 'unknown-view':
      return problems.notFound('No such saved view');
  }
}

/** A refused proof of work (issue 16): 403, nothing stored, and what to do instead. */
function proofProblem(slug: string, title: string, detail: string): ProblemError {
  return new ProblemError(403, slug, title, { detail: `Nothing was stored. ${detail}` });
}

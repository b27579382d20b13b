import type { Migration } from 'kysely/migration';
import * as initial from './2026-11-23T00-00-initial.ts';
import * as delivery from './2026-11-23T01-00-delivery.ts';
import * as areas from './2026-11-23T02-00-areas.ts';
import * as requestHashWindow from './2026-11-24T00-00-request-hash-window.ts';
import * as auditLog from './2026-12-03T00-00-audit-log.ts';
import * as staff from './2026-12-03T00-00-staff.ts';
import * as passkeys from './2026-12-04T00-00-passkeys.ts';
import * as onboarding from './2026-12-04T02-00-onboarding.ts';
import * as sessionPasskey from './2026-12-04T03-00-session-passkey.ts';
import * as sso from './2026-12-04T01-00-sso.ts';
import * as configDrafts from './2026-12-05T00-00-config-drafts.ts';
// Issue 13: private settings and the test delivery.
import * as settings from './2026-12-05T01-00-settings.ts';
// Issue 13: the logo upload.
import * as logo from './2026-12-05T02-00-logo.ts';
// Issue 13: the webhook secret sealed at rest.
import * as webhookSecretSealed from './2026-12-06T00-00-webhook-secret-sealed.ts';
// Issue 14: the back office.
import * as backoffice from './2026-12-07T00-00-backoffice.ts';
// Issue 14: the figures' counts from the index alone.
import * as figuresIndex from './2026-12-07T02-00-figures-index.ts';
import * as followUp from './2026-12-08T00-00-follow-up.ts';
import * as followUpNotices from './2026-12-08T01-00-follow-up-notices.ts';
// Issue 16: rate limits shared between instances; instances and workers notify each other (LISTEN/NOTIFY).
import * as rateLimitWindow from './2026-12-09T01-00-rate-limit-window.ts';
// Issue 16: proof of work.
import * as proofOfWork from './2026-12-09T02-00-proof-of-work.ts';
import * as notify from './2026-12-09T03-00-notify.ts';
// Issue 16: failed receipt-code look-ups counted in the database, shared by instances.
import * as receiptGuess from './2026-12-10T00-00-receipt-guess.ts';

/** Every migration, by name in time order. Listed explicitly: a file-system provider breaks under bundlers. */
export const migrations: Record<string, Migration> = {
  '2026-11-23T00-00-initial': initial,
  '2026-11-23T01-00-delivery': delivery,
  '2026-11-23T02-00-areas': areas,
  '2026-11-24T00-00-request-hash-window': requestHashWindow,
  '2026-12-03T00-00-audit-log': auditLog,
  '2026-12-03T00-00-staff': staff,
  '2026-12-04T00-00-passkeys': passkeys,
  '2026-12-04T01-00-sso': sso,
  '2026-12-04T02-00-onboarding': onboarding,
  '2026-12-04T03-00-session-passkey': sessionPasskey,
  '2026-12-05T00-00-config-drafts': configDrafts,
  '2026-12-05T01-00-settings': settings,
  // Issue 13: the logo upload.
  '2026-12-05T02-00-logo': logo,
  '2026-12-06T00-00-webhook-secret-sealed': webhookSecretSealed,
  // Issue 14: the back office.
  '2026-12-07T00-00-backoffice': backoffice,
  '2026-12-07T02-00-figures-index': figuresIndex,
  // Issue 15: anonymous follow-up by receipt code.
  '2026-12-08T00-00-follow-up': followUp,
  '2026-12-08T01-00-follow-up-notices': followUpNotices,
  // Issue 16: rate limits shared between instances; instances and workers notify each other.
  '2026-12-09T01-00-rate-limit-window': rateLimitWindow,
  // Issue 16: proof of work.
  '2026-12-09T02-00-proof-of-work': proofOfWork,
  '2026-12-09T03-00-notify': notify,
  '2026-12-10T00-00-receipt-guess': receiptGuess,
};

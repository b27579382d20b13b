import type { Kysely } from 'kysely';
import type { AuditLog } from './audit/audit-log.ts';
import type { Database } from './db/database.ts';
import type { DevMailbox } from './dev-mail/dev-mailbox.ts';
import type { TrustedProxies } from './http/client-address.ts';
import type { IntakeGate } from './http/intake-gate.ts';
import type { RequestLog } from './http/request-log.ts';
import type { StaffTenant } from './http/staff-access.ts';
import type { Logger } from './logger.ts';
import type { Readiness } from './ops/readiness.ts';
import type { ReceiverLookup } from './receivers/receiver-lookup.ts';
import type { ProofOfWork } from './proof/proof-of-work.ts';
import type { ReportRateLimiter } from './reports/rate-limit.ts';
import type { ContactSealer } from './secrets/contact-sealer.ts';
import type { DemoSiteDirs } from './routes/static.ts';
import type { GuessLimiter } from './follow-up/guess-limiter.ts';
import type { ReceiptKeys } from './follow-up/receipt-keys.ts';
import type { ServerSecret } from './secrets/server-secret.ts';
import type { SignedIn } from './staff/sessions.ts';
import type { SignInLimiter } from './staff/sign-in-limiter.ts';
import type { TenantCache } from './tenants/tenant-cache.ts';

/** Everything the app is built from; tests pass real ones against a real database. */
export interface AppDeps {
  db: Kysely<Database>;
  tenants: TenantCache;
  /** Decides which tenant receives a report, by the point's municipality. */
  receivers: ReceiverLookup;
  sealer: ContactSealer;
  /** The root of every keyed hash (`SERVER_SECRET`): request hashes, sessions, follow-up tokens. */
  serverSecret: ServerSecret;
  /**
   * Issue 15: the keys that hash receipt codes (`RECEIPT_CODE_KEYS`); unset: key 1 derived from
   * `serverSecret` only, as in production without `RECEIPT_CODE_KEYS`.
   */
  receiptKeys?: ReceiptKeys;
  /** Issue 15: failed receipt-code look-ups per client, counted in the database (issue 16). */
  guessLimiter?: GuessLimiter;
  /** Reports per client at the sending and the receiving tenant, counted in the database (issue 16). */
  rateLimiter: ReportRateLimiter;
  /** Issue 16: the proof-of-work challenges every report carries one of (`proof/`). */
  proof: ProofOfWork;
  /** Issue 16: at most this many reports stored at once by this instance, more answer 503 `busy` (`INTAKE_MAX_IN_FLIGHT`); unset: no limit. */
  intakeGate?: IntakeGate;
  logger: Logger;
  /** The audit log (one per app, from `db`, `serverSecret` and `logger`): staff changes append to it. */
  auditLog: AuditLog;
  /**
   * The proxies whose `X-Forwarded-For` names the client (`TRUSTED_PROXIES`; issue 16): the client is
   * the right-most address not in their ranges. `TrustedProxies.none()`: the connection is the client.
   */
  trustedProxies: TrustedProxies;
  /**
   * The origin the service is reached at (`PUBLIC_ORIGIN`): its own pages (the demo site) may send to
   * every tenant. Never derived from the request's `Host`, which the client chooses.
   */
  publicOrigin: string;
  /**
   * Issue 16: where the process is (starting, serving, stopping) for `/api/v1/ready`; unset (tests of the
   * app alone): serving.
   */
  readiness?: Pick<Readiness, 'phase'>;
  /** Wakes the in-process delivery worker when a report was accepted (unset: workers find it by polling). */
  nudgeDelivery?: () => void;
  /** Development mailbox served at `/dev/mail` to loopback only; set in demo mode only. */
  devMailbox?: DevMailbox;
  /** Demo mode: the demo staff may sign in with one click (`/api/v1/auth/demo`); 404 otherwise. */
  demoSignIn?: boolean;
  /**
   * Single sign-on: allow `http://` OpenID issuers on loopback (test and demo mode only, so the tests
   * can run a real provider on this machine); production takes https issuers only.
   */
  ssoAllowLoopbackHttp?: boolean;
  /**
   * Private settings (issue 13): webhooks and embed origins may use `http:` and private addresses
   * (`DELIVERY_ALLOW_PRIVATE_ADDRESSES`, test and demo mode only); production takes `https:` only.
   */
  allowPrivateAddresses?: boolean;
  /** Failed staff sign-ins per client (one per app when unset). */
  signInLimiter?: SignInLimiter;
  /**
   * How long the figures of a complete period are kept for the next request (60 s unless set; 0: computed
   * for every request, as `pnpm bench:backoffice` measures them).
   */
  figuresCacheMs?: number;
  /** Serve the built widget at `/widget/` from this folder (in every mode). */
  widgetDir?: string;
  /** Serve the built console at `/console/` from this folder (in every mode). */
  consoleDir?: string;
  /** Serve the demo site at `/demo/` from these folders; set in demo mode only. */
  demoSite?: DemoSiteDirs;
}

/** Hono environment shared by every route: a per-request child logger and request id. */
export interface AppEnv {
  Variables: {
    requestId: string;
    log: RequestLog;
    /** The signed-in staff member (staff routes, once `http/staff-access.ts` found a session). */
    signedIn?: SignedIn;
    /** The tenant of a tenant-scoped staff route, once its access rule let the request through. */
    staffTenant?: StaffTenant;
  };
}

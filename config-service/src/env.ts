import { z } from 'zod';
import { ReceiptKeys } from './follow-up/receipt-keys.ts';
import { privateRanges, TrustedProxies } from './http/client-address.ts';
import { KeyRing } from './secrets/key-ring.ts';
import { ServerSecret } from './secrets/server-secret.ts';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every setting the service reads from the environment, parsed once. Nothing else reads `process.env`. */
export const envSchema = z
  .object({
    /**
     * `production` (the default of the service itself): refuses to start without its secrets, serves no
     * demo site and no development mailbox, seeds nothing. `demo`: only the root `pnpm start` sets it —
     * demo tenants, the demo site, a development mailbox on loopback, secrets generated into `DATA_DIR`.
     * `test`: production in every way, except that it accepts the test-only settings below.
     */
    MELDPUNT_MODE: z.enum(['production', 'demo', 'test']).default('production'),
    PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
    /** Interface to listen on; unset listens on all. */
    HOST: z.string().optional(),
    /** `postgres://…` for a real PostgreSQL; unset: embedded PGlite in `DATA_DIR`. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'Use a postgres:// URL')
      .optional(),
    DATA_DIR: z.string().default('.data'),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    /** PostgreSQL: how long to wait for a new connection before the request fails with 503. */
    DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(2500),
    /** PostgreSQL: longest a query may take (server `statement_timeout` and client-side query timeout). */
    DB_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).default(2500),
    /**
     * The origin citizens and staff reach the service at (`https://meldpunt.example.nl`): the only
     * origin besides a tenant's embed origins that may send, and the one its own pages run on.
     * Required in production; in demo mode `http://localhost:<PORT>`.
     */
    PUBLIC_ORIGIN: z
      .url({ protocol: /^https?$/ })
      .transform((u) => new URL(u).origin)
      .optional(),
    /**
     * The key ring for reporters' contact details (AES-256-GCM): `id:base64key` entries separated by
     * commas, ids 1–255, each key base64 of 32 random bytes. Every key opens; the current one seals.
     */
    CONTACT_ENCRYPTION_KEYS: z.string().optional(),
    /** The id in `CONTACT_ENCRYPTION_KEYS` that seals new contact details; default: the highest id. */
    CONTACT_ENCRYPTION_KEY_ID: z.coerce.number().int().min(1).max(255).optional(),
    /**
     * Base64 of at least 32 random bytes, never stored in the database: the root of every keyed hash
     * (HMAC) the service stores or compares — idempotency request hashes now, client keys and receipt
     * codes later. Each purpose derives its own key from it (HKDF).
     */
    SERVER_SECRET: z.string().optional(),
    /**
     * Issue 15: the keys that hash reporters' receipt codes (HMAC-SHA256), never in the database:
     * `id:base64key` entries separated by commas, ids 1–255, each key base64 of 32 random bytes. A typed
     * code is hashed under every key; the current one hashes new codes. Unset: key 1 only, derived from
     * `SERVER_SECRET` — and key 1 stays that derived key unless listed here (README: rotation).
     */
    RECEIPT_CODE_KEYS: z.string().optional(),
    /** The id in `RECEIPT_CODE_KEYS` that hashes new codes; default: the highest id (1 without the list). */
    RECEIPT_CODE_KEY_ID: z.coerce.number().int().min(1).max(255).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /**
     * Issue 16: the address ranges of the reverse proxies and load balancers in front of the service,
     * comma-separated IPv4/IPv6 CIDR (`10.0.0.0/8,192.168.0.0/16,::1/128`; a bare address is its own
     * range). Only a connection from one of them has its `X-Forwarded-For` read; the client (for the
     * rate limits only, never stored) is the right-most address in it outside these ranges.
     */
    TRUSTED_PROXIES: z.string().optional(),
    /**
     * Issue 16, optional: how many proxies are in front of the service (the connecting one included),
     * when some have no fixed ranges (a CDN): the client is then the that-many-th `X-Forwarded-For`
     * entry from the right. Needs `TRUSTED_PROXIES` for the connecting proxy; only safe when nobody can
     * reach the proxies behind the CDN directly.
     */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).optional(),
    /**
     * Before issue 16: trust the proxy in front. Still accepted, now meaning
     * `TRUSTED_PROXIES=<loopback and private ranges>` (`http/client-address.ts`, `privateRanges`); a
     * connection from a public address is no longer believed. Not together with `TRUSTED_PROXIES`.
     */
    TRUST_PROXY: flag.default(false),
    /**
     * How long a tenant's published config is served from memory before it is re-read in the background
     * (at most twice this old). At most 7.5 s: with the config's HTTP lifetime (45 s) a publish shows
     * within a minute.
     */
    CONFIG_REFRESH_MS: z.coerce.number().int().min(0).max(7500).default(5000),
    /**
     * Outgoing mail, in nodemailer's connection-URL form (`smtp://user:pass@host:587`, `smtps://…:465`).
     * STARTTLS is required unless the query string says otherwise (`?requireTLS=false`).
     * Unset in demo mode (`pnpm start`): a development mailbox (`/dev/mail`) instead.
     */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'Use an smtp:// or smtps:// URL')
      .optional(),
    /** Sender of forwarded reports, e.g. `Meldpunt <meldpunt@gemeente.nl>`. */
    MAIL_FROM: z.string().min(3).optional(),
    /** How often `pnpm start` enforces the tenants' retention periods (erases contacts, deletes reports); 0: never (run `pnpm retention` instead). */
    RETENTION_INTERVAL_MS: z.coerce.number().int().min(0).default(3_600_000),
    /**
     * Issue 16: serve Prometheus metrics (`GET /metrics`) on this port of its own — the service and each
     * `pnpm worker`, so give each process its own port on one machine; unset: no metrics. Not the public
     * port: nothing the load balancer forwards reaches it.
     */
    METRICS_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
    /** The interface the metrics port listens on: loopback unless the scraper is on another machine. */
    METRICS_HOST: z.string().min(1).default('127.0.0.1'),
    /** Run the delivery worker inside `pnpm start` (turn off when separate `pnpm worker` processes run). */
    DELIVERY_WORKER: flag.default(true),
    /**
     * Tests only (`MELDPUNT_MODE=test` or `demo`): let webhooks use `http:` and reach loopback and
     * private addresses. Refused in production, where a webhook must be `https:` to a public address.
     */
    DELIVERY_ALLOW_PRIVATE_ADDRESSES: flag.default(false),
    /**
     * Issue 16, tests and benches only (`MELDPUNT_MODE=test` or `demo`): the proof-of-work difficulty
     * (altcha `maxNumber`) instead of the default, so tests solve in microseconds. Refused in production,
     * where the default holds and a flood raises it.
     */
    PROOF_MAX_NUMBER: z.coerce.number().int().min(1).max(10_000_000).optional(),
    /**
     * Issue 16: a tenant's intake is a flood (difficulty ×10) while its last hour is above this many
     * times its median hour of four weeks. Default 5. Throughput benches, whose one tenant takes
     * thousands of reports a minute on purpose, set it out of reach.
     */
    /**
     * Issue 16: reports one instance stores at the same time; one more is answered 503 `busy` with
     * `Retry-After: 2` at once (the widget sends it again by itself) instead of queueing for the database.
     */
    INTAKE_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(10_000).default(32),
    PROOF_FLOOD_FACTOR: z.coerce.number().int().min(2).max(1_000_000).optional(),
    /** How often an idle worker looks for due deliveries: the fallback; a report accepted in-process, or on PostgreSQL by any instance (NOTIFY), wakes it at once. */
    DELIVERY_POLL_MS: z.coerce.number().int().min(10).default(1000),
    /** Deliveries one worker sends at the same time. */
    DELIVERY_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(8),
    /** How long a claimed delivery is reserved for its worker; after that (a crashed worker) it is claimable again. */
    DELIVERY_LEASE_MS: z.coerce.number().int().min(1000).default(300_000),
    /** First retry delay after a temporary failure (exponential backoff with full jitter). */
    DELIVERY_RETRY_BASE_MS: z.coerce.number().int().min(1).default(60_000),
    /** Longest retry delay. */
    DELIVERY_RETRY_MAX_MS: z.coerce.number().int().min(1).default(3_600_000),
    /** After this long a delivery that still fails temporarily is given up (marked failed). */
    DELIVERY_GIVE_UP_MS: z.coerce
      .number()
      .int()
      .min(1)
      .default(48 * 3_600_000),
  })
  .transform((env) => ({
    ...env,
    demo: env.MELDPUNT_MODE === 'demo',
    PUBLIC_ORIGIN: env.PUBLIC_ORIGIN ?? (env.MELDPUNT_MODE === 'demo' ? `http://localhost:${env.PORT}` : ''),
  }))
  .superRefine((env, ctx) => {
    if (env.DELIVERY_RETRY_MAX_MS < env.DELIVERY_RETRY_BASE_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['DELIVERY_RETRY_MAX_MS'],
        message: 'Must be at least DELIVERY_RETRY_BASE_MS',
      });
    }
    if (env.TRUST_PROXY && env.TRUSTED_PROXIES !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['TRUST_PROXY'],
        message: 'Set TRUSTED_PROXIES or TRUST_PROXY, not both (TRUST_PROXY=true trusts loopback and private ranges)',
      });
    }
    if (env.TRUSTED_PROXY_HOPS !== undefined && env.TRUSTED_PROXIES === undefined && !env.TRUST_PROXY) {
      ctx.addIssue({
        code: 'custom',
        path: ['TRUSTED_PROXY_HOPS'],
        message: 'Needs TRUSTED_PROXIES: the connecting proxy must be trusted before any hop is read',
      });
    }
    if (env.TRUSTED_PROXIES !== undefined) {
      try {
        TrustedProxies.parse(env.TRUSTED_PROXIES);
      } catch (error) {
        ctx.addIssue({ code: 'custom', path: ['TRUSTED_PROXIES'], message: (error as Error).message });
      }
    }
    // The secrets' format, so a mistake reads like any other setting's (the messages never repeat a key).
    const check = (path: string, parse: () => unknown) => {
      try {
        parse();
      } catch (error) {
        ctx.addIssue({ code: 'custom', path: [path], message: (error as Error).message });
      }
    };
    const { CONTACT_ENCRYPTION_KEYS: keys, SERVER_SECRET: secret } = env;
    if (keys) check('CONTACT_ENCRYPTION_KEYS', () => KeyRing.parse(keys, env.CONTACT_ENCRYPTION_KEY_ID));
    if (secret) check('SERVER_SECRET', () => ServerSecret.fromBase64(secret));
    const receiptKeys = env.RECEIPT_CODE_KEYS;
    if (receiptKeys !== undefined || env.RECEIPT_CODE_KEY_ID !== undefined) {
      // Key 1 is derived from the server secret (any will do to check the list's form and ids).
      const anySecret = { deriveKey: () => Buffer.alloc(32) };
      check(receiptKeys !== undefined ? 'RECEIPT_CODE_KEYS' : 'RECEIPT_CODE_KEY_ID', () =>
        ReceiptKeys.fromEnv(receiptKeys, env.RECEIPT_CODE_KEY_ID, anySecret),
      );
    }
  });

export type Env = z.output<typeof envSchema>;

/** The proxies whose `X-Forwarded-For` the service believes: `TRUSTED_PROXIES`, or `TRUST_PROXY`'s private ranges. */
export function trustedProxiesOf(
  env: Pick<Env, 'TRUSTED_PROXIES' | 'TRUSTED_PROXY_HOPS' | 'TRUST_PROXY'>,
): TrustedProxies {
  if (env.TRUSTED_PROXIES !== undefined) return TrustedProxies.parse(env.TRUSTED_PROXIES, env.TRUSTED_PROXY_HOPS);
  if (env.TRUST_PROXY) return new TrustedProxies({ ranges: privateRanges, hops: env.TRUSTED_PROXY_HOPS });
  return TrustedProxies.none();
}

/**
 * What a process needs beyond valid settings: `service` (the HTTP server, which may run the worker),
 * `worker` (a `pnpm worker`), `cli` (commands that only read or change the database).
 */
export type EnvPurpose = 'service' | 'worker' | 'cli';

/**
 * An origin browsers treat as secure, so passkeys (WebAuthn) and `Secure` cookies work there: https, or
 * plain http on the loopback host names only (a service reachable from this machine alone, as the
 * service's own tests run it). Empty (unset) counts as secure here: "Required" says what is wrong.
 */
export function isSecureOrigin(origin: string): boolean {
  if (!origin) return true;
  const url = new URL(origin);
  return url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** Outside demo mode, the service and workers refuse to start without their secrets. */
function requireSecrets(env: Env, purpose: EnvPurpose): { path: string; message: string }[] {
  const missing: { path: string; message: string }[] = [];
  if (env.demo || purpose === 'cli') return missing;
  const needed =
    purpose === 'service'
      ? (['CONTACT_ENCRYPTION_KEYS', 'SERVER_SECRET', 'PUBLIC_ORIGIN'] as const)
      : // A worker's follow-up notices link to the hosted page and the console (issue 15).
        (['CONTACT_ENCRYPTION_KEYS', 'PUBLIC_ORIGIN'] as const);
  for (const key of needed) if (!env[key]) missing.push({ path: key, message: 'Required in production' });
  if (purpose === 'service' && env.MELDPUNT_MODE === 'production' && !isSecureOrigin(env.PUBLIC_ORIGIN)) {
    missing.push({
      path: 'PUBLIC_ORIGIN',
      message: 'Must be https in production: passkeys and the session cookie need a secure origin',
    });
  }
  if (env.MELDPUNT_MODE === 'production' && env.DELIVERY_ALLOW_PRIVATE_ADDRESSES) {
    missing.push({
      path: 'DELIVERY_ALLOW_PRIVATE_ADDRESSES',
      message: 'Not allowed in production: webhooks go to public https addresses only',
    });
  }
  if (env.MELDPUNT_MODE === 'production' && env.PROOF_MAX_NUMBER !== undefined) {
    missing.push({
      path: 'PROOF_MAX_NUMBER',
      message: 'Not allowed in production: the proof-of-work difficulty is for tests and benches to lower',
    });
  }
  if (purpose === 'worker' || env.DELIVERY_WORKER) {
    for (const key of ['SMTP_URL', 'MAIL_FROM'] as const) {
      if (!env[key]) {
        missing.push({
          path: key,
          message:
            purpose === 'worker'
              ? 'Required in production for the delivery worker'
              : 'Required in production for the delivery worker (or set DELIVERY_WORKER=false and run `pnpm worker`)',
        });
      }
    }
  }
  return missing;
}

/** Parses the environment or throws with a readable list of what is wrong. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env, purpose: EnvPurpose = 'cli'): Env {
  const result = envSchema.safeParse(source);
  const problems = result.success
    ? requireSecrets(result.data, purpose)
    : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  if (!result.success || problems.length > 0) {
    throw new Error(`Invalid environment:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  }
  return result.data;
}

/** `loadEnv` for an entry point: a wrong environment prints what is wrong (no stack trace) and exits 1. */
export function loadEnvOrExit(purpose: EnvPurpose): Env {
  try {
    return loadEnv(process.env, purpose);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every setting the service reads from the environment, parsed once. Nothing else reads `process.env`. */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
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
    /** Base64 of 32 random bytes: the AES-256-GCM key for reporters' contact details. */
    CONTACT_ENCRYPTION_KEY: z.string().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Behind a reverse proxy: take the client address (for rate limiting only) from `X-Forwarded-For`. */
    TRUST_PROXY: flag.default(false),
    /** How long a tenant's published config is served from memory before it is re-read in the background. */
    CONFIG_REFRESH_MS: z.coerce.number().int().min(0).default(5000),
    /** Seed the demo tenants on start (default: everywhere but production). */
    SEED_DEMO: flag.optional(),
    /**
     * Outgoing mail, in nodemailer's connection-URL form (`smtp://user:pass@host:587`, `smtps://…:465`).
     * STARTTLS is required unless the query string says otherwise (`?requireTLS=false`).
     * Unset outside production: `pnpm start` runs a development mailbox (`/dev/mail`).
     */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'Use an smtp:// or smtps:// URL')
      .optional(),
    /** Sender of forwarded reports, e.g. `Meldpunt <meldpunt@gemeente.nl>`. */
    MAIL_FROM: z.string().min(3).optional(),
    /** How often `pnpm start` enforces the tenants' retention periods (erases contacts, deletes reports); 0: never (run `pnpm retention` instead). */
    RETENTION_INTERVAL_MS: z.coerce.number().int().min(0).default(3_600_000),
    /** Run the delivery worker inside `pnpm start` (turn off when separate `pnpm worker` processes run). */
    DELIVERY_WORKER: flag.default(true),
    /** How often an idle worker looks for due deliveries (a report accepted in-process wakes it at once). */
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
  .transform((env) => ({ ...env, SEED_DEMO: env.SEED_DEMO ?? env.NODE_ENV !== 'production' }))
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.CONTACT_ENCRYPTION_KEY) {
      ctx.addIssue({ code: 'custom', path: ['CONTACT_ENCRYPTION_KEY'], message: 'Required in production' });
    }
    if (env.NODE_ENV === 'production' && env.DELIVERY_WORKER) {
      for (const key of ['SMTP_URL', 'MAIL_FROM'] as const) {
        if (!env[key]) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: 'Required in production for the delivery worker (or set DELIVERY_WORKER=false)',
          });
        }
      }
    }
    if (env.DELIVERY_RETRY_MAX_MS < env.DELIVERY_RETRY_BASE_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['DELIVERY_RETRY_MAX_MS'],
        message: 'Must be at least DELIVERY_RETRY_BASE_MS',
      });
    }
  });

export type Env = z.output<typeof envSchema>;

/** Parses the environment or exits with a readable list of what is wrong. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}

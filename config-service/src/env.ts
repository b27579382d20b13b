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
  })
  .transform((env) => ({ ...env, SEED_DEMO: env.SEED_DEMO ?? env.NODE_ENV !== 'production' }))
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.CONTACT_ENCRYPTION_KEY) {
      ctx.addIssue({ code: 'custom', path: ['CONTACT_ENCRYPTION_KEY'], message: 'Required in production' });
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

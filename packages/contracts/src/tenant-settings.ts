/**
 * A tenant's **private** settings: who may send, how fast, where its reports go and how they are
 * delivered. Never sent to a browser; the public side is `tenant-config.ts`.
 */
import { z } from 'zod';
import { minimumCountCeiling, minimumCountFloor } from './backoffice-values.ts';
import { supportedLocales } from './limits.ts';
import { text } from './text.ts';

/** Languages the forwarded e-mail to a municipality can be written in: every supported one (texts in `@meldpunt/texts`). */
export const mailLocales = supportedLocales;
export type MailLocale = (typeof mailLocales)[number];

/**
 * The tenant's **private** settings: never sent to a browser, never part of the public config.
 */
export const tenantSettingsSchema = z.strictObject({
  /** Origins (scheme://host[:port]) whose pages may send reports; browsers from other origins get 403. */
  allowedOrigins: z
    .array(
      text().regex(/^https?:\/\/[a-z0-9.-]+(?::\d{1,5})?$/i, 'Use an origin like https://www.dordrecht.nl (no path)'),
    )
    .max(50)
    .default([]),
  rateLimit: z
    .strictObject({
      /** Reports one client may send per window. */
      reports: z.number().int().min(1).max(100_000),
      windowSeconds: z.number().int().min(1).max(86_400),
    })
    .default({ reports: 10, windowSeconds: 3600 }),
  /** Where reports go whose point lies in another municipality than this tenant's. */
  routing: z
    .strictObject({
      /** Keep them here instead of routing them to the tenant of that municipality (or the national one). */
      keepReportsElsewhere: z.boolean().default(false),
    })
    .default({ keepReportsElsewhere: false }),
  delivery: z
    .strictObject({
      email: z
        .array(
          z.strictObject({
            address: text(z.email()).max(254),
            /** ASCII-armoured OpenPGP public key: mail to this recipient is PGP/MIME-encrypted. */
            pgpPublicKey: text().max(20_000).optional(),
          }),
        )
        .max(20)
        .default([]),
      webhook: z
        .strictObject({
          url: text(z.url({ protocol: /^https?$/ })),
          /** Standard Webhooks secret, `whsec_` + base64. */
          secret: text().regex(/^whsec_[A-Za-z0-9+/=]{24,}$/),
        })
        .optional(),
      /** How the forwarded e-mail reads: its language (Dutch unless set) and an opening line of the tenant's own. */
      mail: z
        .strictObject({
          locale: z.enum(mailLocales).optional(),
          intro: text().trim().min(1).max(2000).optional(),
        })
        .optional(),
    })
    .default({ email: [] }),
  /**
   * Issue 14: the figures. `minimumCount`: counts below it are shown as "< n" (never below 3; 5 unless
   * set), in every figure, export and council report of the tenant.
   */
  figures: z
    .strictObject({
      minimumCount: z.number().int().min(minimumCountFloor).max(minimumCountCeiling),
    })
    .optional(),
});
export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

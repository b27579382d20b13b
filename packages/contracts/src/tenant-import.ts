/**
 * The document an operator imports with `pnpm tenant:import`: a tenant's public config and private
 * settings together, with the rules that need both.
 */
import { z } from 'zod';
import { tenantConfigSchema } from './tenant-config.ts';
import { tenantSettingsSchema } from './tenant-settings.ts';

/** The file `pnpm tenant:import` reads: a tenant's public config and private settings. */
export const tenantImportSchema = z
  .strictObject({
    /** Demo tenants are marked as such and may be reset freely. */
    demo: z.boolean().default(false),
    config: tenantConfigSchema,
    settings: tenantSettingsSchema,
  })
  .superRefine((doc, ctx) => {
    // Nobody receives the reports of a tenant without a channel, so it may not promise follow-up.
    const { email, webhook } = doc.settings.delivery;
    if (email.length === 0 && !webhook && doc.config.followUp.mode !== 'none') {
      ctx.addIssue({
        code: 'custom',
        path: ['config', 'followUp', 'mode'],
        message: 'A tenant without an e-mail recipient or webhook must have follow-up mode "none"',
      });
    }
  });
export type TenantImport = z.infer<typeof tenantImportSchema>;
export type TenantImportInput = z.input<typeof tenantImportSchema>;

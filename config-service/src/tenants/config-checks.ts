/**
 * What a tenant's config must pass: to be saved as a draft, and to be published — by the console and
 * by `pnpm tenant:import` alike.
 *
 * - Saving a draft: `tenantConfigSchema`, the schema the service publishes with, except that a
 *   required text may still be missing in the default language (a person is still writing it).
 * - Publishing: all of `tenantConfigSchema`, every required text in the default language
 *   (`textCompleteness`) and the branding's contrast (`brandingContrastChecks`).
 */
import {
  brandingContrastChecks,
  fieldErrorsFrom,
  isMissingDefaultText,
  tenantConfigObjectSchema,
  tenantConfigSchema,
  textCompleteness,
  type FieldError,
  type TenantConfig,
} from '@meldpunt/contracts';
import { DomainError } from '../errors/domain-error.ts';

/** The config of a draft save, as it will be stored (defaults filled in), or a refusal with field errors. */
export function draftConfigOf(input: unknown): TenantConfig {
  const result = tenantConfigSchema.safeParse(input);
  if (result.success) return jsonRoundTrip(result.data);
  const blocking = result.error.issues.filter((issue) => !isMissingDefaultText(issue));
  if (blocking.length > 0) {
    throw new DomainError(
      { code: 'invalid-fields', errors: fieldErrorsFrom({ issues: blocking }) },
      'the draft has invalid fields',
    );
  }
  // Only texts missing in the default language: structurally valid, so the object schema parses it.
  return jsonRoundTrip(tenantConfigObjectSchema.parse(input));
}

const contrastSubjects = {
  'text-on-primary': 'text on the primary colour (buttons)',
  text: 'text on the background',
  primary: 'the primary colour against the background',
  accent: 'the accent colour against the background',
} as const;

/** Why `config` may not be published, per field (JSON Pointer); empty when it may. */
export function publishBlockers(config: TenantConfig): FieldError[] {
  const errors: FieldError[] = [];
  const result = tenantConfigSchema.safeParse(config);
  if (!result.success) {
    errors.push(...fieldErrorsFrom({ issues: result.error.issues.filter((issue) => !isMissingDefaultText(issue)) }));
  }
  for (const missing of textCompleteness(config).missingRequired) {
    errors.push({ path: missing.path, message: `A text in the default language (${missing.locale}) is required` });
  }
  for (const check of brandingContrastChecks(config.branding)) {
    if (check.passes) continue;
    errors.push({
      path: check.path,
      message: `Contrast of ${contrastSubjects[check.id]} is ${check.ratio}:1 (${check.foreground} on ${check.background}); at least ${check.minimum}:1 is needed`,
    });
  }
  return errors;
}

/** Refuses a config that may not be published (`not-publishable`, with every reason). */
export function assertPublishable(config: TenantConfig): void {
  const errors = publishBlockers(config);
  if (errors.length > 0) throw new DomainError({ code: 'not-publishable', errors }, 'the config may not be published');
}

export function jsonRoundTrip<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

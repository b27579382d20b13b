import { fieldErrorsFrom } from '@meldpunt/contracts';
import { problems } from './problem.ts';

/** `zValidator` hook: a failed validation throws a 422 problem with per-field errors. */
export function validationHook(
  result:
    | { success: true }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } },
): void {
  if (!result.success) throw problems.validation(fieldErrorsFrom(result.error));
}

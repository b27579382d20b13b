import { z } from 'zod';
import { printable, text } from './text.ts';

/** One field-level error: `path` is a JSON Pointer (RFC 6901) into the request body, e.g. `/location/lat`. */
export const fieldErrorSchema = z.object({
  path: text(),
  message: text(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** RFC 9457 problem details, the body of every error the API returns. */
export const problemSchema = z.object({
  type: text().describe('URI identifying the problem type'),
  title: text(),
  status: z.number().int().min(400).max(599),
  detail: text().optional(),
  instance: text().optional(),
  /** Per-field errors for 422 answers. */
  errors: z.array(fieldErrorSchema).optional(),
  /** Quote this when contacting support; it is in the service's logs. */
  correlationId: text().optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export const problemContentType = 'application/problem+json';

/**
 * Turns a zod error path into a JSON Pointer. A key holding characters no text may hold (a control
 * character, an unpaired surrogate) shows them as U+FFFD: such a key is never one of our fields.
 */
export function toJsonPointer(path: readonly PropertyKey[]): string {
  return path.map((part) => '/' + printable(String(part)).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}

/**
 * Field errors from a zod error, one per issue, in a shape the widget can put next to its fields.
 * Messages that quote the input (zod's "Unrecognized key: …") quote it printable, so every problem
 * answer itself passes `problemSchema`.
 */
export function fieldErrorsFrom(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): FieldError[] {
  return error.issues.map((issue) => ({ path: toJsonPointer(issue.path), message: printable(issue.message) }));
}

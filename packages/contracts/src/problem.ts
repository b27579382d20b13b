import { z } from 'zod';

/** One field-level error: `path` is a JSON Pointer (RFC 6901) into the request body, e.g. `/location/lat`. */
export const fieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** RFC 9457 problem details, the body of every error the API returns. */
export const problemSchema = z.object({
  type: z.string().describe('URI identifying the problem type'),
  title: z.string(),
  status: z.number().int().min(400).max(599),
  detail: z.string().optional(),
  instance: z.string().optional(),
  /** Per-field errors for 422 answers. */
  errors: z.array(fieldErrorSchema).optional(),
  /** Quote this when contacting support; it is in the service's logs. */
  correlationId: z.string().optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export const problemContentType = 'application/problem+json';

/** Turns a zod error path into a JSON Pointer. */
export function toJsonPointer(path: readonly PropertyKey[]): string {
  return path.map((part) => '/' + String(part).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}

/** Field errors from a zod error, one per issue, in a shape the widget can put next to its fields. */
export function fieldErrorsFrom(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): FieldError[] {
  return error.issues.map((issue) => ({ path: toJsonPointer(issue.path), message: issue.message }));
}

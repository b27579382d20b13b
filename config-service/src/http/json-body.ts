import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { ProblemError } from './problem.ts';

/**
 * The checks every public JSON intake makes before it reads a body (report intake, the follow-up of
 * issue 15): its size and its media type, each refused with its own problem+json.
 */

/** 415 unless the body is declared as JSON; `what` names it (`the report`, `the reply`). */
export function requireJson(what: string) {
  return createMiddleware(async (c, next) => {
    const mediaType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'application/json') {
      throw new ProblemError(415, 'unsupported-media-type', `Send ${what} as JSON`, {
        detail: 'Use Content-Type: application/json.',
      });
    }
    await next();
  });
}

/** 413 for a body over `maxBytes` (counted as it streams in, whatever Content-Length says). */
export function limitBody(maxBytes: number, what: string) {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      const capitalised = `${what.charAt(0).toUpperCase()}${what.slice(1)}`;
      throw new ProblemError(413, 'payload-too-large', `${capitalised} is too large`, {
        detail: `${capitalised} may be at most ${maxBytes / 1024} KB.`,
      });
    },
  });
}

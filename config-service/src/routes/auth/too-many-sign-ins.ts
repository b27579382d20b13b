import { ProblemError } from '../../http/problem.ts';

/** The answer while a client waits out its failed sign-ins (`SignInLimiter`), whichever way in. */
export const tooManySignIns = (retryAfter: number) =>
  new ProblemError(429, 'too-many-sign-ins', 'Too many failed sign-ins from this connection', {
    detail: `Try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
    headers: { 'Retry-After': String(retryAfter) },
  });

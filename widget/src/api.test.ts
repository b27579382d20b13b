import { expect } from '@open-wc/testing';
import { ApiError, apiRequest, type ApiRequest } from './api.ts';

const problemHeaders = { 'content-type': 'application/problem+json' };

/** Runs `apiRequest` against a `window.fetch` that answers with `answer`; returns what it rejected with. */
async function failureOf(
  answer: (init: RequestInit | undefined) => Promise<Response>,
  request: Partial<ApiRequest> = {},
): Promise<unknown> {
  const original = window.fetch;
  window.fetch = (_input, init) => answer(init);
  try {
    await apiRequest({ base: 'https://api.test', tenant: 't', resource: 'reports', body: {}, ...request });
  } catch (error) {
    return error;
  } finally {
    window.fetch = original;
  }
  throw new Error('apiRequest did not reject');
}

/** A request no one answers: it rejects, as `fetch` does, only when its signal aborts. */
const never = (init: RequestInit | undefined) =>
  new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));

describe('API client', () => {
  it('a request without an answer fails as a timeout after its deadline, and is aborted', async () => {
    let signal: AbortSignal | null | undefined;
    const error = await failureOf(
      (init) => {
        signal = init?.signal;
        return never(init);
      },
      { timeoutMs: 50 },
    );
    expect(error).to.be.instanceOf(ApiError);
    expect((error as ApiError).kind).to.equal('timeout');
    expect(signal?.aborted, 'the request is aborted').to.equal(true);
  });

  it('the caller’s abort rejects with its own reason, not as a failure of the API', async () => {
    const caller = new AbortController();
    const reason = new DOMException('a newer question', 'AbortError');
    const error = failureOf(never, { signal: caller.signal });
    caller.abort(reason);
    expect(await error).to.equal(reason);
  });

  it('maps each answer to a typed error: network, validation, rate limit, origin refused, not found, server', async () => {
    const problem =
      (status: number, body: object, headers: Record<string, string> = {}) =>
      async () =>
        Response.json(body, { status, headers: { ...problemHeaders, ...headers } });

    const network = (await failureOf(() => Promise.reject(new TypeError('Failed to fetch')))) as ApiError;
    expect(network.kind).to.equal('network');

    const fieldErrors = [{ path: '/categories/0', message: 'not offered' }];
    const invalid = (await failureOf(
      problem(422, { type: 'https://meldpunt.dev/problems/validation', title: 'x', status: 422, errors: fieldErrors }),
    )) as ApiError;
    expect(invalid).to.include({ kind: 'validation', status: 422, type: 'https://meldpunt.dev/problems/validation' });
    expect(invalid.errors).to.deep.equal(fieldErrors);

    const limited = (await failureOf(problem(429, { type: 'x', status: 429 }, { 'retry-after': '120' }))) as ApiError;
    expect(limited).to.include({ kind: 'rate-limit', retryAfterSeconds: 120 });

    const refused = (await failureOf(
      problem(403, { type: 'https://meldpunt.dev/problems/origin-not-allowed', title: 'x', status: 403 }),
    )) as ApiError;
    expect(refused.kind).to.equal('origin-refused');

    const missing = (await failureOf(problem(404, { type: 'x', status: 404 }))) as ApiError;
    expect(missing.kind).to.equal('not-found');

    const broken = (await failureOf(
      problem(500, { type: 'https://meldpunt.dev/problems/internal', status: 500, correlationId: 'req-7' }),
    )) as ApiError;
    expect(broken).to.include({ kind: 'server', status: 500, correlationId: 'req-7' });

    // Not problem+json at all (a proxy's HTML page): still a server error, nothing read from it.
    const proxy = (await failureOf(async () => new Response('<h1>Bad gateway</h1>', { status: 502 }))) as ApiError;
    expect(proxy).to.include({ kind: 'server', status: 502 });
    expect(proxy.errors).to.deep.equal([]);
  });
});

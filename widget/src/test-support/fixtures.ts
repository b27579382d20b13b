/** Test support: the test tenant's config and a fake API (window.fetch) for browser tests of the widget. */
import type { AreaOutline, ReportCreated, RoutePreview, TenantConfig } from '@meldpunt/contracts';
import { createChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/sha';

/** The one test tenant's complete config, with overrides: `testConfig({ locales: ['nl'] })`. */
export { testTenantConfig as testConfig } from '@meldpunt/test-support/tenant';

/** An answer of the fake API; `'hang'`: none at all, until the request is aborted (as by its deadline). */
type Answer = Response | 'network-error' | 'hang';

export interface FakeApi {
  /** Bodies and headers of every report POST. */
  posts: { body: unknown; idempotencyKey: string | null; proof: string | null }[];
  /** How many proof-of-work challenges were fetched (issue 16). */
  challenges: number;
  /** Answers for the next report POSTs, in order; afterwards 201. */
  answers: Answer[];
  /** Merged into the 201 of a report POST (e.g. `routedTo` of a routed report). */
  created: Partial<ReportCreated>;
  /** Every route preview request (`GET …/route?lat=&lng=&at=`). */
  routeRequests: URL[];
  /** How many route preview requests have been given their answer (`route`'s promise settled). */
  routesAnswered: number;
  /** Answers a route preview; by default: this tenant, municipality unknown. */
  route: (point: { lat: number; lng: number }) => Answer | Promise<Answer>;
  restore(): void;
}

/** A route preview answer. */
export function routeAnswer(
  routedTo: RoutePreview['routedTo'],
  followUp: RoutePreview['followUp'] = routedTo.participating ? 'active' : 'none',
): Response {
  return Response.json({ routedTo, followUp } satisfies RoutePreview);
}

/** The route preview's 422 for a point outside the Netherlands. */
export function outsideAnswer(): Response {
  return Response.json(
    {
      type: 'https://meldpunt.dev/problems/outside-netherlands',
      title: 'This place is not in the Netherlands',
      status: 422,
      errors: [{ path: '/location', message: 'Choose a place in the Netherlands' }],
    },
    { status: 422, headers: { 'content-type': 'application/problem+json' } },
  );
}

/**
 * Replaces `window.fetch` for `api.test`: config GET answers the given config (and `area`), report POST
 * answers 201, route preview GET answers `api.route(point)`.
 */
export function fakeApi(config: TenantConfig, area?: AreaOutline): FakeApi {
  const original = window.fetch;
  const api: FakeApi = {
    posts: [],
    challenges: 0,
    answers: [],
    created: {},
    routeRequests: [],
    routesAnswered: 0,
    route: () => routeAnswer({ slug: config.slug, name: config.name, municipality: null, participating: true }),
    restore: () => {
      window.fetch = original;
    },
  };
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (url.host !== 'api.test') return original(input, init);
    if (url.pathname.endsWith('/config')) {
      return Response.json({ version: 1, config, ...(area ? { area } : {}) });
    }
    if (url.pathname.endsWith('/route')) {
      api.routeRequests.push(url);
      let answer: Answer;
      try {
        answer = await api.route({
          lat: Number(url.searchParams.get('lat')),
          lng: Number(url.searchParams.get('lng')),
        });
      } finally {
        api.routesAnswered++;
      }
      init?.signal?.throwIfAborted();
      if (answer === 'network-error') throw new TypeError('Failed to fetch');
      if (answer === 'hang') return hang(init?.signal);
      return answer;
    }
    if (url.pathname.endsWith('/challenge')) {
      api.challenges++;
      return Response.json(await testChallenge());
    }
    if (url.pathname.endsWith('/reports') && init?.method === 'POST') {
      const headers = new Headers(init.headers);
      api.posts.push({
        body: JSON.parse(String(init.body)),
        idempotencyKey: headers.get('idempotency-key'),
        proof: headers.get('meldpunt-proof'),
      });
      const next = api.answers.shift();
      if (next === 'network-error') throw new TypeError('Failed to fetch');
      if (next === 'hang') return hang(init.signal);
      if (next) return next;
      const created: ReportCreated = {
        id: '6f1c2f3e-1a2b-4c5d-8e9f-0a1b2c3d4e5f',
        reference: 'K7QM-4XTP',
        tenant: config.slug,
        routedTo: { slug: config.slug, name: config.name, municipality: null, participating: true },
        followUp: config.followUp.mode,
        response: { title: config.followUp.response.title.nl ?? '', body: config.followUp.response.body.nl ?? '' },
        ...api.created,
      };
      return Response.json(created, { status: 201 });
    }
    return new Response('not found', { status: 404 });
  };
  return api;
}

/** A request that is never answered: rejects, as `fetch` does, only when its signal aborts (never without one). */
function hang(signal: AbortSignal | null | undefined): Promise<never> {
  return new Promise((_, reject) => {
    signal?.throwIfAborted();
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/**
 * Issue 16: a proof-of-work challenge as the service makes one, at the lowest difficulty (the fake checks
 * no proof; the service's own tests do), expiring in five minutes.
 */
export function testChallenge(): Promise<Challenge> {
  return createChallenge({
    algorithm: 'SHA-256',
    cost: 1,
    counter: 1,
    deriveKey,
    expiresAt: Math.floor(Date.now() / 1000) + 300,
    hmacSignatureSecret: 'fake api',
  });
}

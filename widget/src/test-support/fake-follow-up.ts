/**
 * Test support: the follow-up routes of the service (contracts' `follow-up.ts`) as a fake behind
 * `window.fetch`, on top of `fakeApi` (install it after that one): one report with its receipt code, a token
 * that changes with every answer, the thread, the contact details, withdrawal and feedback — every request
 * recorded as the service would see it.
 */
import type { FollowUpMessage, FollowUpView, ReporterStatus } from '@meldpunt/contracts';
import { normaliseReceiptCode } from '@meldpunt/contracts/receipt-code';

export interface FollowUpRequest {
  path: string;
  body: unknown;
  authorization: string | null;
}

export interface FakeFollowUp {
  /** The report's receipt code, as shown. */
  code: string;
  status: ReporterStatus;
  messages: FollowUpMessage[];
  hasContact: boolean;
  feedbackGiven: FollowUpView['feedbackGiven'];
  withdrawn: boolean;
  /** The token the next call must carry (`Bearer …`); each answer issues a new one. */
  token?: string;
  /** The `feedbackToken` of the report's 201, for `…/reports/:id/feedback`. */
  feedbackToken: string;
  /** Every follow-up and feedback request, in order. */
  requests: FollowUpRequest[];
  /** Answers for the next requests, in order, before the fake's own. */
  answers: Response[];
  restore(): void;
}

const problem = (status: number, type: string, headers: Record<string, string> = {}) =>
  Response.json(
    { type: `https://meldpunt.dev/problems/${type}`, title: type, status },
    { status, headers: { 'content-type': 'application/problem+json', ...headers } },
  );

export function fakeFollowUp(init: Partial<FakeFollowUp> = {}): FakeFollowUp {
  const previous = window.fetch;
  let tokens = 0;
  const fake: FakeFollowUp = {
    code: '7KQM-4XTP-9B2C-H0RD',
    status: 'waiting',
    messages: [
      {
        id: '0b5a3c1e-0000-4000-8000-000000000001',
        from: 'municipality',
        body: 'Dank je voor je melding. Weet je nog hoe laat het ongeveer was?',
        at: '2026-12-01T10:00:00+01:00',
      },
    ],
    hasContact: true,
    feedbackGiven: [],
    withdrawn: false,
    feedbackToken: 'feedback-token-1',
    requests: [],
    answers: [],
    restore: () => {
      window.fetch = previous;
    },
    ...init,
  };
  const view = (): Response => {
    fake.token = `token-${++tokens}`;
    const body: FollowUpView = {
      reference: 'K7QM-4XTP',
      receiver: { slug: 'dordrecht', name: 'Gemeente Dordrecht' },
      locale: 'nl',
      receivedAt: '2026-11-30T21:15:00+01:00',
      status: fake.status,
      canReply: fake.status !== 'closed',
      messages: fake.messages,
      hasContact: fake.hasContact,
      feedbackGiven: fake.feedbackGiven,
      token: fake.token,
      tokenExpiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    };
    return Response.json(body);
  };
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const path = url.pathname;
    if (!/\/follow-up(\/|$)|\/reports\/[^/]+\/feedback$/.test(path)) return previous(input, init);
    const authorization = new Headers(init?.headers).get('authorization');
    const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : undefined;
    fake.requests.push({ path, body, authorization });
    const next = fake.answers.shift();
    if (next) return next;
    if (/\/reports\/[^/]+\/feedback$/.test(path)) {
      return authorization === `Bearer ${fake.feedbackToken}`
        ? new Response(null, { status: 204 })
        : problem(401, 'feedback-token-invalid');
    }
    if (path.endsWith('/follow-up')) {
      const code = normaliseReceiptCode(String(body?.code ?? ''));
      if (fake.withdrawn || !code || code !== normaliseReceiptCode(fake.code))
        return problem(404, 'receipt-code-unknown');
      return view();
    }
    if (fake.withdrawn || !fake.token || authorization !== `Bearer ${fake.token}`) {
      return problem(401, 'follow-up-token-invalid');
    }
    if (path.endsWith('/replies')) {
      if (fake.status === 'closed') return problem(409, 'report-closed');
      fake.messages = [
        ...fake.messages,
        { id: crypto.randomUUID(), from: 'reporter', body: String(body?.body), at: new Date().toISOString() },
      ];
      if (fake.status === 'waiting') fake.status = 'looking';
      const answer = view();
      return new Response(answer.body, { status: 201, headers: answer.headers });
    }
    if (path.endsWith('/contact-erasure')) {
      fake.hasContact = false;
      return view();
    }
    if (path.endsWith('/withdrawal')) {
      fake.withdrawn = true;
      return new Response(null, { status: 204 });
    }
    if (path.endsWith('/feedback')) {
      if (fake.status !== 'closed') return problem(409, 'report-not-closed');
      fake.feedbackGiven = [...fake.feedbackGiven, 'closed'];
      return new Response(null, { status: 204 });
    }
    return new Response('not found', { status: 404 });
  };
  return fake;
}

/** Nothing of the reporter's in any browser storage: no localStorage, sessionStorage, cookie or IndexedDB. */
export async function browserStorage(): Promise<{ local: number; session: number; cookie: string; databases: number }> {
  return {
    local: localStorage.length,
    session: sessionStorage.length,
    cookie: document.cookie,
    databases: (await indexedDB.databases()).length,
  };
}

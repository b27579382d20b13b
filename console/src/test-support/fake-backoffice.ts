/**
 * Test support: the back office's reports routes (`/api/v1/backoffice/tenants/:slug/…`, issue 14) as the
 * service answers them, on top of {@link fakeConsoleApi} (install it after; `api.restore()` removes both).
 * Only the tenant's officers get anything (others: 404, as the service's rule); the inbox filters, pages by
 * a cursor and sorts newest first; `PATCH` needs `If-Match: "<revision>"` (412 otherwise) and checks the
 * workflow's moves; the contact reveal needs a reason. Issue 15: messages to the reporter (409
 * `no-follow-up-channel` without a receipt code; `waitForReply` moves the status to waiting), a withdrawn
 * report answers 410 `report-withdrawn` with `withdrawnAt`, and `GET …/withdrawals` lists them. Not
 * imported by the app.
 */
import type {
  InboxItem,
  ReportDetail,
  ReportMessage,
  ReportStatus,
  RevealedContact,
  SavedView,
  StaffRef,
  WithdrawalList,
} from '@meldpunt/contracts';
import { canMove } from '@meldpunt/contracts/backoffice-values';
import type { FakeConsoleApi } from './fake-api.ts';

export interface FakeBackoffice {
  /** Each tenant's reports, by slug. */
  reports: Record<string, ReportDetail[]>;
  /** The contact details held, by report id. */
  contacts: Record<string, RevealedContact>;
  /** Each tenant's officers and saved views, by slug. */
  officers: Record<string, StaffRef[]>;
  views: Record<string, SavedView[]>;
  /** The most reports on one inbox page. */
  pageSize: number;
  /** Every `PATCH`: its If-Match and body; every note, reveal and retry body or path. */
  patches: { ifMatch: string | null; body: Record<string, unknown> }[];
  notes: string[];
  reveals: Record<string, unknown>[];
  retries: string[];
  /** Every message body sent to a reporter (`POST …/messages`), as sent. */
  messages: Record<string, unknown>[];
  /** Each tenant's withdrawn reports, by slug: `GET …/reports/:id` of one answers 410. */
  withdrawals: Record<string, WithdrawalList['withdrawals']>;
}

const problem = (status: number, title: string, detail?: string, type = 'about:blank', more = {}) =>
  Response.json(
    { type, title, status, ...(detail ? { detail } : {}), ...more },
    { status, headers: { 'content-type': 'application/problem+json' } },
  );
const problemType = (slug: string) => `https://meldpunt.dev/problems/${slug}`;

/** A report as the service answers `GET …/reports/:id` (a new one in Dordrecht, by default). */
export function reportDetail(overrides: Partial<ReportDetail> = {}): ReportDetail {
  return {
    id: crypto.randomUUID(),
    reference: 'MP-2026-0001',
    revision: 1,
    receivedAt: '2026-12-01T21:30:00.000Z',
    occurredAt: '2026-12-01T21:05:00.000Z',
    timePrecision: 'exact',
    partOfDay: 'evening',
    role: 'victim',
    categories: [{ id: 'verbal', label: 'Naroepen' }],
    location: {
      lat: 51.8133,
      lng: 4.6697,
      text: 'Grotekerksbuurt, bij de Grote Kerk',
      source: 'map',
      accuracy: null,
      gridCell: 'E1055N4245',
    },
    description: 'Twee mannen riepen me na bij de kerk.',
    intervened: 'no',
    extra: [],
    locale: 'nl',
    via: { slug: 'dordrecht', name: 'Dordrecht' },
    receivingTenant: { slug: 'dordrecht', name: 'Dordrecht' },
    status: 'new',
    referredTo: null,
    closingReason: null,
    assignee: null,
    contact: { present: true, wantsFollowUp: true, erasesAt: '2027-06-01T21:30:00.000Z', erasedAt: null },
    deletesAt: '2028-12-01T21:30:00.000Z',
    deliveries: [],
    notes: [],
    events: [],
    demo: false,
    receiptCode: true,
    messages: [],
    feedback: [],
    ...overrides,
  };
}

/** The inbox row of a report. */
function itemOf(report: ReportDetail): InboxItem {
  return {
    id: report.id,
    reference: report.reference,
    receivedAt: report.receivedAt,
    occurredAt: report.occurredAt,
    timePrecision: report.timePrecision,
    partOfDay: report.partOfDay,
    role: report.role,
    categories: report.categories.map((c) => c.id),
    locationText: report.location?.text ?? null,
    excerpt: report.description?.slice(0, 160) ?? null,
    status: report.status,
    assignee: report.assignee,
    hasContact: report.contact.present,
    via: report.via,
    deliveryProblem: report.deliveries.some((d) => d.status === 'retrying' || d.status === 'failed'),
    demo: report.demo,
  };
}

/** Installs the back office's routes over the fake console API. */
export function fakeBackoffice(api: FakeConsoleApi, initial: Partial<FakeBackoffice> = {}): FakeBackoffice {
  const office: FakeBackoffice = {
    reports: {},
    contacts: {},
    officers: {},
    views: {},
    pageSize: 50,
    patches: [],
    notes: [],
    reveals: [],
    retries: [],
    messages: [],
    withdrawals: {},
    ...initial,
  };
  const below = window.fetch;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      location.href,
    );
    const match = /^\/api\/v1\/backoffice\/tenants\/([^/]+)\/(.+)$/.exec(url.pathname);
    if (!match) return below(input, init);
    const method = init?.method ?? 'GET';
    const path = url.pathname.slice('/api/v1'.length);
    const failure = api.failNext[`${method} ${path}`];
    if (failure) {
      api.requests.push(`${method} ${path}${url.search}`);
      api.failNext = Object.fromEntries(Object.entries(api.failNext).filter(([key]) => key !== `${method} ${path}`));
      return failure();
    }
    api.requests.push(`${method} ${path}${url.search}`);
    const me = api.me;
    if (!me) return problem(401, 'Not signed in');
    const slug = decodeURIComponent(match[1] ?? '');
    const roles = me.memberships.find((m) => m.tenant === slug)?.roles ?? [];
    if (!roles.includes('officer')) return problem(404, 'Not found');
    return route(office, { id: me.id, name: me.name }, method, slug, match[2] ?? '', url, init);
  };
  return office;
}

function route(
  office: FakeBackoffice,
  me: StaffRef,
  method: string,
  slug: string,
  rest: string,
  url: URL,
  init: RequestInit | undefined,
): Response {
  const reports = (office.reports[slug] ??= []);
  const body = () => JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
  const list = (name: string) => url.searchParams.get(name)?.split(',').filter(Boolean);
  if (rest === 'reports' && method === 'GET') {
    const [status, role, category, via] = ['status', 'role', 'category', 'via'].map(list);
    const q = url.searchParams.get('q')?.toLowerCase().split(/\s+/).filter(Boolean);
    const contact = url.searchParams.get('contact');
    const assignee = url.searchParams.get('assignee');
    const from = url.searchParams.get('from');
    const to = url.searchParams.get('to');
    if (from && !/^\d{4}-\d{2}-\d{2}$/.test(from)) {
      return Response.json(
        {
          type: 'https://meldpunt.dev/problems/validation',
          title: 'The request has invalid fields',
          status: 422,
          errors: [{ path: '/from', message: 'Use a date like 2026-11-30' }],
        },
        { status: 422, headers: { 'content-type': 'application/problem+json' } },
      );
    }
    const matching = [...reports]
      .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))
      .filter(
        (r) =>
          (!status || status.includes(r.status)) &&
          (!role || role.includes(r.role)) &&
          (!category || r.categories.some((c) => category.includes(c.id))) &&
          (!via || via.includes(r.via.slug)) &&
          (!contact || (contact === 'with') === r.contact.present) &&
          (!assignee ||
            (assignee === 'none' ? r.assignee === null : r.assignee?.id === (assignee === 'me' ? me.id : assignee))) &&
          (!from || r.receivedAt.slice(0, 10) >= from) &&
          (!to || r.receivedAt.slice(0, 10) <= to) &&
          (!q || q.every((word) => (r.description ?? '').toLowerCase().includes(word))),
      );
    const start = Number(url.searchParams.get('cursor') ?? 0);
    const page = matching.slice(start, start + office.pageSize);
    const end = start + page.length;
    return Response.json({
      reports: page.map(itemOf),
      nextCursor: end < matching.length ? String(end) : null,
    });
  }
  if (rest === 'officers' && method === 'GET') return Response.json({ officers: office.officers[slug] ?? [] });
  const views = (office.views[slug] ??= []);
  if (rest === 'views' && method === 'GET') return Response.json({ views });
  if (rest === 'views' && method === 'POST') {
    const input = body();
    const view: SavedView = {
      id: crypto.randomUUID(),
      name: String(input['name']),
      query: String(input['query']),
      createdBy: me,
      createdAt: new Date().toISOString(),
    };
    views.push(view);
    return Response.json(view, { status: 201 });
  }
  const oneView = /^views\/([^/]+)$/.exec(rest);
  if (oneView && method === 'DELETE') {
    const index = views.findIndex((v) => v.id === oneView[1]);
    if (index < 0) return problem(404, 'Not found');
    views.splice(index, 1);
    return new Response(null, { status: 204 });
  }
  const withdrawals = office.withdrawals[slug] ?? [];
  if (rest === 'withdrawals' && method === 'GET') return Response.json({ withdrawals });
  const one = /^reports\/([^/]+)(\/.+)?$/.exec(rest);
  const withdrawn = one && withdrawals.find((w) => w.reportId === decodeURIComponent(one[1] ?? ''));
  if (withdrawn) {
    return problem(410, 'The reporter withdrew this report', undefined, problemType('report-withdrawn'), {
      withdrawnAt: withdrawn.withdrawnAt,
    });
  }
  const report = one ? reports.find((r) => r.id === decodeURIComponent(one[1] ?? '')) : undefined;
  if (!one || !report) return problem(404, 'Not found');
  const index = reports.indexOf(report);
  const now = new Date().toISOString();
  const save = (changed: Partial<ReportDetail>) => {
    const saved = { ...report, ...changed };
    reports[index] = saved;
    return saved;
  };
  const sub = one[2] ?? '';
  if (sub === '' && method === 'GET') return Response.json(report, { headers: { ETag: `"${report.revision}"` } });
  if (sub === '' && method === 'PATCH') {
    const ifMatch = new Headers(init?.headers).get('if-match');
    const input = body();
    office.patches.push({ ifMatch, body: input });
    if (ifMatch !== `"${report.revision}"`) {
      return problem(412, 'Someone else changed this report in the meantime');
    }
    const status = input['status'] as ReportStatus | undefined;
    if (status && !canMove(report.status, status)) return problem(409, 'This move is not allowed');
    const events = [...report.events];
    const changed: Partial<ReportDetail> = { revision: report.revision + 1 };
    if (status) {
      Object.assign(changed, {
        status,
        referredTo: (input['referredTo'] as ReportDetail['referredTo']) ?? null,
        closingReason: (input['closingReason'] as ReportDetail['closingReason']) ?? null,
      });
      events.push({ at: now, by: me, kind: 'status-changed', status });
    }
    if (input['assigneeId'] !== undefined) {
      const officer = (office.officers[slug] ?? []).find((o) => o.id === input['assigneeId']) ?? null;
      changed.assignee = officer;
      events.push({ at: now, by: me, kind: 'assigned', assignee: officer });
    }
    changed.events = events;
    return Response.json(save(changed), { headers: { ETag: `"${changed.revision}"` } });
  }
  if (sub === '/notes' && method === 'POST') {
    const text = String(body()['body'] ?? '').trim();
    if (!text) return problem(422, 'Write a note');
    office.notes.push(text);
    const note = { id: crypto.randomUUID(), body: text, author: me, createdAt: now };
    save({
      notes: [...report.notes, note],
      events: [...report.events, { at: now, by: me, kind: 'note-added' }],
    });
    return Response.json(note, { status: 201 });
  }
  if (sub === '/contact' && method === 'POST') {
    const input = body();
    office.reveals.push(input);
    if (typeof input['reason'] !== 'string') return problem(422, 'Give a reason');
    const contact = office.contacts[report.id];
    if (!report.contact.present || !contact) return problem(410, 'The contact details are gone');
    save({
      events: [
        ...report.events,
        {
          at: now,
          by: me,
          kind: 'contact-revealed',
          revealReason: input['reason'] as never,
          ...(typeof input['remark'] === 'string' ? { remark: input['remark'] } : {}),
        },
      ],
    });
    return Response.json(contact);
  }
  if (sub === '/messages' && method === 'POST') {
    const input = body();
    office.messages.push(input);
    const text = typeof input['body'] === 'string' ? input['body'].trim() : '';
    if (!text || text.length > 4000) return problem(422, 'Write a message of at most 4000 characters');
    if (!report.receiptCode) {
      return problem(409, 'This reporter has no receipt code', undefined, problemType('no-follow-up-channel'));
    }
    const message: ReportMessage = { id: crypto.randomUUID(), from: 'municipality', author: me, body: text, at: now };
    const events: ReportDetail['events'] = [...report.events, { at: now, by: me, kind: 'message-sent' }];
    const waiting = input['waitForReply'] === true && canMove(report.status, 'waiting');
    if (waiting) events.push({ at: now, by: me, kind: 'status-changed', status: 'waiting' });
    save({
      revision: report.revision + 1,
      messages: [...report.messages, message],
      events,
      ...(waiting ? { status: 'waiting' as const } : {}),
    });
    return Response.json(message, { status: 201 });
  }
  const retry = /^\/deliveries\/([^/]+)\/retry$/.exec(sub);
  if (retry && method === 'POST') {
    office.retries.push(retry[1] ?? '');
    save({
      deliveries: report.deliveries.map((d) =>
        d.id === retry[1] ? { ...d, status: 'queued', nextAttemptAt: null, lastError: null } : d,
      ),
      events: [...report.events, { at: now, by: me, kind: 'delivery-retried' }],
    });
    return Response.json({}, { status: 202 });
  }
  return problem(404, 'Not found');
}

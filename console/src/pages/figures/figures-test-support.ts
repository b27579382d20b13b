/**
 * Test support for the figures pages' browser tests: published figures as the service answers them
 * (`GET …/figures`, `…/hot-times`, `…/hotspots`, `…/figures/feedback`, `…/feedback/comments` — officers
 * only —, `GET /backoffice/platform/figures`), served by a layer over
 * the console's fake API (`fakeConsoleApi`) so the back-office routes stay in this folder; every request it
 * answers is in the fake's `requests`. Not imported by the app.
 */
import type {
  FeedbackComments,
  FeedbackFigures,
  Figures,
  Hotspots,
  HotTimes,
  Me,
  NationalFigures,
  Period,
  PublishedCount,
} from '@meldpunt/contracts';
import type { MeldpuntConsole } from '../../meldpunt-console.ts';
import { fakeConsoleApi, person, tenant, type FakeConsoleApi } from '../../test-support/fake-api.ts';
import { waitFor } from '../../test-support/wait.ts';
import { openConsole, pageRoot } from '../admin/admin-test-support.ts';

export const n = (count: number): PublishedCount => ({ count, suppressed: null });
export const below: PublishedCount = { count: null, suppressed: 'below-minimum' };
export const hidden: PublishedCount = { count: null, suppressed: 'complementary' };

/** A month as the API names it (`2026-11-01` … `2026-12-01`). */
export function month(start: string): Period {
  const date = new Date(`${start}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + 1);
  return { kind: 'month', start, end: date.toISOString().slice(0, 10) };
}

/** The month before the one starting at `start`. */
export const monthBefore = (start: string): Period => {
  const date = new Date(`${start}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - 1);
  return month(date.toISOString().slice(0, 10));
};

/** November 2026's figures of Dordrecht: 42 reports (31 before), one category below the minimum, one hidden. */
export function figures(period = month('2026-11-01'), overrides: Partial<Figures> = {}): Figures {
  const trend = Array.from({ length: 12 }, (_, i) => {
    let p = period;
    for (let k = 0; k < 11 - i; k++) p = monthBefore(p.start);
    return { period: p, ...(i === 3 ? below : n(20 + i)) };
  });
  trend[11] = { period, ...n(42) };
  trend[10] = { period: monthBefore(period.start), ...n(31) };
  return {
    period,
    previous: monthBefore(period.start),
    minimumCount: 5,
    total: n(42),
    previousTotal: n(31),
    trend,
    byCategory: [
      { key: 'verbal', ...n(30) },
      { key: 'following', ...n(9) },
      { key: 'physical', ...below },
      { key: 'online', ...hidden },
    ],
    byRole: [
      { key: 'victim', ...n(28) },
      { key: 'bystander', ...n(14) },
      { key: 'other', ...n(0) },
    ],
    byPartOfDay: [
      { key: 'night', ...n(6) },
      { key: 'morning', ...below },
      { key: 'afternoon', ...hidden },
      { key: 'evening', ...n(22) },
    ],
    byDelay: [
      { key: 'under-1-hour', ...n(18) },
      { key: '1-to-24-hours', ...n(15) },
      { key: '1-to-7-days', ...n(6) },
      { key: 'over-7-days', ...below },
    ],
    categoryLabels: { verbal: 'Nageroepen', following: 'Achtervolgd', physical: 'Aangeraakt', online: 'Online' },
    ...overrides,
  };
}

/** The hot-times grid: Friday 22:00 holds 12, Saturday 23:00 is below the minimum, Saturday 1:00 hidden. */
export function hotTimes(period = month('2026-11-01')): HotTimes {
  return {
    period,
    minimumCount: 5,
    cells: [
      { weekday: 5, hour: 22, ...n(12) },
      { weekday: 6, hour: 23, ...below },
      { weekday: 6, hour: 1, ...hidden },
      { weekday: 3, hour: 17, ...n(6) },
    ],
    exactTotal: n(30),
    withoutExactTime: n(12),
  };
}

/** Three squares near Dordrecht's centre: 14, below the minimum, hidden. */
export function hotspots(period = month('2026-11-01'), cells?: Hotspots['cells']): Hotspots {
  return {
    period,
    minimumCount: 5,
    grid: 'rd-500m',
    cells: cells ?? [
      {
        id: 'E1050N4250',
        bounds: [
          [51.81, 4.66],
          [51.8145, 4.6673],
        ],
        ...n(14),
      },
      {
        id: 'E1055N4250',
        bounds: [
          [51.81, 4.6673],
          [51.8145, 4.6746],
        ],
        ...below,
      },
      {
        id: 'E1050N4255',
        bounds: [
          [51.8145, 4.66],
          [51.819, 4.6673],
        ],
        ...hidden,
      },
    ],
    locatedTotal: n(25),
    withoutLocation: n(17),
  };
}

/**
 * How reporting was in November 2026: after sending 24 answers averaging 4.2 (18 at 3.9 before); after
 * closing below the minimum (no average), and none at all the month before.
 */
export function feedback(period = month('2026-11-01')): FeedbackFigures {
  return {
    period,
    previous: monthBefore(period.start),
    minimumCount: 5,
    moments: [
      { moment: 'sent', current: { count: n(24), average: 4.2 }, previous: { count: n(18), average: 3.9 } },
      { moment: 'closed', current: { count: below, average: null }, previous: { count: n(0), average: null } },
    ],
  };
}

/** Two comments of November 2026, newest first. */
export function comments(period = month('2026-11-01')): FeedbackComments {
  return {
    period,
    comments: [
      {
        reportId: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
        reference: 'MP-2026-0031',
        moment: 'closed',
        rating: 5,
        comment: 'Fijn dat jullie terugschreven.',
        at: '2026-11-28T15:00:00.000Z',
      },
      {
        reportId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
        reference: 'MP-2026-0012',
        moment: 'sent',
        rating: 2,
        comment: 'De kaart was lastig.',
        at: '2026-11-03T09:00:00.000Z',
      },
    ],
  };
}

export function national(period = month('2026-11-01')): NationalFigures {
  return {
    period,
    minimumCount: 5,
    total: n(120),
    tenants: [
      { slug: 'dordrecht', name: 'Dordrecht', ...n(42) },
      { slug: 'almere', name: 'Almere', ...n(71) },
      { slug: 'zwolle', name: 'Zwolle', ...below },
      { slug: 'baarn', name: 'Baarn', ...hidden },
    ],
  };
}

/** Olaf, officer of Dordrecht; Ali, analyst; Eva, editor (no figures). */
export const officer = (): Me =>
  person({
    email: 'olaf@dordrecht.example',
    name: 'Olaf Officer',
    memberships: [{ tenant: 'dordrecht', tenantName: 'Dordrecht', roles: ['officer'] }],
  });
export const analyst = (): Me =>
  person({
    email: 'ali@dordrecht.example',
    name: 'Ali Analyst',
    memberships: [{ tenant: 'dordrecht', tenantName: 'Dordrecht', roles: ['analyst'] }],
  });
export const operator = (): Me => person({ platformAdmin: true, memberships: [] });

/** What the figures routes answer: by the `at` asked for (`''`: no `at`), per tenant slug. */
export interface FakeFigures {
  figures: (at: string, period: string) => Figures;
  hotTimes: (at: string, period: string) => HotTimes;
  hotspots: (at: string, period: string) => Hotspots;
  national: (at: string, period: string) => NationalFigures;
  feedback: (at: string, period: string) => FeedbackFigures;
  comments: (at: string, period: string) => FeedbackComments;
  /** The slugs the signed-in person may read figures of (others: 404, as the service answers). */
  readable: string[];
}

/** The console's fake API with the figures routes on top. */
export function fakeFiguresApi(me: Me, overrides: Partial<FakeFigures> = {}): FakeFiguresApi {
  const api = fakeConsoleApi({ me, tenants: [tenant({ roles: me.memberships[0]?.roles ?? [] })] });
  const figuresApi: FakeFigures = {
    figures: () => figures(),
    hotTimes: () => hotTimes(),
    hotspots: () => hotspots(),
    national: () => national(),
    feedback: () => feedback(),
    comments: () => comments(),
    readable: ['dordrecht'],
    ...overrides,
  };
  const below = window.fetch;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      location.href,
    );
    const path = url.pathname.slice('/api/v1'.length);
    const at = url.searchParams.get('at') ?? '';
    const period = url.searchParams.get('period') ?? 'month';
    if (path === '/backoffice/platform/figures') {
      api.requests.push(`GET ${path}${url.search}`);
      return api.me?.platformAdmin
        ? Response.json(figuresApi.national(at, period))
        : Response.json({ type: 'about:blank', title: 'Not found', status: 404 }, { status: 404 });
    }
    const notFound = () => Response.json({ type: 'about:blank', title: 'Not found', status: 404 }, { status: 404 });
    const commentsOf = /^\/backoffice\/tenants\/([^/]+)\/feedback\/comments$/.exec(path);
    if (commentsOf) {
      api.requests.push(`GET ${path}${url.search}`);
      const slug = decodeURIComponent(commentsOf[1] ?? '');
      const roles = api.me?.memberships.find((m) => m.tenant === slug)?.roles ?? [];
      if (!figuresApi.readable.includes(slug)) return notFound();
      if (!roles.includes('officer')) {
        return Response.json({ type: 'about:blank', title: 'Forbidden', status: 403 }, { status: 403 });
      }
      return Response.json(figuresApi.comments(at, period));
    }
    const match = /^\/backoffice\/tenants\/([^/]+)\/figures(\/hot-times|\/hotspots|\/feedback)?$/.exec(path);
    if (!match) return below(input, init);
    api.requests.push(`GET ${path}${url.search}`);
    if (!figuresApi.readable.includes(decodeURIComponent(match[1] ?? ''))) {
      return Response.json({ type: 'about:blank', title: 'Not found', status: 404 }, { status: 404 });
    }
    const answer =
      match[2] === '/hot-times'
        ? figuresApi.hotTimes(at, period)
        : match[2] === '/hotspots'
          ? figuresApi.hotspots(at, period)
          : match[2] === '/feedback'
            ? figuresApi.feedback(at, period)
            : figuresApi.figures(at, period);
    return Response.json(answer);
  };
  return Object.assign(api, { figures: figuresApi });
}

/** The console's fake API with the figures routes, as {@link fakeFiguresApi} returns it. */
export type FakeFiguresApi = FakeConsoleApi & { figures: FakeFigures };

/** A node's text, white space collapsed. */
export const text = (node: ShadowRoot | Element | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The rows of a table as [header, value] texts. */
export const rowsOf = (table: Element | null | undefined) =>
  [...(table?.querySelectorAll('tbody tr') ?? [])].map((row) => [
    text(row.querySelector('th')),
    text(row.querySelector('td')),
  ]);

/**
 * The setup of a figures page's tests; call it inside `describe`. It returns `serve`, which puts the fake API
 * with the figures routes in place for a test (and returns it); after each test the fake is gone again, and
 * the URL and the chosen language are as before.
 */
export function figuresTestSetup(): (me: Me, overrides?: Partial<FakeFigures>) => FakeFiguresApi {
  const startUrl = location.pathname + location.search;
  let api: FakeFiguresApi | undefined;
  afterEach(() => {
    api?.restore();
    api = undefined;
    history.replaceState(null, '', startUrl);
    localStorage.removeItem('meldpunt-console-language');
  });
  return (me, overrides = {}) => (api = fakeFiguresApi(me, overrides));
}

/** Opens the console at `path` and waits until the page `name` shows what `ready` looks for. */
export async function openFiguresPage(
  path: string,
  name: string,
  ready: (root: ShadowRoot) => unknown,
  what: string,
): Promise<{ el: MeldpuntConsole; root: ShadowRoot }> {
  const el = await openConsole(path);
  await waitFor(() => {
    const root = pageRoot(el, name);
    return root && ready(root);
  }, what);
  const root = pageRoot(el, name);
  if (!root) throw new Error(`The ${name} page is not shown.`);
  return { el, root };
}

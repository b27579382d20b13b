/** Test support: a complete tenant config and a fake API (window.fetch) for browser tests of the widget. */
import type { ReportCreated, TenantConfig } from '@meldpunt/contracts';

export function testConfig(overrides: Partial<TenantConfig> = {}): TenantConfig {
  return {
    slug: 'testgemeente',
    name: 'Gemeente Test',
    kind: 'municipality',
    defaultLocale: 'nl',
    locales: ['nl', 'en', 'ar'],
    branding: { primaryColor: '#00543c', logoUrl: '/logo.svg', logoAlt: { nl: 'Logo Gemeente Test' } },
    texts: { nl: { 'intro.title': 'Meld straatintimidatie in Testgemeente' } },
    categories: [{ id: 'verbal' }, { id: 'following' }, { id: 'touching' }],
    fields: {
      intervention: true,
      extra: [
        {
          id: 'age_group',
          type: 'select',
          label: { nl: 'Leeftijd', en: 'Age', ar: 'العمر' },
          options: [
            { id: '18_24', label: { nl: '18 tot 24', en: '18 to 24', ar: '18 إلى 24' } },
            { id: '25_44', label: { nl: '25 tot 44', en: '25 to 44', ar: '25 إلى 44' } },
          ],
          specialCategory: false,
        },
      ],
    },
    followUp: {
      mode: 'active',
      response: {
        title: { nl: 'Dank je wel voor je melding', en: 'Thank you for your report', ar: 'شكرًا على بلاغك' },
        body: { nl: 'We lezen elke melding.', en: 'We read every report.', ar: 'نقرأ كل بلاغ.' },
      },
    },
    referrals: [{ id: 'wijkteam', name: { nl: 'Wijkteam Test' }, phone: '14 078' }],
    privacy: {
      statement: { nl: 'Alleen het team OOV ziet je melding.' },
      retentionMonths: 24,
      contactRetentionMonths: 6,
    },
    map: {
      center: { lat: 51.8133, lng: 4.6901 },
      zoom: 13,
      bounds: [
        { lat: 51.707, lng: 4.611 },
        { lat: 51.832, lng: 4.895 },
      ],
      tileUrl: 'https://tiles.invalid/{z}/{x}/{y}.png',
      attribution: 'Kaartgegevens &copy; <a href="https://www.kadaster.nl">Kadaster</a>',
      minZoom: 11,
      maxZoom: 19,
    },
    geocoding: { baseUrl: 'https://pdok.invalid/locatieserver', filter: 'gemeentenaam:Test' },
    quickExitUrl: 'https://www.google.com/',
    ...overrides,
  };
}

export interface FakeApi {
  /** Bodies and headers of every report POST. */
  posts: { body: unknown; idempotencyKey: string | null }[];
  /** Answers for the next report POSTs, in order; afterwards 201. */
  answers: (Response | 'network-error')[];
  restore(): void;
}

/** Replaces `window.fetch` for `api.test`: config GET answers the given config, report POST answers 201. */
export function fakeApi(config: TenantConfig): FakeApi {
  const original = window.fetch;
  const api: FakeApi = {
    posts: [],
    answers: [],
    restore: () => {
      window.fetch = original;
    },
  };
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (url.host !== 'api.test') return original(input, init);
    if (url.pathname.endsWith('/config')) {
      return Response.json({ version: 1, config });
    }
    if (url.pathname.endsWith('/reports') && init?.method === 'POST') {
      const headers = new Headers(init.headers);
      api.posts.push({ body: JSON.parse(String(init.body)), idempotencyKey: headers.get('idempotency-key') });
      const next = api.answers.shift();
      if (next === 'network-error') throw new TypeError('Failed to fetch');
      if (next) return next;
      const created: ReportCreated = {
        id: '6f1c2f3e-1a2b-4c5d-8e9f-0a1b2c3d4e5f',
        reference: 'K7QM-4XTP',
        tenant: config.slug,
        followUp: config.followUp.mode,
        response: { title: config.followUp.response.title.nl ?? '', body: config.followUp.response.body.nl ?? '' },
      };
      return Response.json(created, { status: 201 });
    }
    return new Response('not found', { status: 404 });
  };
  return api;
}

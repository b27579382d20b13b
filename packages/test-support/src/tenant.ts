/**
 * The one test tenant of every suite: a small municipality offering Dutch, English and Arabic (a
 * right-to-left language), with an extra select field, a referral and a logo. The widget's browser
 * tests render its config; the service's tests import it as a document, each test under a slug of its
 * own.
 *
 * Browser-safe: this module imports only types, so web-test-runner serves it to the browser as it is.
 * The config is written out complete, every default included, so the widget tests get exactly what
 * the service would publish for it (tenant.test.ts checks this against the contracts).
 */
import type { TenantConfig, TenantImportInput } from '@meldpunt/contracts';

/** Changes to the test tenant's document: each given part replaces that part of the config or settings. */
export interface TestTenantChanges {
  config?: Partial<TenantImportInput['config']>;
  settings?: Partial<TenantImportInput['settings']>;
}

/** The test tenant's public config (slug `testgemeente` unless overridden), with `overrides`. */
export function testTenantConfig(overrides: Partial<TenantConfig> = {}): TenantConfig {
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
      // `.invalid` hosts: a browser test never reaches the internet for tiles or addresses.
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

/** The test tenant as `pnpm tenant:import` reads it, under `slug`: valid, with one e-mail recipient. */
export function testTenantDocument(slug: string, changes: TestTenantChanges = {}): TenantImportInput {
  return {
    demo: false,
    config: { ...testTenantConfig({ slug }), ...changes.config },
    settings: {
      allowedOrigins: ['https://www.testgemeente.example'],
      rateLimit: { reports: 100, windowSeconds: 3600 },
      delivery: { email: [{ address: 'oov@testgemeente.example' }] },
      ...changes.settings,
    },
  };
}

/**
 * Demo mode only: a few hundred made-up reports per demo municipality, so the back office's inbox and
 * figures show something the moment a newcomer signs in. Seeded by `server.ts` after the demo tenants
 * and staff; never outside demo mode.
 *
 * Every report is marked `demo`, lies in the last 16 weeks (well inside each tenant's retention, so the
 * retention sweep at start deletes nothing), and is drawn from a seeded random generator: the demo looks
 * the same on every machine. Places are clusters around real spots of each city (the station, the
 * centre, the nightlife street, a park); times lean to evenings and nights and to Friday and Saturday;
 * some reports carry contact details, sealed exactly as intake seals them; older ones are already being
 * handled by the tenant's demo officer (status, referral, closing reason, notes, the timeline). Issue 15:
 * a municipality that follows up has given its reporters receipt codes (demo hashes that no code
 * matches: nobody can open these threads from the widget), some threads with a question of the officer
 * and the reporter's answer, and feedback ("how was reporting for you?") with a few comments.
 * Idempotent: a tenant that already has demo reports gets none.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  closingReasons,
  referenceAlphabet,
  type ClosingReason,
  type ReferralTarget,
  type ReportContact,
  type ReportStatus,
  type TenantConfig,
} from '@meldpunt/contracts';
import type { Database, NewReport } from '../db/database.ts';
import { deliveryTargets } from '../delivery/targets.ts';
import type { ContactSealer } from '../secrets/contact-sealer.ts';
import type { PublishedTenant } from './tenant-repository.ts';

/** How many weeks back the demo reports reach (retention periods are a month and more). */
export const demoWeeks = 16;

/** A spot reports cluster around: its kind sets the hours people report there. */
interface Spot {
  /** The place in words, as a reporter or the address lookup would give it. */
  text: string;
  lat: number;
  lng: number;
  kind: 'station' | 'centre' | 'nightlife' | 'park';
  /** Relative share of the city's reports. */
  weight: number;
}

interface DemoCity {
  slug: string;
  /** Reports seeded for it. */
  count: number;
  /** The seed of its random generator (a fixed number: the same demo on every start). */
  seed: number;
  spots: Spot[];
}

/** The demo municipalities and their spots (real streets and squares; coordinates to a few metres). */
export const demoCities: readonly DemoCity[] = [
  {
    slug: 'dordrecht',
    count: 300,
    seed: 505,
    spots: [
      { text: 'Stationsplein, Dordrecht', lat: 51.8085, lng: 4.6682, kind: 'station', weight: 5 },
      { text: 'Johan de Wittstraat, Dordrecht', lat: 51.8098, lng: 4.6671, kind: 'station', weight: 2 },
      { text: 'Scheffersplein, Dordrecht', lat: 51.8131, lng: 4.6611, kind: 'nightlife', weight: 5 },
      { text: 'Grote Kerksbuurt, Dordrecht', lat: 51.8119, lng: 4.6592, kind: 'nightlife', weight: 2 },
      { text: 'Voorstraat, Dordrecht', lat: 51.8146, lng: 4.6634, kind: 'centre', weight: 4 },
      { text: 'Statenplein, Dordrecht', lat: 51.8117, lng: 4.6637, kind: 'centre', weight: 3 },
      { text: 'Sarisgang, Dordrecht', lat: 51.8124, lng: 4.6653, kind: 'centre', weight: 2 },
      { text: 'Park Merwestein, Dordrecht', lat: 51.8049, lng: 4.6755, kind: 'park', weight: 3 },
      { text: 'Weizigtpark, Dordrecht', lat: 51.8036, lng: 4.6641, kind: 'park', weight: 1 },
    ],
  },
  {
    slug: 'eindhoven',
    count: 160,
    seed: 772,
    spots: [
      { text: 'Stationsplein, Eindhoven', lat: 51.4432, lng: 5.4797, kind: 'station', weight: 4 },
      { text: 'Stratumseind, Eindhoven', lat: 51.4366, lng: 5.4825, kind: 'nightlife', weight: 6 },
      { text: 'Markt, Eindhoven', lat: 51.4379, lng: 5.4786, kind: 'nightlife', weight: 2 },
      { text: '18 Septemberplein, Eindhoven', lat: 51.4398, lng: 5.4777, kind: 'centre', weight: 3 },
      { text: 'Demer, Eindhoven', lat: 51.4389, lng: 5.4765, kind: 'centre', weight: 2 },
      { text: 'Stadswandelpark, Eindhoven', lat: 51.4283, lng: 5.4796, kind: 'park', weight: 2 },
    ],
  },
  {
    slug: 'almere',
    count: 120,
    seed: 34,
    spots: [
      { text: 'Stationsplein, Almere', lat: 52.3751, lng: 5.2178, kind: 'station', weight: 5 },
      { text: 'Grote Markt, Almere', lat: 52.3716, lng: 5.2213, kind: 'nightlife', weight: 4 },
      { text: 'Stadhuisplein, Almere', lat: 52.3706, lng: 5.2193, kind: 'centre', weight: 3 },
      { text: 'Forum, Almere', lat: 52.3731, lng: 5.2202, kind: 'centre', weight: 2 },
      { text: 'Beatrixpark, Almere', lat: 52.3664, lng: 5.2296, kind: 'park', weight: 2 },
    ],
  },
];

/** The reporting point some reports come in through instead of the municipality's own widget. */
const nationalSlug = 'nederland';

export interface DemoReportsResult {
  slug: string;
  /** `seeded`: reports added now; `present`: it had demo reports already; `missing`: no such tenant. */
  outcome: 'seeded' | 'present' | 'missing';
  count: number;
}

/** Seeds the demo reports of every demo municipality that has none yet; see the file's comment. */
export async function seedDemoReports(
  db: Kysely<Database>,
  sealer: Pick<ContactSealer, 'seal'>,
  now: Date = new Date(),
): Promise<DemoReportsResult[]> {
  const national = await publishedTenant(db, nationalSlug);
  const results: DemoReportsResult[] = [];
  for (const city of demoCities) {
    const tenant = await publishedTenant(db, city.slug);
    if (!tenant) {
      results.push({ slug: city.slug, outcome: 'missing', count: 0 });
      continue;
    }
    const count = await db.transaction().execute(async (trx) => {
      const present = await trx
        .selectFrom('report')
        .select('id')
        .where('tenant_id', '=', tenant.id)
        .where('demo', '=', true)
        .limit(1)
        .executeTakeFirst();
      if (present) return 0;
      const officer = await firstOfficer(trx, tenant.id);
      const plan = planReports(city, tenant, national, officer, now);
      if (tenant.config.followUp.mode === 'active') planFollowUp(plan, city.seed, now);
      await insertPlan(trx, plan, tenant, sealer);
      return plan.length;
    });
    results.push({ slug: city.slug, outcome: count > 0 ? 'seeded' : 'present', count });
  }
  return results;
}

async function publishedTenant(db: Kysely<Database>, slug: string): Promise<PublishedTenant | undefined> {
  return db
    .selectFrom('tenant')
    .innerJoin('tenant_config_version as v', (join) =>
      join.onRef('v.tenant_id', '=', 'tenant.id').onRef('v.version', '=', 'tenant.published_version'),
    )
    .select(['tenant.id', 'tenant.slug', 'tenant.settings', 'v.version', 'v.config'])
    .where('tenant.slug', '=', slug)
    .executeTakeFirst();
}

/** The tenant's first officer by address (the demo officer), who handles the older demo reports. */
async function firstOfficer(trx: Transaction<Database>, tenantId: string): Promise<string | null> {
  const row = await trx
    .selectFrom('membership')
    .innerJoin('staff', 'staff.id', 'membership.staff_id')
    .select('staff.id')
    .where('membership.tenant_id', '=', tenantId)
    .where('membership.role', '=', 'officer')
    .orderBy('staff.email')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

// ── The plan: every report and its handling, drawn from the seeded generator ──

interface PlannedReport {
  row: Omit<NewReport, 'contact_sealed'>;
  contact: ReportContact | null;
  events: {
    at: Date;
    kind: 'status-changed' | 'assigned' | 'note-added' | 'message-sent' | 'reporter-replied';
    details: Record<string, string | null>;
  }[];
  notes: { at: Date; body: string }[];
  officer: string | null;
  /** The deliveries' outcome: sent long ago, or failed (the detail page's "send again"). */
  delivery: 'sent' | 'failed';
  /** Issue 15: the thread with the reporter, oldest first (only with a receipt code). */
  messages?: { at: Date; sender: 'municipality' | 'reporter'; body: string }[];
  /** Issue 15: the reporter's feedback. */
  feedback?: { at: Date; moment: 'sent' | 'closed'; rating: number; comment: string | null }[];
}

/** mulberry32: a small, fast, seeded generator of numbers in [0, 1). */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('Nothing to pick from');
  return item;
}

/** One of `items`, each as likely as its weight. */
function weighted<T>(random: Random, items: readonly T[], weight: (item: T, index: number) => number): T {
  const total = items.reduce((sum, item, i) => sum + weight(item, i), 0);
  let r = random() * total;
  for (const [i, item] of items.entries()) {
    r -= weight(item, i);
    if (r < 0) return item;
  }
  return pick(() => 0.999999, items.slice(-1));
}

/** A version-4 UUID from the generator (the demo's ids are the same on every start, too). */
function uuid(random: Random): string {
  const bytes = Array.from({ length: 16 }, () => Math.floor(random() * 256));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A reference in the contracts' format (`K7QM-4XTP`). */
function reference(random: Random): string {
  let code = '';
  for (let i = 0; i < 8; i++) {
    if (i === 4) code += '-';
    code += pick(random, referenceAlphabet.split(''));
  }
  return code;
}

/** Weekday weights, Monday first: Friday and Saturday most. */
const weekdayWeights = [0.8, 0.8, 0.9, 1.1, 1.7, 1.9, 1.0];

/** Hour weights (local time, 0–23) per kind of spot: evenings and nights, the nightlife street latest. */
const hourWeights: Record<Spot['kind'], number[]> = {
  station: [3, 2, 1, 0.3, 0.2, 0.5, 1, 2.5, 2.5, 1, 1, 1, 1, 1, 1.5, 2, 3, 4, 5, 5, 5, 5, 5, 4],
  centre: [2, 1, 0.5, 0.2, 0.1, 0.1, 0.2, 0.5, 1, 1, 1.5, 2, 2.5, 2.5, 2.5, 3, 3.5, 4, 5, 5, 5, 4.5, 4, 3],
  nightlife: [8, 8, 7, 5, 2, 0.5, 0.1, 0.1, 0.1, 0.1, 0.2, 0.3, 0.5, 0.5, 0.5, 0.8, 1, 1.5, 2, 3, 4, 5, 6, 7],
  park: [1.5, 0.5, 0.2, 0.1, 0.1, 0.2, 0.5, 1, 1, 1, 1.5, 2, 2, 2, 2.5, 3, 3.5, 4.5, 5, 5, 4, 3, 2, 1.5],
};

/** The widget's representative hour of each part of the day (`widget/src/draft.ts`). */
const partOfDayHour = { night: 3, morning: 9, afternoon: 15, evening: 21 } as const;

function partOfDayOf(hour: number): keyof typeof partOfDayHour {
  return hour < 6 ? 'night' : hour < 12 ? 'morning' : hour < 18 ? 'afternoon' : 'evening';
}

/** Category weights where the tenant has them (street harassment's usual mix). */
const categoryWeights: Record<string, number> = {
  verbal: 10,
  sounds: 5,
  gestures: 3,
  following: 4,
  touching: 3,
  exposure: 1,
  filming: 2,
  threat: 2,
  discrimination: 2,
  nightlife: 3,
  other: 1,
};

/** Descriptions in plain Dutch by category: respectful, about what happened, naming nobody. */
const descriptions: Record<string, readonly string[]> = {
  verbal: [
    'Een groepje jongens riep seksuele opmerkingen naar me toen ik langsliep.',
    'Een man maakte opmerkingen over mijn lichaam en bleef dat herhalen toen ik doorliep.',
    'Er werd naar me geroepen en gelachen terwijl ik op de bus stond te wachten.',
    'Twee mannen op een bankje schreeuwden dingen naar iedere vrouw die voorbijkwam.',
    'Iemand vroeg steeds om mijn nummer en werd boos toen ik nee zei.',
    'Ik werd uitgescholden toen ik niet reageerde op een opmerking.',
  ],
  sounds: [
    'Er werd naar me gefloten en gesist vanuit een groep bij de ingang.',
    'Vanuit een auto werd getoeterd en kusgeluiden gemaakt, meerdere keren.',
    'Een man maakte smakgeluiden toen ik voorbijfietste.',
  ],
  gestures: [
    'Iemand maakte obscene gebaren naar mij en mijn vriendin.',
    'Een man stak zijn tong uit en maakte een seksueel gebaar.',
  ],
  following: [
    'Een man liep me een paar honderd meter achterna en bleef dicht achter me lopen.',
    'Ik werd gevolgd vanaf het perron tot aan de fietsenstalling.',
    'Iemand fietste een tijd naast me en bleef praten terwijl ik aangaf dat ik dat niet wilde.',
  ],
  touching: [
    'In de drukte werd ik aangeraakt zonder dat ik dat wilde.',
    'Een man pakte mijn arm vast en liet pas los toen ik ging roepen.',
    'Bij het wachten in de rij werd ik meerdere keren aangeraakt door dezelfde persoon.',
  ],
  exposure: ['Een man ontblootte zich op het pad langs het water.'],
  filming: [
    'Iemand filmde me met zijn telefoon zonder te vragen en lachte erbij.',
    'Ik zag dat er onder mijn rok werd gefilmd op de roltrap.',
  ],
  threat: [
    'Toen ik zei dat hij moest stoppen, dreigde hij me iets aan te doen.',
    'Een groep kwam om me heen staan en zei dat ik beter kon oppassen.',
  ],
  discrimination: [
    'Er werden racistische opmerkingen naar me geroepen.',
    'Twee mensen werden uitgescholden omdat ze hand in hand liepen.',
    'Iemand maakte beledigende opmerkingen over mijn hoofddoek.',
  ],
  nightlife: [
    'Bij het uitgaan werd ik de hele avond lastiggevallen door dezelfde man.',
    'In de rij voor de club werd ik betast en uitgelachen toen ik er iets van zei.',
  ],
  other: [
    'Het voelde heel onveilig, ik weet niet goed in welke categorie het past.',
    'Iemand bleef me aanstaren en kwam steeds dichterbij staan.',
  ],
};

const fallbackDescriptions = descriptions.other ?? [];

/** A second sentence some reporters add. */
const afterwords = [
  'Het gebeurt hier vaker.',
  'Ik ben daarna een andere route gaan nemen.',
  'Er stonden mensen bij, maar niemand zei iets.',
  'Een voorbijganger vroeg of het goed met me ging.',
  'Ik schrok er erg van.',
  'Ik wil graag dat hier iets aan gedaan wordt.',
  'Het was nog licht en er was veel volk op straat.',
  'Ik meld het zodat de gemeente weet dat dit hier speelt.',
];

/** Internal notes of the OOV team (never shown to the reporter). */
const noteTexts = [
  'Plek doorgegeven aan de wijkagent voor extra aandacht in het weekend.',
  'Vergelijkbare meldingen op deze plek: meenemen in het overleg met de horeca.',
  'Verlichting op deze plek laten controleren.',
  'Melder wil graag teruggebeld worden; na overleg doorverwezen.',
  'Besproken in het teamoverleg; cameratoezicht op deze plek loopt al.',
  'Handhaving gevraagd om hier vaker langs te gaan.',
];

const referralWeights: Partial<Record<ReferralTarget, number>> = {
  police: 5,
  slachtofferhulp: 3,
  'centrum-seksueel-geweld': 1,
  'discrimination-service': 2,
  'neighbourhood-team': 2,
};

/** Why reports not referred are closed (`referred-on` is for referred ones). */
const closingWeights: Record<ClosingReason, number> = {
  handled: 6,
  'referred-on': 0,
  'no-follow-up-possible': 3,
  duplicate: 1,
  'out-of-scope': 0.5,
};

const offsetFormat = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', timeZoneName: 'longOffset' });

/** The UTC offset of Europe/Amsterdam at a moment, in minutes (60 or 120). */
function amsterdamOffsetMinutes(at: number): number {
  const name = offsetFormat.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d\d):(\d\d)/.exec(name ?? '');
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 60;
}

/** The moment of a local time in Amsterdam on the calendar day `day` (a UTC midnight). */
function amsterdamMoment(day: number, hour: number, minute: number): Date {
  const local = day + (hour * 60 + minute) * 60_000;
  return new Date(local - amsterdamOffsetMinutes(local - 60 * 60_000) * 60_000);
}

/** The calendar day (as a UTC midnight) of a moment in Amsterdam. */
function amsterdamDay(at: Date): number {
  const local = at.getTime() + amsterdamOffsetMinutes(at.getTime()) * 60_000;
  return Math.floor(local / 86_400_000) * 86_400_000;
}

const minute = 60_000;
const hour = 60 * minute;
const dayMs = 24 * hour;

/** Every demo report of one city, with its contact details unsealed yet and its handling. */
function planReports(
  city: DemoCity,
  tenant: PublishedTenant,
  national: PublishedTenant | undefined,
  officer: string | null,
  now: Date,
): PlannedReport[] {
  const random = generator(city.seed);
  const today = amsterdamDay(now);
  const days = demoWeeks * 7;
  const follows = tenant.config.followUp.mode === 'active';
  const references = new Set<string>();
  const plan: PlannedReport[] = [];

  while (plan.length < city.count) {
    const spot = weighted(random, city.spots, (s) => s.weight);
    // The day: more on Fridays and Saturdays, and a little more lately (the point gets known).
    const dayIndex = weighted(
      random,
      Array.from({ length: days }, (_, i) => i),
      (i) => {
        const day = today - (days - 1 - i) * dayMs;
        const weekday = (new Date(day).getUTCDay() + 6) % 7;
        return (weekdayWeights[weekday] ?? 1) * (0.7 + (0.6 * i) / days);
      },
    );
    const day = today - (days - 1 - dayIndex) * dayMs;
    const localHour = weighted(
      random,
      hourWeights[spot.kind].map((_, h) => h),
      (h) => hourWeights[spot.kind][h] ?? 0,
    );
    const exact = amsterdamMoment(day, localHour, Math.floor(random() * 60));

    // How precisely the reporter knew the time.
    const precisionDraw = random();
    const precision = precisionDraw < 0.72 ? 'exact' : precisionDraw < 0.9 ? 'part-of-day' : 'approximate';
    const partOfDay = precision === 'part-of-day' ? partOfDayOf(localHour) : null;
    const occurredAt =
      precision === 'exact'
        ? exact
        : precision === 'part-of-day'
          ? amsterdamMoment(day, partOfDayHour[partOfDayOf(localHour)], 0)
          : amsterdamMoment(day, localHour, 0);

    // How long after it happened it was reported: mostly the same evening or the next day.
    const delayDraw = random();
    const delay =
      delayDraw < 0.4
        ? random() * 55 * minute + 5 * minute
        : delayDraw < 0.75
          ? hour + random() * 23 * hour
          : delayDraw < 0.93
            ? dayMs + random() * 6 * dayMs
            : 7 * dayMs + random() * 14 * dayMs;
    const receivedAt = new Date(Math.max(exact.getTime(), occurredAt.getTime()) + delay);
    if (receivedAt > now) continue; // not yet reported: draw another
    if (now.getTime() - receivedAt.getTime() > days * dayMs) continue; // older than the demo's weeks

    const viaNational = national && random() < 0.07 ? national : undefined;
    const source = viaNational ?? tenant;
    const offered = source.config.categories.map((c) => c.id);
    const categories = drawCategories(random, offered, spot.kind);
    const id = uuid(random);
    let ref = reference(random);
    while (references.has(ref)) ref = reference(random);
    references.add(ref);

    const base = pick(random, descriptions[categories[0] ?? 'other'] ?? fallbackDescriptions);
    const descriptionDraw = random();
    const description =
      descriptionDraw < 0.08 ? null : descriptionDraw < 0.45 ? `${base} ${pick(random, afterwords)}` : base;

    const pointDraw = random();
    const hasPoint = pointDraw < 0.94;
    // Within about 150 m of the spot.
    const lat = spot.lat + (random() - 0.5) * 0.0027;
    const lng = spot.lng + (random() - 0.5) * 0.0043;
    const locationSource = hasPoint ? pick(random, ['map', 'map', 'search', 'device'] as const) : 'text';

    const locale = pick(random, localesOf(source.config));
    const role = random() < 0.68 ? 'victim' : random() < 0.93 ? 'bystander' : 'other';
    const contact = follows && random() < 0.28 ? demoContact(random, plan.length) : null;

    const handling = drawHandling(random, now.getTime() - receivedAt.getTime(), receivedAt, now, officer);
    plan.push({
      row: {
        id,
        tenant_id: tenant.id,
        source_tenant_id: source.id,
        area_code: tenant.config.municipalityCode ?? null,
        reference: ref,
        role,
        categories,
        occurred_at: occurredAt,
        time_precision: precision,
        part_of_day: partOfDay,
        location_lat: hasPoint ? round(lat, 6) : null,
        location_lng: hasPoint ? round(lng, 6) : null,
        location_text: hasPoint && random() < 0.5 ? null : spot.text,
        location_source: locationSource,
        location_accuracy: locationSource === 'device' ? Math.round(5 + random() * 40) : null,
        description,
        intervened: source.config.fields.intervention ? pick(random, ['yes', 'no', 'no', 'unknown', null]) : null,
        extra: JSON.stringify(extraFields(random, source.config, categories)),
        locale,
        wants_follow_up: contact?.wantsFollowUp ?? false,
        config_version: source.version,
        idempotency_key: null,
        request_hash: null,
        received_at: receivedAt,
        demo: true,
        status: handling.status,
        referred_to: handling.referredTo,
        closing_reason: handling.closingReason,
        assignee_id: handling.assigned ? officer : null,
        revision: handling.events.filter((e) => e.kind !== 'note-added').length,
        status_changed_at: handling.statusChangedAt,
      },
      contact,
      events: handling.events,
      notes: handling.notes,
      officer,
      delivery: handling.deliveryFailed ? 'failed' : 'sent',
    });
  }
  return plan;
}

// ── Issue 15: receipt codes, threads and feedback, from a generator of their own (so the reports drawn
// above stay the same) ──

/** Questions an officer asks, and what reporters answer: plain, never doubting the reporter. */
const demoQuestions = [
  'Dank voor je melding. Weet je nog ongeveer hoe laat het was? Dan kunnen we de camerabeelden van die plek opvragen.',
  'Dank je wel voor het melden. Gebeurt dit vaker op deze plek, voor zover je weet?',
  'We nemen je melding mee in het overleg met de wijkagent. Wil je dat we je doorverwijzen naar Slachtofferhulp Nederland?',
] as const;
const demoReplies = [
  'Het was rond half elf, net na de laatste trein.',
  'Ja, ik hoor het vaker van vriendinnen die daar langs fietsen.',
  'Nee, dat hoeft niet, maar fijn dat jullie het vragen.',
] as const;
const demoFeedbackComments = [
  'Het ging snel en ik hoefde mijn naam niet te geven.',
  'Fijn dat ik het kon melden zonder aangifte te doen.',
  'De vraag over de plek op de kaart was lastig op mijn telefoon.',
  'Goed dat er iets mee gedaan wordt.',
] as const;

/**
 * Gives a following municipality's demo reports a receipt code (a demo hash), a thread on about one in
 * eight handled reports (the officer's question; mostly the reporter's answer a day or so later), and
 * feedback: after sending on about a third, after closing on about a quarter of the closed ones.
 */
function planFollowUp(plan: PlannedReport[], seed: number, now: Date): void {
  const random = generator(seed ^ 0x15f011);
  for (const p of plan) {
    const hash = Array.from({ length: 32 }, () => Math.floor(random() * 256));
    p.row.receipt_key_id = 1;
    p.row.receipt_hash = Buffer.from(hash).toString('base64url');
    const received = new Date(p.row.received_at as Date).getTime();
    const before = (at: number) => at < now.getTime();
    p.messages = [];
    p.feedback = [];
    if (p.row.status !== 'new' && p.officer && random() < 0.125) {
      const asked = received + (0.5 + random() * 2) * dayMs;
      const which = Math.floor(random() * demoQuestions.length);
      if (before(asked)) {
        p.messages.push({ at: new Date(asked), sender: 'municipality', body: demoQuestions[which] ?? '' });
        p.events.push({ at: new Date(asked), kind: 'message-sent', details: {} });
        const answered = asked + (0.2 + random() * 1.5) * dayMs;
        if (random() < 0.7 && before(answered)) {
          p.messages.push({ at: new Date(answered), sender: 'reporter', body: demoReplies[which] ?? '' });
          p.events.push({ at: new Date(answered), kind: 'reporter-replied', details: {} });
        }
      }
    }
    if (random() < 0.33) {
      p.feedback.push({
        at: new Date(Math.min(received + (1 + random() * 10) * minute, now.getTime())),
        moment: 'sent',
        rating: weighted(random, [1, 2, 3, 4, 5], (_, i) => [1, 1, 3, 6, 5][i] ?? 1),
        comment: random() < 0.25 ? pick(random, demoFeedbackComments) : null,
      });
    }
    const closedAt = p.row.status === 'closed' ? (p.row.status_changed_at as Date | null) : null;
    if (closedAt && random() < 0.25) {
      const at = closedAt.getTime() + (2 + random() * 40) * hour;
      if (before(at)) {
        p.feedback.push({
          at: new Date(at),
          moment: 'closed',
          rating: weighted(random, [1, 2, 3, 4, 5], (_, i) => [1, 1, 2, 5, 4][i] ?? 1),
          comment: random() < 0.3 ? pick(random, demoFeedbackComments) : null,
        });
      }
    }
  }
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Mostly Dutch, some English, a few in the other languages the tenant offers. */
function localesOf(config: TenantConfig): string[] {
  const others = config.locales.filter((l) => l !== 'nl' && l !== 'en');
  return ['nl', 'nl', 'nl', 'nl', 'nl', 'nl', 'nl', 'en', 'en', ...others].filter((l) =>
    config.locales.includes(l as never),
  );
}

/** One to three of the categories offered, the usual ones most; the nightlife street adds its own. */
function drawCategories(random: Random, offered: string[], kind: Spot['kind']): string[] {
  const chosen = new Set<string>();
  const weight = (id: string) => (categoryWeights[id] ?? 1) * (id === 'nightlife' && kind !== 'nightlife' ? 0 : 1);
  chosen.add(weighted(random, offered, weight));
  const more = random();
  if (more < 0.35) chosen.add(weighted(random, offered, weight));
  if (more < 0.08) chosen.add(weighted(random, offered, weight));
  if (chosen.size > 1) chosen.delete('other');
  return [...chosen];
}

/** Answers to the source tenant's extra fields, for about half the reports (they are optional). */
function extraFields(random: Random, config: TenantConfig, categories: string[]): Record<string, string> {
  const extra: Record<string, string> = {};
  for (const field of config.fields.extra) {
    if (field.type !== 'select' || !field.options?.length) continue;
    if (field.id === 'discrimination_ground' && !categories.includes('discrimination')) continue;
    if (random() < 0.5) extra[field.id] = pick(random, field.options).id;
  }
  return extra;
}

/** Made-up contact details on reserved names (`.example` never receives mail), never a real person's. */
function demoContact(random: Random, n: number): ReportContact {
  const wantsFollowUp = random() < 0.8;
  const byMail = random() < 0.7;
  return {
    ...(random() < 0.6 ? { name: `Demo-melder ${n + 1}` } : {}),
    ...(byMail || !wantsFollowUp ? { email: `melder-${n + 1}@demo.meldpunt.example` } : {}),
    ...(!byMail ? { phone: `+31 6 0000 ${String(1000 + n).slice(-4)}` } : {}),
    wantsFollowUp,
  };
}

interface Handling {
  status: ReportStatus;
  referredTo: ReferralTarget | null;
  closingReason: ClosingReason | null;
  assigned: boolean;
  statusChangedAt: Date | null;
  events: PlannedReport['events'];
  notes: PlannedReport['notes'];
  deliveryFailed: boolean;
}

/** How far the team got with a report of this age: the older, the more likely done. */
function drawHandling(random: Random, age: number, receivedAt: Date, now: Date, officer: string | null): Handling {
  const handling: Handling = {
    status: 'new',
    referredTo: null,
    closingReason: null,
    assigned: false,
    statusChangedAt: null,
    events: [],
    notes: [],
    deliveryFailed: false,
  };
  const draw = random();
  const target: ReportStatus =
    age < 2 * dayMs
      ? draw < 0.85
        ? 'new'
        : 'in-progress'
      : age < 21 * dayMs
        ? draw < 0.3
          ? 'new'
          : draw < 0.65
            ? 'in-progress'
            : draw < 0.8
              ? 'referred'
              : 'closed'
        : draw < 0.08
          ? 'new'
          : draw < 0.2
            ? 'in-progress'
            : draw < 0.35
              ? 'referred'
              : 'closed';
  // A recent report whose mail bounced, for the detail page's "send again".
  handling.deliveryFailed = age < 7 * dayMs && random() < 0.02;
  if (target === 'new') return handling;

  // Steps spread between receipt and now (or at most three weeks after receipt).
  const span = Math.min(now.getTime() - receivedAt.getTime(), 21 * dayMs);
  let at = receivedAt.getTime();
  const step = () => new Date((at += (span / 5) * (0.3 + random() * 0.6)));
  if (officer) {
    handling.assigned = true;
    handling.events.push({ at: step(), kind: 'assigned', details: { assigneeId: officer } });
  }
  const move = (status: ReportStatus, referredTo: ReferralTarget | null, closingReason: ClosingReason | null) => {
    const when = step();
    handling.status = status;
    handling.statusChangedAt = when;
    handling.events.push({ at: when, kind: 'status-changed', details: { status, referredTo, closingReason } });
  };
  move('in-progress', null, null);
  if (officer && random() < 0.45) {
    const when = step();
    handling.notes.push({ at: when, body: pick(random, noteTexts) });
    handling.events.push({ at: when, kind: 'note-added', details: {} });
  }
  if (target === 'referred' || (target === 'closed' && random() < 0.4)) {
    const to = weighted(random, Object.keys(referralWeights) as ReferralTarget[], (t) => referralWeights[t] ?? 1);
    handling.referredTo = to;
    move('referred', to, null);
  }
  if (target === 'closed') {
    const reason: ClosingReason = handling.referredTo
      ? 'referred-on'
      : weighted(random, closingReasons, (r) => closingWeights[r]);
    handling.referredTo = null;
    move('closed', null, reason);
    handling.closingReason = reason;
  }
  return handling;
}

/** Inserts the plan in a few statements (bulk inserts): reports, their deliveries, notes and timeline. */
async function insertPlan(
  trx: Transaction<Database>,
  plan: PlannedReport[],
  tenant: PublishedTenant,
  sealer: Pick<ContactSealer, 'seal'>,
): Promise<void> {
  const chunk = 100;
  const rows: NewReport[] = plan.map((p) => ({
    ...p.row,
    // Sealed as intake seals it: bound to the report and its receiving tenant.
    contact_sealed: p.contact ? sealer.seal(p.contact, { reportId: p.row.id, tenantId: p.row.tenant_id }) : null,
  }));
  for (let i = 0; i < rows.length; i += chunk) {
    await trx
      .insertInto('report')
      .values(rows.slice(i, i + chunk))
      .execute();
  }

  const targets = deliveryTargets(tenant.settings);
  const deliveries = plan.flatMap((p) =>
    targets.map((t) => {
      const received = new Date(p.row.received_at as Date);
      const failed = p.delivery === 'failed';
      return {
        tenant_id: tenant.id,
        report_id: p.row.id,
        channel: t.channel,
        target: t.target,
        status: failed ? ('failed' as const) : ('sent' as const),
        attempts: failed ? 8 : 1,
        next_attempt_at: received,
        last_error: failed ? 'smtp-550' : null,
        sent_at: failed ? null : new Date(received.getTime() + 4_000),
        created_at: received,
      };
    }),
  );
  for (let i = 0; i < deliveries.length; i += chunk) {
    await trx
      .insertInto('delivery')
      .values(deliveries.slice(i, i + chunk))
      .execute();
  }

  const notes = plan.flatMap((p) =>
    p.notes.map((n) => ({
      tenant_id: tenant.id,
      report_id: p.row.id,
      author_id: p.officer,
      body: n.body,
      created_at: n.at,
    })),
  );
  if (notes.length > 0) await trx.insertInto('report_note').values(notes).execute();

  const messages = plan.flatMap((p) =>
    (p.messages ?? []).map((m) => ({
      tenant_id: tenant.id,
      report_id: p.row.id,
      sender: m.sender,
      author_id: m.sender === 'municipality' ? p.officer : null,
      body: m.body,
      created_at: m.at,
    })),
  );
  if (messages.length > 0) await trx.insertInto('report_message').values(messages).execute();
  const feedback = plan.flatMap((p) =>
    (p.feedback ?? []).map((f) => ({
      tenant_id: tenant.id,
      report_id: p.row.id,
      moment: f.moment,
      rating: f.rating,
      comment: f.comment,
      created_at: f.at,
    })),
  );
  for (let i = 0; i < feedback.length; i += chunk) {
    await trx
      .insertInto('report_feedback')
      .values(feedback.slice(i, i + chunk))
      .execute();
  }

  const events = plan.flatMap((p) =>
    p.events.map((e) => ({
      tenant_id: tenant.id,
      report_id: p.row.id,
      // The reporter's reply is nobody's of the staff.
      actor_id: e.kind === 'reporter-replied' ? null : p.officer,
      kind: e.kind,
      details: JSON.stringify(e.details),
      created_at: e.at,
    })),
  );
  for (let i = 0; i < events.length; i += chunk * 2) {
    await trx
      .insertInto('report_event')
      .values(events.slice(i, i + chunk * 2))
      .execute();
  }
}

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import { reportCreatedSchema, supportedLocales, tenantImportSchema, type Locale } from '@meldpunt/contracts';
import { startTestWorker, waitUntil, deliveriesOf } from '../../../test/delivery-helpers.ts';
import {
  useTestContext,
  databaseKind,
  minimalReport,
  postReport,
  readJson,
  tenantDocument,
} from '../../../test/helpers.ts';
import { startSmtpSink } from '../../../test/smtp-sink.ts';
import type { Report } from '../../db/database.ts';
import { reportMessageId } from '../mailer.ts';
import { renderReportMail, type ReportMailInput } from './report-mail.ts';

/** A report row as the worker reads it: every field filled, the point found by the device. */
function reportRow(changes: Partial<Report> = {}): Report {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    tenant_id: 't',
    source_tenant_id: 't',
    area_code: 'GM0505',
    reference: 'K7QM-4TXR',
    role: 'bystander',
    categories: ['verbal', 'following'],
    occurred_at: new Date('2026-11-20T21:30:00Z'),
    time_precision: 'part-of-day',
    part_of_day: 'evening',
    location_lat: 51.8133,
    location_lng: 4.6901,
    location_text: 'Bij de bushalte',
    location_source: 'device',
    location_accuracy: 1,
    description: 'Hij riep me na.',
    intervened: 'unknown',
    extra: { age_group: '18_24' },
    locale: 'nl',
    contact_sealed: null,
    wants_follow_up: true,
    config_version: 1,
    idempotency_key: null,
    status: 'new',
    referred_to: null,
    closing_reason: null,
    assignee_id: null,
    revision: 0,
    status_changed_at: null,
    contact_erased_at: null,
    demo: false,
    grid_e: null,
    grid_n: null,
    receipt_key_id: null,
    receipt_hash: null,
    request_hash: null,
    received_at: new Date('2026-11-20T21:45:00Z'),
    ...changes,
  };
}

/** The mail for `reportRow(changes)` of a test tenant whose mail language is `locale`. */
function mailIn(locale: Locale, changes: Partial<Report> = {}, input: Partial<ReportMailInput> = {}) {
  const doc = tenantImportSchema.parse(
    tenantDocument('mail', { settings: { delivery: { email: [{ address: 'oov@mail.example' }], mail: { locale } } } }),
  );
  return renderReportMail({
    report: reportRow(changes),
    tenantName: 'Gemeente Dordrecht',
    config: doc.config,
    settings: doc.settings,
    contact: { name: 'Sam', email: 'sam@voorbeeld.example', wantsFollowUp: true },
    ...input,
  });
}

describe('the report mail, rendered', () => {
  it('is written in every supported language, with every text found (no key shows) and the direction of its language', () => {
    const headings = new Set<string>();
    for (const locale of supportedLocales) {
      const mail = mailIn(locale);
      for (const part of [mail.subject, mail.text, mail.html]) {
        assert.doesNotMatch(part, /\b(labels|roles|answers|sources|partsOfDay|accuracy|approximately)\b/, locale);
      }
      assert.ok(mail.subject.includes('K7QM-4TXR') && mail.subject.includes('Gemeente Dordrecht'), locale);
      const dir = locale === 'ar' ? 'rtl' : 'ltr';
      assert.ok(mail.html.includes(`<html lang="${locale}" dir="${dir}">`), locale);
      headings.add(mail.text.split('\n')[0]!);
    }
    assert.equal(headings.size, supportedLocales.length, 'no language falls back to another');
  });

  it('Dutch, the default, reads as before; the count of metres is singular at 1 and plural otherwise', () => {
    const doc = tenantImportSchema.parse(tenantDocument('mail'));
    const input = { tenantName: 'Gemeente Dordrecht', config: doc.config, settings: doc.settings, contact: undefined };
    const one = renderReportMail({ ...input, report: reportRow() }).text;
    for (const line of [
      'Nieuwe melding straatintimidatie',
      'Via het meldpunt van Gemeente Dordrecht is een melding binnengekomen.',
      'Meldnummer: K7QM-4TXR',
      'Ontvangen: vrijdag 20 november 2026 om 22:45',
      'Wat er gebeurde: Opmerkingen of naroepen, Achtervolgen',
      'Wie meldt: Getuige: zag het gebeuren',
      'Wanneer: vrijdag 20 november 2026, avond (18 tot 24 uur)',
      'Coördinaten: 51.81330, 4.69010 (locatie van het apparaat, nauwkeurig tot ongeveer 1 meter)',
      'Ingegrepen of geholpen: Weet de melder niet',
      'Leeftijd: 18 tot 24',
      'Geen contactgegevens: de melder meldt anoniem.',
    ]) {
      assert.ok(one.includes(line), `shows ${line}`);
    }
    const en = (accuracy: number) => mailIn('en', { location_accuracy: accuracy }).text;
    assert.ok(en(1).includes('accurate to about 1 metre)'));
    assert.ok(en(30).includes('accurate to about 30 metres)'));
  });

  it('Arabic and Polish use the form of the number’s plural category', () => {
    const accuracy = (locale: Locale, metres: number) =>
      /\(([^)]*)\)/.exec(
        mailIn(locale, { location_accuracy: metres })
          .text.split('\n')
          .find((l) => l.includes('51.81330'))!,
      )![1];
    assert.match(accuracy('ar', 3)!, /بدقة نحو 3 أمتار$/);
    assert.match(accuracy('ar', 11)!, /بدقة نحو 11 مترًا$/);
    assert.match(accuracy('ar', 100)!, /بدقة نحو 100 متر$/);
    assert.match(accuracy('pl', 1)!, /z dokładnością do około 1 metra$/);
    assert.match(accuracy('pl', 3)!, /z dokładnością do około 3 metrów$/);
    assert.match(accuracy('pl', 5)!, /z dokładnością do około 5 metrów$/);
  });

  it('a stored value without a text shows as it is; the tenant’s own category label wins', () => {
    const doc = tenantImportSchema.parse(
      tenantDocument('mail', {
        config: { categories: [{ id: 'verbal', label: { nl: 'Naroepen', en: 'Catcalling' } }, { id: 'following' }] },
        settings: { delivery: { email: [{ address: 'oov@mail.example' }], mail: { locale: 'pl' } } },
      }),
    );
    const text = renderReportMail({
      report: reportRow({ categories: ['verbal', 'following', 'lost.id'], part_of_day: 'labels:heading' }),
      tenantName: 'Gemeente Dordrecht',
      config: doc.config,
      settings: doc.settings,
      contact: undefined,
    }).text;
    // Polish is not among the tenant's labels: its default locale's label, then the default Polish label.
    assert.ok(text.includes('Co się stało: Naroepen, Śledzenie, lost.id'), text);
    assert.ok(text.includes(', labels:heading'));
  });
});

describe(`the report mail through SMTP (${databaseKind})`, { timeout: 300_000 }, () => {
  // A delivery worker claims every due delivery in its database: this file gets a database of its own.
  const ctx = useTestContext({ ownDatabase: true });

  it('reaches the municipality in Arabic (right to left) and in Polish, as its settings ask', async () => {
    const sink = await startSmtpSink();
    const ar = await ctx.createTenant({
      settings: { delivery: { email: [{ address: 'oov@ar.example' }], mail: { locale: 'ar' } } },
    });
    const pl = await ctx.createTenant({
      settings: { delivery: { email: [{ address: 'oov@pl.example' }], mail: { locale: 'pl' } } },
    });
    const { worker, stop } = startTestWorker(ctx, sink.url);
    try {
      const app = ctx.appWith({ nudgeDelivery: worker.nudge });
      const body = minimalReport({
        role: 'bystander',
        categories: ['verbal', 'following'],
        location: { lat: 51.8133, lng: 4.6901, source: 'device', accuracy: 3 },
        contact: { email: 'melder@voorbeeld.example', wantsFollowUp: true },
      });
      const sent = async (slug: string, address: string) => {
        const res = await postReport({ app }, slug, body);
        assert.equal(res.status, 201, await res.clone().text());
        const created = reportCreatedSchema.parse(await readJson(res));
        const id = reportMessageId(created.id, address);
        await sink.waitFor((all) => all.some((m) => m.messageId === id));
        return { created, mail: await simpleParser(sink.received.find((m) => m.messageId === id)!.raw) };
      };

      const arabic = await sent(ar.slug, 'oov@ar.example');
      const html = String(arabic.mail.html);
      assert.ok(html.includes('<html lang="ar" dir="rtl">'), 'the HTML part is right to left');
      assert.equal(arabic.mail.subject, `بلاغ جديد ${arabic.created.reference} – Gemeente Test`);
      for (const expected of [
        'بلاغ جديد عن التحرش في الشارع',
        `رقم البلاغ: ${arabic.created.reference}`,
        'تعليقات أو صيحات موجّهة إليك, الملاحقة',
        'شاهد: رأى ما حدث',
        '20 نوفمبر 2026',
        '51.81330, 4.69010 (موقع الجهاز, بدقة نحو 3 أمتار)',
        'البريد الإلكتروني: melder@voorbeeld.example',
        'يريد المبلّغ أن يتواصل معه أحد: نعم',
      ]) {
        assert.ok((arabic.mail.text ?? '').includes(expected), `the Arabic text part shows ${expected}`);
      }

      const polish = await sent(pl.slug, 'oov@pl.example');
      assert.ok(String(polish.mail.html).includes('<html lang="pl" dir="ltr">'));
      assert.equal(polish.mail.subject, `Nowe zgłoszenie ${polish.created.reference} – Gemeente Test`);
      for (const expected of [
        'Nowe zgłoszenie nękania na ulicy',
        `Numer zgłoszenia: ${polish.created.reference}`,
        'Kto zgłasza: Świadek zdarzenia',
        'piątek, 20 listopada 2026 22:30',
        '(lokalizacja urządzenia, z dokładnością do około 3 metrów)',
        'Adres e-mail: melder@voorbeeld.example',
        'Prosi o kontakt: Tak',
      ]) {
        assert.ok((polish.mail.text ?? '').includes(expected), `the Polish text part shows ${expected}`);
      }

      for (const tenant of [ar, pl]) {
        await waitUntil(
          async () => (await deliveriesOf(ctx.db, tenant.id)).every((d) => d.status === 'sent'),
          'the deliveries to be recorded as sent',
        );
      }
    } finally {
      await stop();
      await sink.stop();
    }
  });
});

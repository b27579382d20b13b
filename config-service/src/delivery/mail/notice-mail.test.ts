/**
 * The follow-up's content-free notices (issue 15): rendered in every language, and sent by a real
 * worker to the real SMTP sink — the reporter's to the address opened from the sealed contact details
 * at sending, the municipality's to its recipients — never with the message, the reply or the code.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import { supportedLocales } from '@meldpunt/contracts';
import { startTestWorker, waitUntil } from '../../../test/delivery-helpers.ts';
import { databaseKind, minimalReport, sendReport, testPublicOrigin, useTestContext } from '../../../test/helpers.ts';
import { startSmtpSink } from '../../../test/smtp-sink.ts';
import { asConsole, createStaff, signIn } from '../../../test/staff.ts';
import { queueReplyNotices, queueReporterNotice } from '../../follow-up/notices.ts';
import { noticeLocaleOf, renderReplyNotice, renderReporterNotice } from './notice-mail.ts';

describe('the notices, rendered', () => {
  const link = 'https://meldpunt.example/m/dordrecht';

  it('the reporter’s: in every supported language, every text found, the link, the direction of its language', () => {
    const subjects = new Set<string>();
    for (const locale of supportedLocales) {
      const mail = renderReporterNotice({ locale, tenantName: 'Gemeente Dordrecht', link });
      subjects.add(mail.subject);
      for (const part of [mail.subject, mail.text, mail.html]) {
        assert.ok(!part.includes('{{') && !part.includes('reporterNotice.'), `${locale}: every text found`);
      }
      assert.ok(mail.text.includes(link), locale);
      assert.ok(mail.text.includes('112'), `${locale}: 112 is in it`);
      assert.ok(mail.text.includes('Gemeente Dordrecht'), locale);
      assert.ok(mail.html.includes(`<a href="${link}" dir="ltr">${link}</a>`), locale);
      assert.match(mail.html, new RegExp(`<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">`));
    }
    assert.equal(subjects.size, supportedLocales.length, 'each language its own words');
    const named = renderReporterNotice({ locale: 'nl', tenantName: 'Gemeente <b>X</b>', link });
    assert.ok(named.html.includes('Gemeente &lt;b&gt;X&lt;/b&gt;') && !named.html.includes('<b>X'), 'escaped');
    assert.equal(
      renderReporterNotice({ locale: 'nl', tenantName: 'X', link }).subject,
      'Nieuw bericht over je melding',
    );
  });

  it('the municipality’s: the reference and the console link in the tenant’s mail language', () => {
    const mail = renderReplyNotice({
      locale: 'nl',
      tenantName: 'Gemeente <Dordrecht>',
      reference: 'K7QM-4TXR',
      link: 'https://meldpunt.example/console/tenants/dordrecht/reports/1',
    });
    assert.equal(mail.subject, 'Reactie van de melder op K7QM-4TXR – Gemeente <Dordrecht>');
    assert.ok(mail.text.includes('gereageerd op melding K7QM-4TXR'));
    assert.ok(mail.text.includes('https://meldpunt.example/console/tenants/dordrecht/reports/1'));
    assert.ok(mail.html.includes('href="https://meldpunt.example/console/tenants/dordrecht/reports/1"'));
    const english = renderReplyNotice({ locale: 'en', tenantName: 'X', reference: 'K7QM-4TXR', link: 'https://x' });
    assert.equal(english.subject, 'The reporter replied to K7QM-4TXR – X');
  });

  it('writes to the reporter in the report’s language, Dutch for one the service does not write', () => {
    assert.equal(noticeLocaleOf('ar'), 'ar');
    assert.equal(noticeLocaleOf('uk'), 'uk');
    assert.equal(noticeLocaleOf('de'), 'nl');
  });
});

describe(`the notices, delivered (${databaseKind})`, { timeout: 600_000 }, () => {
  // Workers claim every due delivery in their database: this file gets a database of its own.
  const ctx = useTestContext({ ownDatabase: true });

  /** A tenant with two recipients, its officer, and a report of it with a receipt code. */
  async function setup(contact?: Record<string, unknown>) {
    const tenant = await ctx.createTenant({
      settings: {
        delivery: { email: [{ address: 'oov-1@gemeente.example' }, { address: 'oov-2@gemeente.example' }] },
      },
    });
    const officer = await createStaff(ctx, { tenantId: tenant.id, roles: ['officer'] });
    const cookie = await signIn(ctx, officer.id);
    const report = await sendReport(ctx, tenant.slug, minimalReport(contact ? { contact } : {}));
    await ctx.db
      .updateTable('report')
      .set({ receipt_key_id: 1, receipt_hash: randomBytes(32).toString('base64url') })
      .where('id', '=', report.id)
      .execute();
    return { tenant, cookie, report };
  }

  async function noticeRows(reportId: string) {
    return ctx.db
      .selectFrom('delivery')
      .select(['kind', 'target', 'status', 'last_error', 'attempts'])
      .where('report_id', '=', reportId)
      .where('kind', 'in', ['reporter-notice', 'reply-notice'])
      .orderBy('target')
      .execute();
  }

  const settled = (rows: { status: string }[]) =>
    rows.length > 0 && rows.every((r) => ['sent', 'failed'].includes(r.status));

  it('the reporter’s notice: to the address sealed in the report, in its language, content-free, the address in no log or row', async () => {
    const sink = await startSmtpSink();
    const { worker, stop } = startTestWorker(ctx, sink.url);
    try {
      const address = 'melder.volgt@voorbeeld.example';
      const s = await setup({ name: 'Noor', email: address, wantsFollowUp: true });
      await ctx.db.updateTable('report').set({ locale: 'ar' }).where('id', '=', s.report.id).execute();
      const message = 'Kunt u de plek nog iets preciezer beschrijven?';
      const app = ctx.appWith({ nudgeDelivery: worker.nudge });
      const res = await app.request(
        `/api/v1/backoffice/tenants/${s.tenant.slug}/reports/${s.report.id}/messages`,
        asConsole(s.cookie, { method: 'POST', body: { body: message } }),
      );
      assert.equal(res.status, 201, await res.clone().text());
      await sink.waitFor((all) => all.some((m) => m.to.includes(address)));

      const received = sink.received.filter((m) => m.to.includes(address));
      assert.equal(received.length, 1);
      const mail = await simpleParser(received[0]!.raw);
      assert.equal(mail.subject, 'رسالة جديدة بشأن بلاغك');
      assert.equal(mail.headers.get('auto-submitted'), 'auto-generated');
      const link = `${testPublicOrigin}/m/${s.tenant.slug}`;
      assert.ok((mail.text ?? '').includes(link));
      assert.match(String(mail.html), /<html lang="ar" dir="rtl">/);
      const raw = received[0]!.raw.toString('utf8') + (mail.text ?? '') + String(mail.html);
      for (const secret of [message, 'preciezer', s.report.reference, 'Noor']) {
        assert.ok(!raw.includes(secret), `the notice holds no ${secret}`);
      }
      // The municipality's recipients got the report, never the notice.
      for (const m of sink.received.filter((r) => !r.to.includes(address))) {
        assert.ok(!m.raw.toString('utf8').includes('رسالة جديدة'), 'the notice goes to the reporter only');
      }

      await waitUntil(async () => settled(await noticeRows(s.report.id)), 'the notice to be recorded');
      assert.deepEqual(await noticeRows(s.report.id), [
        { kind: 'reporter-notice', target: 'reporter', status: 'sent', last_error: null, attempts: 1 },
      ]);
      const everything =
        ctx.logs.join('\n') +
        JSON.stringify(await ctx.db.selectFrom('delivery').selectAll().execute()) +
        JSON.stringify(await ctx.db.selectFrom('audit_entry').selectAll().execute());
      assert.ok(!everything.includes(address), 'the address is in no log line, outbox row or audit entry');
      assert.ok(!everything.includes('preciezer'));
      assert.ok(ctx.logs.some((l) => l.includes('"kind":"reporter-notice"') && l.includes('"outcome":"sent"')));
    } finally {
      await stop();
      await sink.stop();
    }
  });

  it('the municipality’s notice: to each recipient, naming the reference and linking to the report, never the reply', async () => {
    const sink = await startSmtpSink();
    const { worker, stop } = startTestWorker(ctx, sink.url);
    try {
      const s = await setup();
      const reply = 'Het was bij de fietsenstalling achter het station.';
      // What the reporter's reply does (part A): the reply stored, the notices queued.
      await ctx.db
        .insertInto('report_message')
        .values({ tenant_id: s.tenant.id, report_id: s.report.id, sender: 'reporter', author_id: null, body: reply })
        .execute();
      assert.equal(await queueReplyNotices(ctx.db, { id: s.report.id, tenant_id: s.tenant.id }), 2);
      assert.equal(await queueReplyNotices(ctx.db, { id: s.report.id, tenant_id: s.tenant.id }), 0, 'on their way');
      worker.nudge();
      const queued = await ctx.db
        .selectFrom('delivery')
        .select('id')
        .where('report_id', '=', s.report.id)
        .where('kind', '=', 'reply-notice')
        .execute();
      const messageIds = queued.map((d) => `<${d.id}@meldpunt>`);
      const notices = () => sink.received.filter((m) => messageIds.includes(m.messageId ?? ''));
      await sink.waitFor(() => notices().length === 2);
      const subject = `Reactie van de melder op ${s.report.reference}`;
      assert.deepEqual(
        notices()
          .flatMap((m) => m.to)
          .sort(),
        ['oov-1@gemeente.example', 'oov-2@gemeente.example'],
      );
      for (const received of notices()) {
        const mail = await simpleParser(received.raw);
        assert.ok(mail.subject?.startsWith(subject), mail.subject);
        const link = `${testPublicOrigin}/console/tenants/${s.tenant.slug}/reports/${s.report.id}`;
        assert.ok((mail.text ?? '').includes(link));
        assert.ok(String(mail.html).includes(`href="${link}"`));
        const all = received.raw.toString('utf8') + (mail.text ?? '') + String(mail.html);
        assert.ok(!all.includes('fietsenstalling'), 'never the reply');
      }
      await waitUntil(async () => settled(await noticeRows(s.report.id)), 'the notices to be recorded');
      assert.deepEqual(
        (await noticeRows(s.report.id)).map((r) => [r.kind, r.target, r.status]),
        [
          ['reply-notice', 'oov-1@gemeente.example', 'sent'],
          ['reply-notice', 'oov-2@gemeente.example', 'sent'],
        ],
      );
      assert.ok(!ctx.logs.join('\n').includes('fietsenstalling'));
    } finally {
      await stop();
      await sink.stop();
    }
  });

  /** Queues the reporter's notice of a fresh report with `contact`, then `before` changes the report. */
  async function queuedNotice(contact: Record<string, unknown>, before?: (reportId: string) => Promise<void>) {
    const s = await setup(contact);
    assert.equal(await queueReporterNotice(ctx.db, { id: s.report.id, tenant_id: s.tenant.id }), true);
    await before?.(s.report.id);
    return s.report.id;
  }

  it('fails a reporter’s notice at once, saying why, when there is no e-mail address to write to — or no link to give', async () => {
    const phoneOnly = await queuedNotice({ phone: '06 12345678', wantsFollowUp: true });
    const erased = await queuedNotice({ email: 'gewist@voorbeeld.example', wantsFollowUp: true }, async (id) => {
      await ctx.db
        .updateTable('report')
        .set({ contact_sealed: null, contact_erased_at: new Date() })
        .where('id', '=', id)
        .execute();
    });
    const sink = await startSmtpSink();
    const first = startTestWorker(ctx, sink.url);
    try {
      first.worker.nudge();
      for (const id of [phoneOnly, erased]) {
        await waitUntil(async () => settled(await noticeRows(id)), 'the notice to be given up');
      }
      assert.deepEqual(
        (await noticeRows(phoneOnly)).map((r) => [r.status, r.last_error, r.attempts]),
        [['failed', 'no-address', 1]],
      );
      assert.deepEqual(
        (await noticeRows(erased)).map((r) => [r.status, r.last_error]),
        [['failed', 'contact-erased']],
      );
    } finally {
      await first.stop();
    }
    // A worker without PUBLIC_ORIGIN sends no notice with a link that leads nowhere.
    const unlinked = await queuedNotice({ email: 'zonder-link@voorbeeld.example', wantsFollowUp: true });
    const second = startTestWorker(ctx, sink.url, { overrides: { publicOrigin: '' } });
    try {
      second.worker.nudge();
      await waitUntil(async () => settled(await noticeRows(unlinked)), 'the notice to be given up');
      assert.deepEqual(
        (await noticeRows(unlinked)).map((r) => [r.status, r.last_error]),
        [['failed', 'public-origin-unset']],
      );
    } finally {
      await second.stop();
      await sink.stop();
    }
    assert.ok(!sink.received.some((m) => m.to.some((to) => to.endsWith('@voorbeeld.example'))));
    const logs = ctx.logs.join('\n');
    for (const secret of ['12345678', 'gewist@', 'zonder-link@']) assert.ok(!logs.includes(secret), secret);
  });
});

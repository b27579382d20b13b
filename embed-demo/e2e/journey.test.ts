import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { openDatabase } from '../../config-service/src/db/dialect.ts';
import {
  deep,
  launchBrowser,
  newPage,
  removeDataDir,
  reportByKeyboard,
  startService,
  waitFor,
  watch,
  widgetText,
  type Located,
  type Service,
} from './support.ts';

interface Sent {
  tenant: string;
  reference: string;
  description: string;
  role: string;
  located: Located;
  /** The municipality (CBS code) the point was routed by. */
  area?: string;
}

/** Points in the 2025 municipalities the demo imports. */
const inEindhoven = { latitude: 51.4416, longitude: 5.4697 };
const inZwijndrecht = { latitude: 51.8175, longitude: 4.639 };

async function storageIsEmpty(page: Page): Promise<void> {
  const state = await page.evaluate(() => ({
    local: localStorage.length,
    session: sessionStorage.length,
    cookie: document.cookie,
  }));
  assert.deepEqual(state, { local: 0, session: 0, cookie: '' });
  const html = await page.evaluate(() => document.querySelector('meldpunt-widget')?.shadowRoot?.innerHTML ?? '');
  assert.ok(!html.includes('Geroepen') && !html.includes('Shouted'), 'no report text left in the page');
}

describe('the demo site, end to end, against a running config-service', () => {
  let service: Service;
  let browser: Browser;
  const sent: Sent[] = [];

  before(async () => {
    service = await startService();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await service?.stop();
    if (service) removeDataDir(service);
  });

  async function open(path: string, options: { geolocation?: { latitude: number; longitude: number } } = {}) {
    const { context, page } = await newPage(browser);
    if (options.geolocation) {
      await context.overridePermissions(service.origin, ['geolocation']);
      await page.setGeolocation({ ...options.geolocation, accuracy: 15 });
    }
    await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    const seen = await watch(page);
    const res = await page.goto(`${service.origin}${path}`, { waitUntil: 'load' });
    assert.equal(res?.status(), 200);
    return { page, seen, close: () => context.close() };
  }

  for (const [tenant, path, located] of [
    ['dordrecht', '/demo/dordrecht.html', 'map'],
    ['eindhoven', '/demo/eindhoven.html', 'words'],
    ['almere', '/demo/almere.html', 'words'],
    ['nederland', '/demo/nederland.html', 'words'],
  ] as const) {
    it(`${tenant}: a report sent with the keyboard alone, nothing left behind`, async () => {
      const { page, seen, close } = await open(path);
      const description = `Geroepen en nagelopen (${tenant}).`;
      const reference = await reportByKeyboard(page, { located, description });
      assert.match(reference, /^[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}$/);
      await storageIsEmpty(page);
      if (tenant === 'almere') {
        const text = await page.evaluate(
          () => document.querySelector('meldpunt-widget')?.shadowRoot?.textContent ?? '',
        );
        assert.match(text, /geen contact met je op|no active follow-up|geeft geen actieve opvolging/i);
      }
      assert.deepEqual(seen.errors, []);
      sent.push({ tenant, reference, description, role: 'bystander', located });
      await close();
    });
  }

  it('nederland: "use my location" in Eindhoven — told before sending, sent to Eindhoven and forwarded there', async () => {
    const { page, seen, close } = await open('/demo/nederland.html', { geolocation: inEindhoven });
    const description = 'Nageroepen in het centrum (nederland → eindhoven).';
    const reference = await reportByKeyboard(page, {
      located: 'device',
      description,
      notice: /^Deze plek ligt in de gemeente Eindhoven\. Je melding gaat naar Gemeente Eindhoven \(demo\)\.$/,
    });
    assert.equal(await widgetText(page, '.forwarded'), 'Je melding is doorgestuurd naar Gemeente Eindhoven (demo).');
    assert.match(await widgetText(page, '.response-body'), /van de gemeente Eindhoven leest elke melding/);
    await storageIsEmpty(page);
    assert.deepEqual(seen.errors, []);
    sent.push({ tenant: 'eindhoven', reference, description, role: 'bystander', located: 'device', area: 'GM0772' });

    // Forwarded by the delivery worker to Eindhoven's mailbox (the development mailbox in this run).
    const row = await waitFor(async () => {
      const list = await (await fetch(`${service.origin}/dev/mail`)).text();
      return list.split('<tr>').find((r) => r.includes(reference));
    }, `no forwarded e-mail with ${reference} in /dev/mail`);
    assert.match(row, /oov-meldingen@eindhoven\.example/);
    assert.match(row, /Gemeente Eindhoven \(demo\)/);
    await close();
  });

  it('nederland: a place in Zwijndrecht (no tenant here) — "contact that municipality directly", no contact step', async () => {
    const { page, seen, close } = await open('/demo/nederland.html', { geolocation: inZwijndrecht });
    const description = 'Nagelopen bij het station (zwijndrecht).';
    const reference = await reportByKeyboard(page, {
      located: 'device',
      description,
      notice:
        /^Deze plek ligt in de gemeente Zwijndrecht\. Die gemeente is niet aangesloten bij dit meldpunt\..* direct contact op met de gemeente Zwijndrecht\.$/,
    });
    assert.equal(await page.$('pierce/.forwarded'), null);
    assert.match(await widgetText(page, '.response-body'), /direct contact op met de gemeente Zwijndrecht/);
    assert.match(await widgetText(page), /Meldpunt Nederland \(demo\) neemt over meldingen geen contact met je op/);
    assert.deepEqual(seen.errors, []);
    sent.push({ tenant: 'nederland', reference, description, role: 'bystander', located: 'device', area: 'GM0642' });
    await close();
  });

  it('Arabic page: right to left, in Arabic, and a report goes through', async () => {
    const { page, seen, close } = await open('/demo/arabic.html');
    await deep(page, '#step-heading');
    const { dir, lang } = await page.evaluate(() => {
      const box = document.querySelector('meldpunt-widget')!.shadowRoot!.querySelector('.widget')!;
      return { dir: box.getAttribute('dir'), lang: box.getAttribute('lang') };
    });
    assert.deepEqual({ dir, lang }, { dir: 'rtl', lang: 'ar' });
    const description = 'Shouted at near the station (ar).';
    const reference = await reportByKeyboard(page, { located: 'words', description });
    assert.deepEqual(seen.errors, []);
    sent.push({ tenant: 'dordrecht', reference, description, role: 'bystander', located: 'words' });
    await close();
  });

  it('strict CSP with Trusted Types: zero violations, map included, and a report goes through', async () => {
    const { page, seen, close } = await open('/demo/strict-csp.html');
    const description = 'Geroepen onder strikte CSP.';
    const reference = await reportByKeyboard(page, { located: 'map', description });
    assert.deepEqual(seen.cspViolations, []);
    assert.deepEqual(seen.errors, []);
    sent.push({ tenant: 'dordrecht', reference, description, role: 'bystander', located: 'map' });
    await close();
  });

  it('loading the script twice warns and does not throw; one working widget', async () => {
    const { page, seen, close } = await open('/demo/twice.html');
    await deep(page, '#step-heading');
    // The scripts ran before `load`; their console messages reach us a moment later.
    await waitFor(() => seen.warnings.some((w) => w.includes('already defined')), 'no “already defined” warning');
    assert.deepEqual(seen.errors, []);
    await close();
  });

  it('hostile global CSS does not reach inside the widget', async () => {
    const { page, close } = await open('/demo/hostile-css.html');
    const next = await deep(page, 'button#next');
    const style = await next.evaluate((b) => {
      const s = getComputedStyle(b);
      return { display: s.display, fontSize: s.fontSize, background: s.backgroundColor };
    });
    assert.notEqual(style.display, 'none');
    assert.notEqual(style.fontSize, '30px');
    assert.notEqual(style.background, 'rgb(255, 105, 180)');
    await close();
  });

  it('the widget adds no globals to the host page, nor properties to its document, with the map loaded', async () => {
    const { context, page } = await newPage(browser);
    // The page's own names before any script runs, kept under a symbol (not itself a named global).
    await page.evaluateOnNewDocument(() => {
      (window as unknown as Record<symbol, unknown>)[Symbol.for('baseline')] = {
        window: Object.getOwnPropertyNames(window),
        document: Object.getOwnPropertyNames(document),
      };
    });
    await page.goto(`${service.origin}/demo/dordrecht.html`, { waitUntil: 'load' });
    await deep(page, 'input#role-victim').then((radio) => radio.click());
    await deep(page, 'button#next').then((next) => next.click());
    await deep(page, 'input#category-verbal').then((box) => box.click());
    await deep(page, 'button#next').then((next) => next.click());
    await deep(page, 'input#date').then((date) => date.type('11202026'));
    await deep(page, 'input#time').then((time) => time.type('1030P'));
    await deep(page, 'button#next').then((next) => next.click());
    const map = (
      await page.waitForFunction(() =>
        document
          .querySelector('meldpunt-widget')
          ?.shadowRoot?.querySelector('meldpunt-location-picker')
          ?.shadowRoot?.querySelector('meldpunt-map-view')
          ?.shadowRoot?.querySelector('.leaflet-container'),
      )
    ).asElement() as ElementHandle<Element>;
    // Drag the map with the mouse: Leaflet then listens on the page's window and document.
    await map.scrollIntoView();
    const box = await map.boundingBox();
    assert.ok(box);
    const panePosition = () =>
      map.evaluate((m) => m.querySelector<HTMLElement>('.leaflet-map-pane')?.style.transform ?? '');
    const before = await panePosition();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 60, box.y + box.height / 2 - 40, { steps: 5 });
    await page.mouse.up();
    assert.notEqual(await panePosition(), before, 'the map was dragged');
    const added = await page.evaluate(() => {
      const baseline = (window as unknown as Record<symbol, { window: string[]; document: string[] }>)[
        Symbol.for('baseline')
      ]!;
      // (No named helper here: in-page code must not depend on how this file was compiled.)
      return {
        window: Object.getOwnPropertyNames(window).filter((name) => !baseline.window.includes(name)),
        document: Object.getOwnPropertyNames(document).filter((name) => !baseline.document.includes(name)),
      };
    });
    // Puppeteer's own helpers (its ARIA query handler) are the test tool's, not the widget's.
    const testTool = /ariaQuerySelector/;
    // Lit's shared registries: every Lit element on any page uses them, created with `??=` so a host's
    // own Lit keeps its entries (the versions loaded, the metadata of standard decorators).
    const lit = ['litHtmlVersions', 'litElementVersions', 'reactiveElementVersions', 'litPropertyMetadata'];
    assert.deepEqual(
      added.window.filter((name) => !testTool.test(name) && !lit.includes(name)),
      [],
    );
    assert.deepEqual(added.document, []);
    await context.close();
  });

  it('the classic-script build works for CMSs without type="module"', async () => {
    const { page, seen, close } = await open('/demo/classic.html');
    await deep(page, '#step-heading');
    assert.deepEqual(seen.errors, []);
    const globals = await page.evaluate(() => Object.keys(window).filter((k) => /meldpunt/i.test(k)));
    assert.deepEqual(globals, []);
    await close();
  });

  it('every report is stored for the right tenant with what was entered', async () => {
    assert.ok(sent.length >= 7, 'the journeys above ran');
    await service.stop();
    const database = openDatabase({ pgliteDir: join(service.dataDir, 'pglite') });
    try {
      for (const report of sent) {
        const row = await database.db
          .selectFrom('report')
          .innerJoin('tenant', 'tenant.id', 'report.tenant_id')
          .select([
            'tenant.slug',
            'report.role',
            'report.categories',
            'report.description',
            'report.location_lat',
            'report.location_text',
            'report.time_precision',
            'report.area_code',
          ])
          .where('report.reference', '=', report.reference)
          .executeTakeFirstOrThrow();
        assert.equal(row.slug, report.tenant);
        assert.equal(row.role, report.role);
        assert.deepEqual(row.categories, ['verbal']);
        assert.equal(row.description, report.description);
        assert.equal(row.time_precision, 'exact');
        if (report.located === 'words') assert.equal(row.location_text, 'Bij de bushalte achter het station');
        else assert.equal(typeof row.location_lat, 'number');
        if (report.area) assert.equal(row.area_code, report.area, `${report.reference} routed by its place`);
      }
    } finally {
      await database.close();
    }
  });
});

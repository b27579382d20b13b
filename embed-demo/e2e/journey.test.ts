import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { openDatabase } from '../../config-service/src/db/dialect.ts';
import {
  activeElement,
  deep,
  headingText,
  launchBrowser,
  nextHeading,
  removeDataDir,
  startService,
  tabTo,
  watch,
  type Service,
} from './support.ts';

interface Sent {
  tenant: string;
  reference: string;
  description: string;
  role: string;
  located: 'map' | 'words';
}

/** Sends a report with the keyboard alone: Tab, Space, Enter, arrows and typing. */
async function reportByKeyboard(
  page: Page,
  options: { located: 'map' | 'words'; description: string },
): Promise<string> {
  await deep(page, '#step-heading');
  // 1. Who: Tab into the radio group, arrow to the second choice (that also selects it)
  await tabTo(page, 'input#role-victim');
  await page.keyboard.press('ArrowDown');
  assert.equal(await activeElement(page), 'input#role-bystander');
  await tabTo(page, 'button#next');
  let heading = await headingText(page);
  await page.keyboard.press('Enter');
  // 2. What
  heading = await nextHeading(page, heading);
  assert.equal(await activeElement(page), 'h2#step-heading', 'focus moves to the new step’s heading');
  await tabTo(page, 'input#category-verbal');
  await page.keyboard.press('Space');
  await tabTo(page, 'button#next');
  await page.keyboard.press('Enter');
  // 3. When: date and time, typed as in the browser's en-US fields (mm/dd/yyyy, hh:mm AM/PM)
  heading = await nextHeading(page, heading);
  await tabTo(page, 'input#date');
  await page.keyboard.type('11202026');
  await tabTo(page, 'input#time');
  await page.keyboard.type('1030P');
  await tabTo(page, 'button#next');
  await page.keyboard.press('Enter');
  // 4. Where: the map by keyboard, or the place in words
  heading = await nextHeading(page, heading);
  if (options.located === 'map') {
    await tabTo(page, 'div#map', { max: 80 });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => {
      const picker = document.querySelector('meldpunt-widget')?.shadowRoot?.querySelector('meldpunt-location-picker');
      return (picker as unknown as { value?: { lat?: number } } | null)?.value?.lat !== undefined;
    });
  } else {
    await tabTo(page, 'textarea#describe', { max: 80 });
    await page.keyboard.type('Bij de bushalte achter het station');
  }
  await tabTo(page, 'button#next', { max: 80 });
  await page.keyboard.press('Enter');
  // 5. Details
  heading = await nextHeading(page, heading);
  await tabTo(page, 'textarea#description');
  await page.keyboard.type(options.description);
  await tabTo(page, 'button#next');
  await page.keyboard.press('Enter');
  // 6. Contact (when the tenant follows up): stay anonymous
  heading = await nextHeading(page, heading);
  if (await page.$('pierce/#contact-anonymous')) {
    await tabTo(page, 'button#next');
    await page.keyboard.press('Enter');
    heading = await nextHeading(page, heading);
  }
  // 7. Review and send
  assert.ok(heading.length > 0);
  const review = await (await deep(page, 'dl.review')).evaluate((dl) => dl.textContent ?? '');
  assert.ok(review.includes(options.description), 'the review shows what was typed');
  await tabTo(page, 'button#next');
  await page.keyboard.press('Enter');
  const code = await deep(page, '.reference-code');
  return (await code.evaluate((el) => el.textContent ?? '')).trim();
}

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

  async function open(path: string) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
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
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(seen.errors, []);
    assert.ok(
      seen.warnings.some((w) => w.includes('already defined')),
      `warnings: ${seen.warnings.join(' | ')}`,
    );
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

  it('the classic-script build works for CMSs without type="module"', async () => {
    const { page, seen, close } = await open('/demo/classic.html');
    await deep(page, '#step-heading');
    assert.deepEqual(seen.errors, []);
    const globals = await page.evaluate(() => Object.keys(window).filter((k) => /meldpunt/i.test(k)));
    assert.deepEqual(globals, []);
    await close();
  });

  it('every report is stored for the right tenant with what was entered', async () => {
    assert.ok(sent.length >= 5, 'the journeys above ran');
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
          ])
          .where('report.reference', '=', report.reference)
          .executeTakeFirstOrThrow();
        assert.equal(row.slug, report.tenant);
        assert.equal(row.role, report.role);
        assert.deepEqual(row.categories, ['verbal']);
        assert.equal(row.description, report.description);
        assert.equal(row.time_precision, 'exact');
        if (report.located === 'map') assert.equal(typeof row.location_lat, 'number');
        else assert.equal(row.location_text, 'Bij de bushalte achter het station');
      }
    } finally {
      await database.close();
    }
  });
});

/**
 * Anonymous follow-up by receipt code end to end (issue 15), as its users meet it: the real service (demo
 * mode), the built widget on the demo site and the built console in Chromium. A citizen sends a report
 * anonymously from Dordrecht's demo page and copies the receipt code the confirmation shows once; Dordrecht's
 * demo officer writes a question to the reporter; the reporter enters the code on the national demo page,
 * reads the question and replies; the officer sees the reply and closes the report; the reporter, asked for
 * the code again on the next visit, sees "closed" and can no longer reply. At no point does a demo page keep
 * anything in the browser (storage, IndexedDB, caches, cookies). axe finds nothing on the follow-up view in
 * Dutch and in Arabic.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import {
  assertAccessible,
  clickButton,
  consoleText,
  deep,
  reportByKeyboard,
  signInWithDemoButton,
  useConsoleSuite,
  waitFor,
} from './support.ts';

/** A word no demo report holds, so the officer's search finds exactly this run's report. */
const word = `volg${Date.now().toString(36)}`;
const description = `Een groep jongens riep me dingen na op de brug, ${word}.`;
const question = `Weet u nog of er camera's in de buurt hingen? (${word})`;
const reply = `Ja, bij de ingang van de parkeergarage hing er een (${word}).`;

/** Everything the browser could keep for the page's origin: it must all be empty. */
async function assertNothingKept(page: Page, when: string): Promise<void> {
  const kept = await page.evaluate(async () => ({
    localStorage: Object.keys(localStorage),
    sessionStorage: Object.keys(sessionStorage),
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
    cookie: document.cookie,
  }));
  assert.deepEqual(
    kept,
    { localStorage: [], sessionStorage: [], indexedDB: [], caches: [], cookie: '' },
    `nothing kept in the browser ${when}`,
  );
  assert.deepEqual(await page.cookies(), [], `no cookie, not even an HttpOnly one, ${when}`);
}

/** Opens "Follow up on my report" from the first step and looks the report up by its code. */
async function followUp(page: Page, code: string): Promise<void> {
  await (await deep(page, '#start-follow-up')).click();
  const input = await deep(page, 'input#receipt-code');
  // Typed as a person might: lower case, spaces instead of hyphens.
  await input.type(code.toLowerCase().replaceAll('-', ' '));
  await (await deep(page, 'button#look-up')).click();
  await deep(page, '#status');
}

/** The text of the (first) element matching `selector`, its shadow roots included. */
async function textWithin(page: Page, selector: string): Promise<string> {
  return (await deep(page, selector)).evaluate((element) => {
    const parts: string[] = [];
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
      if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
      node.childNodes.forEach(walk);
    };
    walk(element);
    return parts.join(' ').replace(/\s+/g, ' ').trim();
  });
}

/** The follow-up view's text. */
function followUpText(page: Page): Promise<string> {
  return textWithin(page, 'meldpunt-follow-up');
}

describe('follow-up by receipt code: the reporter hears back without giving a name (Chromium, the real service)', () => {
  const suite = useConsoleSuite();

  it('done when: sent anonymously in Dordrecht, asked by the officer, read and answered on the national page, closed — and then no more replies; nothing kept in the browser', async () => {
    const origin = suite.service.origin;

    // 1. The citizen reports anonymously and copies the receipt code.
    const citizen = await suite.person();
    await citizen.context.overridePermissions(origin, [
      'clipboard-read',
      'clipboard-write',
      'clipboard-sanitized-write',
    ]);
    await citizen.page.goto(`${origin}/demo/dordrecht.html`, { waitUntil: 'load' });
    const reference = await reportByKeyboard(citizen.page, { located: 'words', description });
    const shown = (await (await deep(citizen.page, '#receipt-code')).evaluate((el) => el.textContent ?? '')).trim();
    assert.match(shown, /^([0-9A-HJKMNP-TV-Z]{4}-){3}[0-9A-HJKMNP-TV-Z]{4}$/, 'a receipt code of 80 bits');
    await (await deep(citizen.page, 'button#copy')).click();
    await waitFor(async () => await textWithin(citizen.page, '#receipt-status'), 'the copy confirmed');
    const code = await citizen.page.evaluate(() => navigator.clipboard.readText());
    assert.equal(code.trim(), shown, 'the copied code is the one shown');
    await assertNothingKept(citizen.page, 'after sending');

    // 2. The officer finds the report and asks the reporter something.
    const officer = await suite.person();
    await officer.page.setBypassCSP(true);
    await signInWithDemoButton(officer.page, origin, 'Demo officer Dordrecht');
    await officer.page.goto(`${origin}/console/tenants/dordrecht/reports?q=${word}`);
    await waitFor(async () => (await consoleText(officer.page)).includes(reference), 'the report in the inbox');
    await (await deep(officer.page, 'table a.reference')).click();
    await waitFor(async () => (await consoleText(officer.page)).includes(description), 'the report page');
    const reportPage = officer.page.url();
    assert.ok(!(await consoleText(officer.page)).includes(code), 'the console never knows the code');
    await (await deep(officer.page, 'textarea#message')).type(question);
    await (await deep(officer.page, 'input#wait-for-reply')).click();
    await clickButton(officer.page, 'Send message');
    await waitFor(
      async () => (await consoleText(officer.page)).includes('The status is now: Waiting for the reporter'),
      'the question sent, the report waiting',
    );
    await assertAccessible(officer.page, 'the report page with its thread');

    // 3. The reporter follows up on the national page: the question, then their answer.
    const reporter = await suite.person();
    await reporter.page.setBypassCSP(true);
    await reporter.page.goto(`${origin}/demo/nederland.html`, { waitUntil: 'load' });
    await followUp(reporter.page, code);
    let view = await followUpText(reporter.page);
    assert.ok(view.includes(reference), 'the report by its reference');
    assert.ok(view.includes(question), 'the officer’s question');
    assert.ok(view.includes('Dordrecht'), 'with the municipality that has it');
    assert.ok(!view.includes(description), 'never the report’s own content: the code shows the thread only');
    await assertAccessible(reporter.page, 'the follow-up view (nl)');
    await (await deep(reporter.page, 'textarea#reply')).type(reply);
    await (await deep(reporter.page, 'button#send-reply')).click();
    await waitFor(async () => (await followUpText(reporter.page)).includes(reply), 'the answer in the thread');
    await assertNothingKept(reporter.page, 'while following up');

    // 4. The officer reads the answer (the report is back in progress by itself) and closes it.
    await officer.page.goto(reportPage);
    await waitFor(async () => (await consoleText(officer.page)).includes(reply), 'the reply on the report page');
    assert.match(await consoleText(officer.page), /In progress/, 'the answer put the report back in progress');
    await (await deep(officer.page, 'select#next-status')).select('closed');
    await (await deep(officer.page, 'select#close-reason')).select('handled');
    await clickButton(officer.page, 'Save status');
    await waitFor(async () => (await consoleText(officer.page)).includes('Status saved.'), 'the report closed');

    // 5. The next visit asks for the code again; the report is closed and takes no more replies.
    await reporter.page.reload({ waitUntil: 'load' });
    await followUp(reporter.page, code);
    view = await followUpText(reporter.page);
    assert.ok(view.includes(question) && view.includes(reply), 'the whole thread');
    assert.equal(await reporter.page.$('pierce/textarea#reply'), null, 'no reply box');
    await deep(reporter.page, '#closed-notice');
    await assertNothingKept(reporter.page, 'after the report was closed');
  });

  it('the follow-up view is accessible in Arabic, right to left', async () => {
    const { page } = await suite.person();
    await page.setBypassCSP(true);
    await page.goto(`${suite.service.origin}/demo/arabic.html`, { waitUntil: 'load' });
    await (await deep(page, '#start-follow-up')).click();
    await deep(page, 'input#receipt-code');
    const direction = await page.evaluate(() => {
      const widget = document.querySelector('meldpunt-widget')?.shadowRoot?.querySelector('.widget');
      return widget?.getAttribute('dir');
    });
    assert.equal(direction, 'rtl');
    // An unknown code: the plain message, and still nothing to find for axe.
    await (await deep(page, 'input#receipt-code')).type('0000-0000-0000-0000');
    await (await deep(page, 'button#look-up')).click();
    await deep(page, '#follow-up-error');
    await assertAccessible(page, 'the follow-up view (ar) with its error');
    await assertNothingKept(page, 'after a failed look-up');
  });
});

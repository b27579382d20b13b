/**
 * The configuration console end to end (issue 13), tried as a new user would: the real service (demo
 * mode), the built console and the demo site in Chromium. Dordrecht's demo editor changes the Dutch and
 * English response after sending and the primary colour in the console; the draft is saved as they type
 * and the preview — the real widget rendering the draft — shows both languages and the colour. The demo
 * publisher publishes with a note; on Dordrecht's demo page a report sent afterwards shows the new
 * response. Restoring the previous version brings the old text back on a later page load within a minute
 * (the public config's HTTP cache lifetime, 45 s, plus the service's refresh, at most 7.5 s).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import {
  clickButton,
  deep,
  reportByKeyboard,
  signInWithDemoButton,
  useConsoleSuite,
  waitFor,
  watch,
  widgetText,
} from './support.ts';

/** Longer than the public config's cache lifetime plus the service's refresh: "within a minute". */
const withinAMinute = 75_000;

const oldTitle = { nl: 'Dank je wel voor je melding', en: 'Thank you for your report' };
const newText = {
  nl: { title: 'Bedankt, we lezen je melding vandaag', body: 'Het team OOV leest elke melding nog dezelfde dag.' },
  en: { title: 'Thank you, we read your report today', body: 'The OOV team reads every report the same day.' },
};
const newPrimary = { hex: '#7a1f5c', rgb: 'rgb(122, 31, 92)' };

/** Replaces the text of the control edited at `pointer` (a JSON Pointer into the config) by typing. */
async function retype(page: Page, pointer: string, text: string): Promise<void> {
  const control = await deep(page, `[data-pointer="${pointer}"]`);
  await control.evaluate((el) => (el as HTMLInputElement).select());
  await control.type(text);
}

/**
 * Waits until the service holds the draft with `check` true of it (read in the page, with the person's
 * session) and the editor says it is saved — never only the status line, which may still show an
 * earlier save while the newest edit waits for its turn.
 */
async function stored(page: Page, what: string, check: (config: StoredConfig) => boolean): Promise<void> {
  await waitFor(async () => {
    const draft = await page.evaluate(async () => {
      const res = await fetch('/api/v1/console/tenants/dordrecht/config/draft', { credentials: 'same-origin' });
      return res.ok ? ((await res.json()) as { config: unknown }).config : null;
    });
    return draft !== null && check(draft as StoredConfig);
  }, `the draft stored with ${what}`);
  await waitFor(
    () =>
      page.evaluate(() => {
        const roots: (Document | ShadowRoot)[] = [document];
        for (const r of roots) {
          const state = r.querySelector('.save-state');
          if (state) return /Saved at|Opgeslagen om/.test(state.textContent ?? '');
          for (const el of Array.from(r.querySelectorAll('*'))) if (el.shadowRoot) roots.push(el.shadowRoot);
        }
        return false;
      }),
    'the editor saying it is saved',
  );
}

/** The parts of a stored draft the test checks. */
interface StoredConfig {
  followUp: { response: { title: Record<string, string>; body: Record<string, string> } };
  branding: { primaryColor: string };
}

/** The text of the first preview widget (phone width) of the preview section. */
function previewText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const roots: (Document | ShadowRoot)[] = [document];
    for (const r of roots) {
      const preview = r.querySelector('meldpunt-config-preview');
      const widget = preview?.shadowRoot?.querySelector('meldpunt-widget');
      if (widget?.shadowRoot) return (widget.shadowRoot.textContent ?? '').replace(/\s+/g, ' ');
      for (const el of Array.from(r.querySelectorAll('*'))) if (el.shadowRoot) roots.push(el.shadowRoot);
    }
    return '';
  });
}

describe('the configuration console: edit, preview, publish, restore (Chromium, the real service)', () => {
  const suite = useConsoleSuite();

  async function person(name: string) {
    const { page } = await suite.person();
    const seen = await watch(page);
    await signInWithDemoButton(page, suite.service.origin, name);
    return { page, seen };
  }

  async function sendFromDemoPage(page: Page): Promise<string> {
    await page.goto(`${suite.service.origin}/demo/dordrecht.html`, { waitUntil: 'load' });
    await reportByKeyboard(page, { located: 'words', description: 'Nageroepen bij het station.' });
    return widgetText(page);
  }

  it('the editor changes the response in Dutch and English and the colour, sees them in the preview; the publisher publishes; a report shows the new response; restore brings the old one back', async () => {
    const config = async () =>
      (await (await fetch(`${suite.service.origin}/api/v1/tenants/dordrecht/config`)).json()) as { version: number };
    const before = (await config()).version;

    // The editor: texts, in Dutch (the default language) and in English.
    const editor = await person('Demo editor Dordrecht');
    await editor.page.goto(`${suite.service.origin}/console/tenants/dordrecht/configuration/texts`);
    await retype(editor.page, '/followUp/response/title/nl', newText.nl.title);
    await retype(editor.page, '/followUp/response/body/nl', newText.nl.body);
    const language = await deep(editor.page, 'select#texts-language');
    await language.select('en');
    await retype(editor.page, '/followUp/response/title/en', newText.en.title);
    await retype(editor.page, '/followUp/response/body/en', newText.en.body);
    await stored(editor.page, 'the new response in nl and en', (c) =>
      (['nl', 'en'] as const).every(
        (l) => c.followUp.response.title[l] === newText[l].title && c.followUp.response.body[l] === newText[l].body,
      ),
    );

    // The primary colour, by its hex code; the contrast check passes.
    await editor.page.goto(`${suite.service.origin}/console/tenants/dordrecht/configuration/branding`);
    const hex = await deep(editor.page, 'input#primaryColor-hex');
    await hex.evaluate((el) => (el as HTMLInputElement).select());
    await hex.type(newPrimary.hex);
    await stored(editor.page, 'the new primary colour', (c) => c.branding.primaryColor === newPrimary.hex);

    // The preview: the real widget with the draft, after sending, in Dutch and in English, in the new colour.
    await editor.page.goto(`${suite.service.origin}/console/tenants/dordrecht/configuration/preview`);
    const step = await deep(editor.page, 'select#preview-step');
    const locale = await deep(editor.page, 'select#preview-locale');
    await locale.select('nl');
    await step.select('sent');
    await waitFor(async () => (await previewText(editor.page)).includes(newText.nl.title), 'the Dutch response').catch(
      async (error: Error) => {
        throw new Error(`${error.message}; the preview shows: ${await previewText(editor.page)}`);
      },
    );
    assert.ok((await previewText(editor.page)).includes(newText.nl.body));
    await locale.select('en');
    await waitFor(
      async () => (await previewText(editor.page)).includes(newText.en.title),
      'the English response',
    ).catch(async (error: Error) => {
      throw new Error(`${error.message}; the preview shows: ${await previewText(editor.page)}`);
    });
    await step.select('who');
    const colour = await waitFor(
      () =>
        editor.page.evaluate((rgb: string) => {
          const roots: (Document | ShadowRoot)[] = [document];
          for (const r of roots) {
            const widget = r.querySelector('meldpunt-config-preview')?.shadowRoot?.querySelector('meldpunt-widget');
            const next = widget?.shadowRoot?.querySelector('button#next');
            if (next) return getComputedStyle(next).backgroundColor === rgb ? rgb : undefined;
            for (const el of Array.from(r.querySelectorAll('*'))) if (el.shadowRoot) roots.push(el.shadowRoot);
          }
          return undefined;
        }, newPrimary.rgb),
      'the new primary colour in the preview',
    );
    assert.equal(colour, newPrimary.rgb);
    // Nothing published yet: the public config is unchanged.
    assert.equal((await config()).version, before);
    assert.equal(await editor.page.$('pierce/#publish-open'), null, 'an editor cannot publish');

    // The publisher publishes with a note.
    const publisher = await person('Demo publisher Dordrecht');
    await publisher.page.goto(`${suite.service.origin}/console/tenants/dordrecht/configuration/texts`);
    await (await deep(publisher.page, 'button#publish-open')).click();
    await (await deep(publisher.page, 'textarea#publish-note')).type('Nieuwe reactie na het melden; nieuwe kleur');
    await (await deep(publisher.page, 'dialog button[type="submit"]')).click();
    await deep(publisher.page, 'p#publish-outcome');
    assert.equal((await config()).version, before + 1);

    // The demo page: a report sent now shows the new response, in the new colour.
    const citizen = await suite.person();
    const seen = await watch(citizen.page);
    const after = await sendFromDemoPage(citizen.page);
    assert.ok(after.includes(newText.nl.title), after);
    assert.ok(after.includes(newText.nl.body));

    // Restore the version before: a new version with the old text; the demo page shows it again within a minute.
    await publisher.page.goto(`${suite.service.origin}/console/tenants/dordrecht/configuration/history`);
    await clickButton(publisher.page, `Restore version ${before}`);
    await (await deep(publisher.page, '#restore-dialog button[type="submit"]')).click();
    await deep(publisher.page, '#history-outcome');
    assert.equal((await config()).version, before + 2);
    await waitFor(
      async () => (await sendFromDemoPage(citizen.page)).includes(oldTitle.nl),
      'the old response on the demo page',
      withinAMinute,
    );
    for (const { errors } of [editor.seen, publisher.seen, seen]) assert.deepEqual(errors, []);
  });
});

/**
 * End-to-end support: the real config-service (its own process, embedded PGlite in a temp folder,
 * demo tenants seeded) serving the built widget and the demo pages, and Debian's Chromium driven by
 * puppeteer-core (which never downloads a browser), launched as every suite launches it.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../config-service/test/net.ts';
import puppeteer, { type Browser, type BrowserContext, type ElementHandle, type Page } from 'puppeteer-core';
import { chromiumLaunchOptions } from '@meldpunt/test-support/chromium';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * How long a test waits for something in the page or the service before it fails. It only bounds a
 * hang: a condition that holds ends the wait at once. Every wait of these tests uses it (puppeteer's
 * through `newPage`), none keeps a short default.
 */
export const patience = 60_000;
/** How long the service may take to start: it migrates a fresh database and imports the demo's areas and tenants. */
const startupPatience = 120_000;

/** Polls `condition` until it holds (is truthy), then returns its value; fails with `message` after `patience`. */
export async function waitFor<T>(
  condition: () => Promise<T> | T,
  message: string,
  limit = patience,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + limit;
  for (;;) {
    const value = await condition();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`${message} (waited ${limit / 1000} s)`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface Service {
  origin: string;
  dataDir: string;
  /** Stops the service (gracefully, so PGlite is closed) and returns once it has exited. */
  stop(): Promise<void>;
}

export async function startService(
  options: {
    /** Runs before the service starts (it then owns the PGlite folder), e.g. to import a tenant. */
    prepare?: (dataDir: string, origin: string) => Promise<void>;
    /**
     * The host name of `PUBLIC_ORIGIN` (and of `origin`): `localhost` for passkeys, whose relying-party
     * id must be a domain name, never an IP address. The service listens on 127.0.0.1 either way.
     */
    publicHost?: 'localhost' | '127.0.0.1';
  } = {},
): Promise<Service> {
  if (!existsSync(join(root, 'widget/dist/meldpunt-widget.js'))) {
    throw new Error('The widget is not built: run `pnpm --filter @meldpunt/widget build` first.');
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'meldpunt-e2e-'));
  const origin = `http://${options.publicHost ?? '127.0.0.1'}:${port}`;
  await options.prepare?.(dataDir, origin);
  const child: ChildProcess = spawn(process.execPath, ['src/server.ts'], {
    cwd: join(root, 'config-service'),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      MELDPUNT_MODE: 'demo',
      PUBLIC_ORIGIN: origin,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`The config-service exited (code ${child.exitCode}) on starting`);
      return fetch(`${origin}/api/v1/ready`).then(
        (res) => res.ok,
        () => false, // not listening yet
      );
    },
    'The config-service did not start',
    startupPatience,
  );
  let stopped: Promise<void> | undefined;
  return {
    origin,
    dataDir,
    stop: () =>
      (stopped ??= new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      })),
  };
}

export function removeDataDir(service: Service): void {
  rmSync(service.dataDir, { recursive: true, force: true });
}

/** The shared parts of a console suite, started by {@link useConsoleSuite}. */
export interface ConsoleSuite {
  /** The real service, demo mode, on `http://localhost:<port>` (a passkey needs a domain name). */
  readonly service: Service;
  readonly browser: Browser;
  /** A new person: a page in a browser context of their own, closed after the suite. */
  person(): Promise<{ context: BrowserContext; page: Page }>;
}

/**
 * The suite setup every console suite shares, as `before`/`after` hooks of the calling `describe`: the
 * built console is required, the service starts (after `setUp` for anything that must exist before it,
 * like an OpenID provider), Chromium launches; afterwards every person's context, the browser and the
 * service close (then `tearDown`), and the service's data folder is removed.
 */
export function useConsoleSuite(
  hooks: { setUp?: (service: Service) => Promise<void>; tearDown?: () => Promise<void> } = {},
): ConsoleSuite {
  let service: Service | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  before(async () => {
    if (!existsSync(join(root, 'console/dist/index.html'))) {
      throw new Error('The console is not built: run `pnpm --filter @meldpunt/console build` first.');
    }
    service = await startService({ publicHost: 'localhost' });
    await hooks.setUp?.(service);
    browser = await launchBrowser();
  });
  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await hooks.tearDown?.();
    await service?.stop();
    if (service) removeDataDir(service);
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The suite's ${what} is not started (use it inside a test)`);
    return value;
  };
  return {
    get service() {
      return started(service, 'service');
    },
    get browser() {
      return started(browser, 'browser');
    },
    async person() {
      const opened = await newPage(started(browser, 'browser'));
      contexts.push(opened.context);
      return opened;
    },
  };
}

/**
 * Signs in with the demo sign-in button of `name`, as a newcomer would, and waits for the tenants page —
 * or a tenant's own page: someone with one tenant is taken on to it at once, often before a check of
 * the address could see `/console/tenants` at all.
 */
export async function signInWithDemoButton(page: Page, origin: string, name: string): Promise<void> {
  await page.goto(`${origin}/console/sign-in`);
  await clickButton(page, name);
  // Signed in, or the sign-in page's own error (refused, limited, the service away): said at once, by name.
  const outcome = await waitFor(async () => {
    if (/^\/console\/tenants(\/|$)/.test(new URL(page.url()).pathname)) return { signedIn: true, error: '' };
    for (const message of await page.$$('pierce/.message.error')) {
      const error = (await message.evaluate((m) => m.textContent ?? '')).trim();
      if (error) return { signedIn: false, error };
    }
    return undefined;
  }, `the tenants page after signing in as "${name}"`);
  if (!outcome.signedIn) throw new Error(`Signing in as "${name}" failed: ${outcome.error}`);
}

/** A page in a context of its own, whose waits and navigations have `patience` rather than puppeteer's defaults. */
export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.setDefaultTimeout(patience);
  page.setDefaultNavigationTimeout(patience);
  return { context, page };
}

/** The shared Chromium launch, in English (`--lang=en-US`): the same browser language on every machine. */
export function launchBrowser(): Promise<Browser> {
  return puppeteer.launch(chromiumLaunchOptions(['--lang=en-US']));
}

/** Collects page errors, console errors/warnings and CSP violations from the first script on. */
export async function watch(page: Page) {
  const seen = { errors: [] as string[], warnings: [] as string[], cspViolations: [] as string[] };
  page.on('pageerror', (error) => seen.errors.push(String(error)));
  page.on('console', (message) => {
    // Unreachable map tiles (this machine has no internet) and the absent favicon are not the widget's errors.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      seen.errors.push(message.text());
    }
    if (message.type() === 'warn') seen.warnings.push(message.text());
  });
  await page.exposeFunction('__cspViolation', (text: string) => seen.cspViolations.push(text));
  // A string, not a function: in-page code must not depend on how this file was compiled.
  await page.evaluateOnNewDocument(
    "document.addEventListener('securitypolicyviolation', (e) => window.__cspViolation(e.violatedDirective + ' ' + e.blockedURI));",
  );
  return seen;
}

/** The element focused right now, looking through shadow roots: `tag#id`. */
export function activeElement(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}` : '';
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches, as a keyboard user would; first waits
 * until it is there (a step's code, the location picker or the map may still be loading).
 */
export async function tabTo(page: Page, target: string, { max = 60, back = false } = {}): Promise<void> {
  await deep(page, target);
  for (let i = 0; i < max; i++) {
    if ((await activeElement(page)) === target) return;
    if (back) {
      await page.keyboard.down('Shift');
      await page.keyboard.press('Tab');
      await page.keyboard.up('Shift');
    } else {
      await page.keyboard.press('Tab');
    }
  }
  throw new Error(`Could not reach ${target} with the keyboard (last: ${await activeElement(page)})`);
}

/**
 * An element inside the widget's (nested) shadow roots, once it is there. Polled: puppeteer's `pierce/`
 * waits on mutations and misses a shadow root attached after its element arrived, which is what a
 * lazily defined element (the location picker, the map) does.
 */
export async function deep(page: Page, selector: string): Promise<ElementHandle<Element>> {
  const found = await page
    .waitForFunction(
      (selector) => {
        const roots: (Document | ShadowRoot)[] = [document];
        for (const root of roots) {
          const element = root.querySelector(selector);
          if (element) return element;
          for (const child of Array.from(root.querySelectorAll('*'))) {
            if (child.shadowRoot) roots.push(child.shadowRoot);
          }
        }
        return null;
      },
      { polling: 50, timeout: patience },
      selector,
    )
    .catch((error: Error) => {
      throw new Error(`${selector} did not show: ${error.message}`);
    });
  const handle = found.asElement();
  if (!handle) throw new Error(`${selector} not found`);
  return handle as ElementHandle<Element>;
}

export async function headingText(page: Page): Promise<string> {
  const heading = await deep(page, '#step-heading');
  return (await heading.evaluate((h) => h.textContent ?? '')).trim();
}

/** Waits for the step heading to change to something other than `previous`. */
export async function nextHeading(page: Page, previous: string): Promise<string> {
  await page
    .waitForFunction(
      (prev) => {
        const widget = document.querySelector('meldpunt-widget');
        const text = widget?.shadowRoot?.querySelector('#step-heading')?.textContent?.trim();
        return text && text !== prev;
      },
      { timeout: patience },
      previous,
    )
    .catch((error: Error) => {
      throw new Error(`No step after “${previous}”: ${error.message}`);
    });
  return headingText(page);
}

/** Requests as the console sends them: JSON, the service's own Origin, the session cookie. */
export async function consoleApi(
  service: Service,
  path: string,
  init: { method?: string; body?: unknown; cookie?: string } = {},
) {
  return fetch(`${service.origin}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      Origin: service.origin,
      'Content-Type': 'application/json',
      ...(init.cookie ? { Cookie: init.cookie } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

/** The visible text of the console (through its shadow roots). */
export function consoleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
      if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
      node.childNodes.forEach(walk);
    };
    walk(document.body);
    return parts.join(' ').replace(/\s+/g, ' ');
  });
}

/** How a report's place is given: on the map, in words, or by the device's location. */
export type Located = 'map' | 'words' | 'device';

/** The widget's text as a reporter reads it (its shadow root, the location picker's included). */
export async function widgetText(page: Page, selector?: string): Promise<string> {
  return page.evaluate((selector) => {
    const root = document.querySelector('meldpunt-widget')!.shadowRoot!;
    const node = selector ? root.querySelector(selector) : root;
    return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
  }, selector);
}

/** The location picker's notice about where the report goes. */
export function routeNotice(page: Page): Promise<string> {
  return page.evaluate(() => {
    const picker = document.querySelector('meldpunt-widget')!.shadowRoot!.querySelector('meldpunt-location-picker');
    return (picker?.shadowRoot?.querySelector('#notice')?.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}

/**
 * Sends a report with the keyboard alone: Tab, Space, Enter, arrows and typing. With `notice`, the
 * place's notice about where the report goes must say so, beside the place and again on the review.
 */
export async function reportByKeyboard(
  page: Page,
  options: {
    located: Located;
    description: string;
    notice?: RegExp;
    /** Leave an e-mail address and ask to be contacted (when the tenant follows up); else stay anonymous. */
    contactEmail?: string;
  },
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
    // South-east of Dordrecht's centre: still Dordrecht (north, across the river, is Papendrecht).
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => {
      const picker = document.querySelector('meldpunt-widget')?.shadowRoot?.querySelector('meldpunt-location-picker');
      return (picker as unknown as { value?: { lat?: number } } | null)?.value?.lat !== undefined;
    });
  } else if (options.located === 'device') {
    // "Use my location" (the browser's geolocation is set and allowed by the test).
    await tabTo(page, 'button#device', { max: 80 });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => {
      const picker = document.querySelector('meldpunt-widget')?.shadowRoot?.querySelector('meldpunt-location-picker');
      return (picker as unknown as { value?: { source?: string } } | null)?.value?.source === 'device';
    });
  } else {
    await tabTo(page, 'textarea#describe', { max: 80 });
    await page.keyboard.type('Bij de bushalte achter het station');
  }
  if (options.notice) {
    await page.waitForFunction(() => {
      const picker = document.querySelector('meldpunt-widget')?.shadowRoot?.querySelector('meldpunt-location-picker');
      return picker?.shadowRoot?.querySelector('#notice')?.textContent?.trim();
    });
    assert.match(await routeNotice(page), options.notice);
  }
  await tabTo(page, 'button#next', { max: 80 });
  await page.keyboard.press('Enter');
  // 5. Details
  heading = await nextHeading(page, heading);
  await tabTo(page, 'textarea#description');
  await page.keyboard.type(options.description);
  await tabTo(page, 'button#next');
  await page.keyboard.press('Enter');
  // 6. Contact (when the tenant follows up): stay anonymous, or leave an address
  heading = await nextHeading(page, heading);
  if (await page.$('pierce/#contact-anonymous')) {
    if (options.contactEmail) {
      // Into the radio group (the checked "anonymous"), arrow to "yes" (that selects it), then the address.
      await tabTo(page, 'input#contact-anonymous');
      await page.keyboard.press('ArrowDown');
      assert.equal(await activeElement(page), 'input#contact-yes');
      await tabTo(page, 'input#email');
      await page.keyboard.type(options.contactEmail);
    }
    await tabTo(page, 'button#next');
    await page.keyboard.press('Enter');
    heading = await nextHeading(page, heading);
  }
  // 7. Review and send
  assert.ok(heading.length > 0);
  const review = await (await deep(page, 'dl.review')).evaluate((dl) => dl.textContent ?? '');
  assert.ok(review.includes(options.description), 'the review shows what was typed');
  if (options.notice) assert.match(await widgetText(page, '#route-notice'), options.notice);
  await tabTo(page, 'button#next');
  await page.keyboard.press('Enter');
  const code = await deep(page, '.reference-code');
  return (await code.evaluate((el) => el.textContent ?? '')).trim();
}

/** Clicks the button (through shadow roots) whose text contains `label`. */
export async function clickButton(page: Page, label: string): Promise<void> {
  await waitFor(async () => {
    for (const button of await page.$$('pierce/button')) {
      const text = await button.evaluate((b) => b.textContent ?? '');
      if (text.includes(label)) {
        await button.click();
        return true;
      }
    }
    return undefined;
  }, `a button "${label}"`);
}

/** axe-core's browser bundle, read once (injected into pages by {@link axeViolations}). */
let axeSource: string | undefined;

/**
 * What axe finds against WCAG 2.2 A and AA on the page as it is now, shadow roots included — one line per
 * rule and element, empty when it finds nothing. The page must allow the injected script: open it after
 * `page.setBypassCSP(true)` (the console's CSP takes no inline script, rightly).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeRun> } }).axe;
    interface AxeRun {
      violations: { id: string; help: string; nodes: { target: unknown[] }[] }[];
    }
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.help}): ${JSON.stringify(n.target)}`));
  });
}

/** axe on the page as it is now: nothing found, or the findings in the failure. */
export async function assertAccessible(page: Page, what: string): Promise<void> {
  assert.deepEqual(await axeViolations(page), [], `axe on ${what}`);
}

/**
 * The widget as a municipality really embeds it: the host page on the municipality's own origin, the
 * script and the API on the service's, under the strictest CSP the widget documents. The host page is
 * served by a small HTTP server of this test on another port of `localhost` (the service is on
 * `127.0.0.1`): another origin, and an allowed embed origin of its tenant.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { openDatabase } from '../../config-service/src/db/dialect.ts';
import { migrateToLatest } from '../../config-service/src/db/migrate.ts';
import { importTenant } from '../../config-service/src/tenants/tenant-service.ts';
import { minimalReport } from '../../config-service/test/helpers.ts';
import { solvedProofAt } from '../../config-service/test/proof-client.ts';
import {
  deep,
  headingText,
  launchBrowser,
  newPage,
  removeDataDir,
  startService,
  watch,
  type Service,
} from './support.ts';

const seeds = fileURLToPath(new URL('../../config-service/seeds/', import.meta.url));

/** Dordrecht's demo config as another tenant that only the host page’s origin may embed. */
async function importEmbeddedTenant(dataDir: string, hostOrigin: string): Promise<void> {
  const doc = JSON.parse(readFileSync(join(seeds, 'dordrecht.json'), 'utf8')) as {
    config: Record<string, unknown>;
    settings: Record<string, unknown>;
  };
  const { municipalityCode: _linkedToDordrecht, ...config } = doc.config;
  const database = openDatabase({ pgliteDir: join(dataDir, 'pglite') });
  try {
    await migrateToLatest(database.db);
    await importTenant(database.db, {
      ...doc,
      config: { ...config, slug: 'gemeente-test', name: 'Gemeente Test (demo)' },
      settings: { ...doc.settings, allowedOrigins: [hostOrigin] },
    });
  } finally {
    await database.close();
  }
}

describe('embedded on the municipality’s own origin, under a strict CSP', () => {
  let service: Service;
  let browser: Browser;
  let host: Server;
  let hostOrigin: string;
  before(async () => {
    // The municipality's site: the page with its CSP header, on its own origin.
    host = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': hostCsp() });
      res.end(hostPage());
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
    service = await startService({ prepare: (dataDir) => importEmbeddedTenant(dataDir, hostOrigin) });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await service?.stop();
    if (service) removeDataDir(service);
    host?.close();
  });

  function hostCsp(): string {
    return [
      "default-src 'self'",
      `script-src ${service.origin}`,
      "style-src 'self'",
      `connect-src ${service.origin}`,
      `img-src 'self' data: ${service.origin}`,
      "object-src 'none'",
      "base-uri 'none'",
      "require-trusted-types-for 'script'",
      'trusted-types lit-html',
    ].join('; ');
  }

  function hostPage(): string {
    return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Gemeente Test</title>
<script type="module" src="${service.origin}/widget/meldpunt-widget.js"></script></head>
<body><main><h1>Meld het</h1><meldpunt-widget tenant="gemeente-test"></meldpunt-widget></main></body></html>`;
  }

  async function open(): Promise<{ page: Page; seen: Awaited<ReturnType<typeof watch>> }> {
    const { page } = await newPage(browser);
    const seen = await watch(page);
    const res = await page.goto(`${hostOrigin}/melden`, { waitUntil: 'load' });
    assert.equal(res?.status(), 200);
    return { page, seen };
  }

  it('loads its config across origins and shows the first step, with zero CSP violations', async () => {
    const { page, seen } = await open();
    await deep(page, '#step-heading').catch(async (error: unknown) => {
      const shadow = await page.evaluate(
        () => document.querySelector('meldpunt-widget')?.shadowRoot?.innerHTML ?? 'no shadow',
      );
      throw new Error(`${String(error)}\n${JSON.stringify(seen)}\n${shadow.slice(0, 2000)}`);
    });
    assert.ok((await headingText(page)).length > 0);
    const text = await page.evaluate(() => document.querySelector('meldpunt-widget')?.shadowRoot?.textContent ?? '');
    assert.match(text, /112/);
    assert.deepEqual(seen.cspViolations, []);
    assert.deepEqual(seen.errors, []);
  });

  it('the host page can read the API’s answers, errors included: 201, and 422 with its fields', async () => {
    const { page } = await open();
    const report = minimalReport();
    // A string, not a function: in-page code must not depend on how this file was compiled. Each report
    // carries a solved proof of work (issue 16) in `Meldpunt-Proof`, a header the CORS preflight allows.
    const post = async (body: unknown) =>
      page.evaluate(`fetch(${JSON.stringify(`${service.origin}/api/v1/tenants/gemeente-test/reports`)}, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Meldpunt-Proof': ${JSON.stringify(await solvedProofAt(service.origin, 'gemeente-test'))} },
        body: ${JSON.stringify(JSON.stringify(body))},
      }).then(async (res) => ({ status: res.status, body: await res.json() }))`) as Promise<{
        status: number;
        body: Record<string, unknown>;
      }>;
    const answers = {
      created: await post(report),
      invalid: await post({ ...report, role: 'nobody', location: { lat: 95, lng: 4.69 } }),
    };
    assert.equal(answers.created.status, 201);
    assert.equal(answers.created.body.tenant, 'gemeente-test');
    assert.equal(answers.invalid.status, 422);
    assert.deepEqual((answers.invalid.body.errors as { path: string }[]).map((e) => e.path).sort(), [
      '/location/lat',
      '/role',
    ]);
  });
});

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { databaseKind, minimalReport, postReport, useTestContext } from '../../test/helpers.ts';
import { DevMailbox } from '../dev-mail/dev-mailbox.ts';
import { defaultStaticDirs } from '../routes/static-paths.ts';

const apiCsp = "default-src 'none'; frame-ancestors 'none'";

describe(`security headers on every response (${databaseKind})`, () => {
  const ctx = useTestContext();
  let mailbox: DevMailbox;
  let widgetDir: string;
  before(async () => {
    mailbox = await DevMailbox.start();
    widgetDir = mkdtempSync(join(tmpdir(), 'meldpunt-headers-'));
    writeFileSync(join(widgetDir, 'meldpunt-widget.js'), 'export {};');
  });
  after(async () => {
    await mailbox.close();
    rmSync(widgetDir, { recursive: true, force: true });
  });

  /** The headers every answer carries, whatever made it. */
  function assertCommon(res: Response, what: string): void {
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', what);
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer', what);
    assert.equal(res.headers.get('cross-origin-opener-policy'), 'same-origin', what);
    assert.match(res.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/, `${what}: X-Request-Id`);
    assert.match(res.headers.get('content-security-policy') ?? '', /(^|; )frame-ancestors '(none|self)'(;|$)/, what);
  }

  it('API answers, problems, unknown paths, health and unexpected errors: the strict API policy', async () => {
    const tenant = await ctx.createTenant();
    const failing = ctx.appWith({
      sealer: {
        seal: () => {
          throw new Error('boom');
        },
      } as never,
    });
    const answers: [string, number, Response][] = [
      ['config', 200, await ctx.app.request(`/api/v1/tenants/${tenant.slug}/config`)],
      [
        'preflight',
        204,
        await ctx.app.request(`/api/v1/tenants/${tenant.slug}/reports`, {
          method: 'OPTIONS',
          headers: { Origin: 'https://www.testgemeente.example', 'Access-Control-Request-Method': 'POST' },
        }),
      ],
      ['report accepted', 201, await postReport(ctx, tenant.slug, minimalReport())],
      ['problem 422', 422, await postReport(ctx, tenant.slug, minimalReport({ role: 'nobody' }))],
      [
        'problem 403',
        403,
        await postReport(ctx, tenant.slug, minimalReport(), { headers: { Origin: 'https://x.example' } }),
      ],
      ['unknown tenant', 404, await ctx.app.request('/api/v1/tenants/nobody-here/config')],
      ['unknown path', 404, await ctx.app.request('/no/such/path')],
      ['health', 200, await ctx.app.request('/api/v1/health')],
      ['openapi', 200, await ctx.app.request('/api/v1/openapi.json')],
      [
        'unexpected error',
        500,
        await postReport(
          { app: failing },
          tenant.slug,
          minimalReport({ contact: { email: 'x@voorbeeld.example', wantsFollowUp: false } }),
        ),
      ],
    ];
    for (const [what, status, res] of answers) {
      assert.equal(res.status, status, what);
      assertCommon(res, what);
      assert.equal(res.headers.get('content-security-policy'), apiCsp, what);
      assert.equal(res.headers.get('cross-origin-resource-policy'), 'same-origin', what);
    }
  });

  it('static files: the widget loadable from other origins; demo pages with their own CSP; the dev mailbox', async () => {
    const { demoSite } = defaultStaticDirs();
    const app = ctx.appWith({ widgetDir, demoSite, devMailbox: mailbox });
    const local = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };

    const widget = await app.request('/widget/meldpunt-widget.js');
    assert.equal(widget.status, 200);
    assertCommon(widget, 'widget');
    assert.equal(widget.headers.get('cross-origin-resource-policy'), 'cross-origin');

    const missing = await app.request('/widget/nothing.js');
    assert.equal(missing.status, 404);
    assertCommon(missing, 'missing widget file');

    const page = await app.request('/demo/dordrecht.html');
    assert.equal(page.status, 200);
    assertCommon(page, 'demo page');
    assert.match(page.headers.get('content-security-policy') ?? '', /^default-src 'self'; script-src 'self'/);

    const css = await app.request('/demo/vendor/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css');
    assert.equal(css.status, 200);
    assertCommon(css, 'demo vendor CSS');

    const mail = await app.request('/dev/mail', undefined, local);
    assert.equal(mail.status, 200);
    assertCommon(mail, 'dev mail');
    assert.match(mail.headers.get('content-security-policy') ?? '', /^default-src 'none'; style-src 'nonce-/);
    assert.equal(mail.headers.get('cache-control'), 'no-store');
  });
});

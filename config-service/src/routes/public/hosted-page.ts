import { Hono } from 'hono';
import { tenantSlugSchema } from '@meldpunt/contracts';
import { serverT, textDirection } from '@meldpunt/texts/server';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { html } from '../../html.ts';
import { strictCsp } from '../static.ts';

/**
 * The hosted page's CSP: the strict demo page's (what `<meldpunt-widget>` documents it needs: no inline
 * script or style, Trusted Types through Lit's policy only), and no form posts anywhere.
 */
export const hostedPageCsp = `${strictCsp}; form-action 'none'`;

/** The page's few layout rules, as a file of its own (no inline style under the CSP). */
const pageCss = `*,::before,::after{box-sizing:border-box}
body{margin:0;font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;background:#fff}
main,footer{max-inline-size:48rem;margin-inline:auto;padding:1rem}
h1{font-size:1.5rem;margin-block:0 1rem}
footer{border-block-start:1px solid #ccc}
footer a{color:#1a4d8f}
`;

/**
 * The hosted reporting page, in every mode (it is the product, not a demo): `/m/:slug` embeds the
 * tenant's widget on a page of the service, for CMSs that forbid scripts and for campaigns (the QR code
 * points here). The tenant's name is its title and heading, its default language the page's `lang`,
 * and its website, when known, is linked. An unknown or unpublished tenant gets a 404 page (HTML, for
 * the person who followed a link or scanned a code).
 */
export function hostedPageRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/m/assets/page.css', (c) =>
      c.body(pageCss, 200, {
        'Content-Type': 'text/css; charset=utf-8',
        'Cache-Control': 'public, max-age=86400',
      }),
    )
    .get('/m/:slug', async (c) => {
      const slug = c.req.param('slug');
      const tenant = tenantSlugSchema.safeParse(slug).success ? await deps.tenants.get(slug) : undefined;
      const headers = { 'Content-Security-Policy': hostedPageCsp, 'Content-Type': 'text/html; charset=utf-8' };
      if (!tenant) {
        const nl = serverT('nl', 'routing');
        const en = serverT('en', 'routing');
        const page = html`<!doctype html>
          <html lang="nl">
            <head>
              <meta charset="utf-8" />
              <meta name="viewport" content="width=device-width, initial-scale=1" />
              <meta name="robots" content="noindex" />
              <title>${nl('hostedPageNotFound.title')}</title>
              <link rel="stylesheet" href="/m/assets/page.css" />
            </head>
            <body>
              <main>
                <h1>${nl('hostedPageNotFound.title')}</h1>
                <p>${nl('hostedPageNotFound.body')}</p>
                <div lang="en">
                  <h2>${en('hostedPageNotFound.title')}</h2>
                  <p>${en('hostedPageNotFound.body')}</p>
                </div>
              </main>
            </body>
          </html> `;
        return c.body(page.value, 404, { ...headers, 'Cache-Control': 'no-cache' });
      }
      const config = tenant.config;
      const lang = config.defaultLocale;
      const page = html`<!doctype html>
        <html lang="${lang}" dir="${textDirection(lang)}">
          <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>${config.name}</title>
            <link rel="stylesheet" href="/m/assets/page.css" />
            <script type="module" src="/widget/meldpunt-widget.js"></script>
          </head>
          <body>
            <main>
              <h1>${config.name}</h1>
              <meldpunt-widget tenant="${config.slug}"></meldpunt-widget>
            </main>
            ${config.website ? html`<footer><a href="${config.website}">${config.name}</a></footer>` : ''}
          </body>
        </html> `;
      // As briefly cached as the config: a published change of name or website shows within a minute.
      return c.body(page.value, 200, { ...headers, 'Cache-Control': 'public, max-age=60' });
    });
}

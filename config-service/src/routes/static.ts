import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from '../deps.ts';

/** The CSP of the strict demo page (sent as a header): what `<meldpunt-widget>` documents it needs. */
export const strictCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https://service.pdok.nl",
  "connect-src 'self' https://api.pdok.nl",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/** The other demo pages: strict about scripts and styles, without Trusted Types. */
const demoCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https://service.pdok.nl",
  "connect-src 'self' https://api.pdok.nl",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** Design-token packages the demo pages may load from `embed-demo/node_modules`, and nothing else there. */
const vendorAllowList = [
  '@nl-design-system-unstable/voorbeeld-design-tokens/dist/',
  '@gemeente-denhaag/design-tokens-components/dist/',
];

/**
 * Resolves a URL path inside `root`, or `undefined` for anything that would leave it (`..`, encoded
 * slashes, absolute paths) or is a dotfile.
 */
export function safeJoin(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.startsWith('/')) return undefined;
  if (decoded.split('/').some((part) => part.startsWith('.'))) return undefined;
  const full = join(root, normalize(decoded));
  return full === root || full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : undefined;
}

async function file(path: string | undefined, headers: Record<string, string> = {}): Promise<Response | undefined> {
  if (!path) return undefined;
  try {
    if (!(await stat(path)).isFile()) return undefined;
    const body = await readFile(path);
    return new Response(body, {
      headers: { 'Content-Type': types[extname(path)] ?? 'application/octet-stream', ...headers },
    });
  } catch {
    return undefined;
  }
}

/**
 * `/widget/*`: the built widget (`widget/dist`), cacheable and loadable from any origin (module
 * scripts need CORS). `/demo/*`: the demo site with its CSP; `/demo/vendor/*`: the NL Design System
 * token CSS the demo pages use.
 */
export function staticRoutes(dirs: { widgetDir: string; demoDir: string; demoVendorDir: string }) {
  return new Hono<AppEnv>()
    .get('/widget/*', async (c) => {
      const path = c.req.path.slice('/widget/'.length);
      const immutable = path.startsWith('chunks/');
      const res = await file(safeJoin(dirs.widgetDir, path), {
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
        'Access-Control-Allow-Origin': '*',
        'X-Content-Type-Options': 'nosniff',
      });
      return res ?? c.notFound();
    })
    .get('/demo', (c) => c.redirect('/demo/', 301))
    .get('/demo/vendor/*', async (c) => {
      const path = c.req.path.slice('/demo/vendor/'.length);
      if (!vendorAllowList.some((prefix) => path.startsWith(prefix))) return c.notFound();
      const res = await file(safeJoin(dirs.demoVendorDir, path), { 'Cache-Control': 'public, max-age=3600' });
      return res ?? c.notFound();
    })
    .get('/demo/*', async (c) => {
      const path = c.req.path.slice('/demo/'.length) || 'index.html';
      if (path.startsWith('e2e/') || path.startsWith('node_modules/') || !/\.(html|css|svg|png|woff2)$/.test(path)) {
        return c.notFound();
      }
      const csp = path === 'strict-csp.html' ? strictCsp : demoCsp;
      const res = await file(safeJoin(dirs.demoDir, path), {
        'Content-Security-Policy': csp,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      return res ?? c.notFound();
    });
}

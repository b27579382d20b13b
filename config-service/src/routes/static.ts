import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { Hono, type Context } from 'hono';
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

/** The other demo pages: no inline scripts or styles either, but without Trusted Types. */
export const demoCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https://service.pdok.nl",
  "connect-src 'self' https://api.pdok.nl",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Design-token packages whose `dist/` the demo pages may load from `embed-demo/node_modules`; nothing else there. */
export const vendorPackages = [
  '@nl-design-system-unstable/voorbeeld-design-tokens',
  '@gemeente-denhaag/design-tokens-components',
] as const;

/**
 * The URL path after a route prefix as path segments, percent-decoded exactly once; `undefined` for
 * anything that could leave a folder or reach a hidden file: `.`/`..` and dotfiles, empty segments,
 * backslashes, NUL, broken escapes. Encoded slashes (`%2f`) become separators here, so every check
 * after this one sees the same path the file system will.
 */
export function pathSegments(urlPath: string): string[] | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded === '') return [];
  const segments = decoded.split('/');
  const bad = (s: string) => s === '' || s.startsWith('.') || s.includes('\\') || s.includes('\0');
  return segments.some(bad) ? undefined : segments;
}

/** `segments` joined below `root`, or `undefined` if the normalised result is not strictly inside `root`. */
export function inside(root: string, segments: readonly string[]): string | undefined {
  const base = resolve(root);
  const full = resolve(base, ...segments);
  return full.startsWith(base + sep) ? full : undefined;
}

/** The file as the answer, through the context (so it keeps the request id); `undefined` when there is none. */
async function serveFile(
  c: Context,
  path: string | undefined,
  headers: Record<string, string>,
): Promise<Response | undefined> {
  if (!path) return undefined;
  let data: Buffer<ArrayBuffer>;
  try {
    if (!(await stat(path)).isFile()) return undefined; // no directory listings
    data = await readFile(path);
  } catch {
    return undefined;
  }
  return c.body(data, 200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream', ...headers });
}

/** Loadable by pages on any origin (`<script>` of the widget, the demo tenants' logos in a municipal page). */
const crossOrigin = { 'Cross-Origin-Resource-Policy': 'cross-origin' };

/** What the demo site may serve: its pages at the top level and the files in `assets/` (not `e2e/`, `node_modules/`, …). */
function isDemoFile(segments: readonly string[]): boolean {
  const [first = '', second = ''] = segments;
  if (segments.length === 1) return first.endsWith('.html');
  return segments.length === 2 && first === 'assets' && /\.(css|svg|png|woff2)$/.test(second);
}

/** A chunk whose name carries Vite's content hash (`chunks/widget-Dx7VerdS.js`): its content never changes. */
export function isHashedChunk(segments: readonly string[]): boolean {
  return segments.length === 2 && segments[0] === 'chunks' && /-[\w-]{8}\.js$/.test(segments[1] ?? '');
}

/**
 * The built widget (`widget/dist`) at `/widget/*`, in every mode: loadable from any origin (module
 * scripts need CORS, `Cross-Origin-Resource-Policy: cross-origin`); the hashed chunks cached forever,
 * everything else (the entry scripts, the manifest) briefly. Anything else, or anything outside the
 * folder, is the app's 404.
 */
export function widgetRoutes(widgetDir: string) {
  return new Hono<AppEnv>().get('/widget/*', async (c) => {
    const segments = pathSegments(c.req.path.slice('/widget/'.length));
    if (!segments) return c.notFound();
    const res = await serveFile(c, inside(widgetDir, segments), {
      'Cache-Control': isHashedChunk(segments) ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      'Access-Control-Allow-Origin': '*',
      ...crossOrigin,
    });
    return res ?? c.notFound();
  });
}

/** Where the demo site's files are: its pages and `assets/`, and the `node_modules` with the token packages. */
export interface DemoSiteDirs {
  demoDir: string;
  demoVendorDir: string;
}

/**
 * The demo site, in demo mode only (mounted at `/`):
 * - `/demo/*`: its pages, each with a CSP (`strict-csp.html` with {@link strictCsp}), and `assets/`;
 * - `/demo/vendor/<package>/dist/*`: the NL Design System token CSS of {@link vendorPackages}.
 * Anything else, or anything outside those folders, is the app's 404.
 */
export function demoSiteRoutes(dirs: DemoSiteDirs) {
  return new Hono<AppEnv>()
    .get('/demo', (c) => c.redirect('/demo/', 301))
    .get('/demo/vendor/*', async (c) => {
      const segments = pathSegments(c.req.path.slice('/demo/vendor/'.length));
      if (!segments) return c.notFound();
      const name = vendorPackages.find((pkg) => segments.join('/').startsWith(`${pkg}/dist/`));
      if (!name) return c.notFound();
      const distDir = join(dirs.demoVendorDir, name, 'dist');
      const rest = segments.slice(name.split('/').length + 1);
      const res = await serveFile(c, inside(distDir, rest), { 'Cache-Control': 'public, max-age=3600' });
      return res ?? c.notFound();
    })
    .get('/demo/*', async (c) => {
      const found = pathSegments(c.req.path.slice('/demo/'.length));
      const segments = found?.length === 0 ? ['index.html'] : found;
      if (!segments || !isDemoFile(segments)) return c.notFound();
      const page = segments.join('/');
      const res = await serveFile(c, inside(dirs.demoDir, segments), {
        'Cache-Control': 'no-cache',
        ...(page.endsWith('.html')
          ? { 'Content-Security-Policy': page === 'strict-csp.html' ? strictCsp : demoCsp }
          : crossOrigin),
      });
      return res ?? c.notFound();
    });
}

import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
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

/**
 * The console's CSP (`/console/`, every mode): only its own scripts, styles and API, no inline script or
 * style, never framed, and Trusted Types so no string reaches an HTML sink except through Lit's policy.
 */
export const consoleCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // The configuration editor's map and the preview's widget: PDOK's base map tiles and address search.
  "img-src 'self' data: https://service.pdok.nl",
  "connect-src 'self' https://api.pdok.nl",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
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

/** Text types, sent brotli- or gzip-compressed to clients that accept it (images and fonts are compressed already). */
const compressible = new Set(['.html', '.js', '.css', '.json', '.map', '.svg']);

type Encoding = 'br' | 'gzip';

/** A file as it was read once, with its compressed variants (each only if smaller) and its content hash. */
interface LoadedFile {
  identity: Buffer<ArrayBuffer>;
  br?: Buffer<ArrayBuffer>;
  gzip?: Buffer<ArrayBuffer>;
  hash: string;
}

const compressBrotli = promisify(brotliCompress);
const compressGzip = promisify(gzip);

async function load(path: string): Promise<LoadedFile> {
  const identity = await readFile(path);
  const hash = createHash('sha256').update(identity).digest('base64url').slice(0, 22);
  if (!compressible.has(extname(path))) return { identity, hash };
  const [br, gz] = await Promise.all([
    compressBrotli(identity, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    }),
    compressGzip(identity, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  const smaller = (b: Buffer<ArrayBuffer>) => (b.length < identity.length ? b : undefined);
  return { identity, br: smaller(br), gzip: smaller(gz), hash };
}

/**
 * Every file served so far, by path, read and compressed once: at its first request, and again when
 * its modification time or size changes (a rebuilt widget). Compressing at request time rather than
 * at build time covers the demo pages and the token CSS in node_modules too, and there is no stale
 * `.br` beside a rebuilt `.js`. Bounded by the files in the served folders.
 */
const loaded = new Map<string, { mtimeMs: number; size: number; file: Promise<LoadedFile> }>();

async function loadCached(path: string): Promise<LoadedFile | undefined> {
  let info;
  try {
    info = await stat(path);
  } catch {
    return undefined;
  }
  if (!info.isFile()) return undefined; // no directory listings
  let entry = loaded.get(path);
  if (!entry || entry.mtimeMs !== info.mtimeMs || entry.size !== info.size) {
    entry = { mtimeMs: info.mtimeMs, size: info.size, file: load(path) };
    loaded.set(path, entry);
  }
  try {
    return await entry.file;
  } catch {
    if (loaded.get(path) === entry) loaded.delete(path);
    return undefined;
  }
}

/**
 * Reads and compresses every compressible file below `dir` (the widget build) into the cache now, so the
 * first phone after a start or a deploy gets brotli without waiting for it. The server calls it after it
 * listens; it runs off the main thread (zlib's pool). Returns the files, relative to `dir`.
 */
export async function warmStaticFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch {
    return []; // not built: /widget/ answers 404 and the server has said so
  }
  const files = entries
    .filter((e) => e.isFile() && !e.name.startsWith('.') && compressible.has(extname(e.name)))
    .map((e) => join(e.parentPath, e.name));
  await Promise.all(files.map((file) => loadCached(file)));
  return files.map((file) => file.slice(resolve(dir).length + 1)).sort();
}

/**
 * The encoding to send from those `available` (in order of preference) for an `Accept-Encoding`
 * header: the one with the highest q-value above 0 (`*` stands for any coding not listed), the
 * first available on a tie; `undefined` for identity.
 */
export function chooseEncoding(
  acceptEncoding: string | undefined,
  available: readonly Encoding[],
): Encoding | undefined {
  const q = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [coding = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (!coding) continue;
    const qParam = params.find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(coding === 'x-gzip' ? 'gzip' : coding, Number.isFinite(value) ? value : 0);
  }
  let best: Encoding | undefined;
  let bestQ = 0;
  for (const encoding of available) {
    const value = q.get(encoding) ?? q.get('*') ?? 0;
    if (value > bestQ) [best, bestQ] = [encoding, value];
  }
  return best;
}

/** Whether an `If-None-Match` header names `etag` (weak comparison, as RFC 9110 asks for this header). */
function noneMatch(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * The file as the answer, through the context (so it keeps the request id); `undefined` when there
 * is none. Text compressed as the client accepts (brotli before gzip), each variant with its own
 * strong ETag (`"<hash>"`, `"<hash>-br"`, `"<hash>-gz"`), and 304 without a body when the client
 * already has it. `.br`/`.gz` files are never served by their own URL.
 */
async function serveFile(
  c: Context,
  path: string | undefined,
  headers: Record<string, string>,
): Promise<Response | undefined> {
  if (!path || /\.(br|gz)$/.test(path)) return undefined;
  const file = await loadCached(path);
  if (!file) return undefined;
  const available = (['br', 'gzip'] as const).filter((e) => file[e]);
  const encoding = chooseEncoding(c.req.header('Accept-Encoding'), available);
  const body = (encoding && file[encoding]) || file.identity;
  const etag = `"${file.hash}${encoding === 'br' ? '-br' : encoding === 'gzip' ? '-gz' : ''}"`;
  const common: Record<string, string> = {
    ...headers,
    ETag: etag,
    ...(compressible.has(extname(path)) ? { Vary: 'Accept-Encoding' } : {}),
  };
  if (noneMatch(c.req.header('If-None-Match'), etag)) return c.body(null, 304, common);
  return c.body(body, 200, {
    'Content-Type': types[extname(path)] ?? 'application/octet-stream',
    'Content-Length': String(body.length),
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
    ...common,
  });
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
 * everything else (the entry scripts, the manifest) briefly and then revalidated by ETag. Anything
 * else, or anything outside the folder, is the app's 404.
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

/** A console build file whose name carries Vite's content hash (`chunks/index-D9xIlM5-.js`, `.css`, `.svg`). */
function isHashedConsoleFile(segments: readonly string[]): boolean {
  return segments.length === 2 && segments[0] === 'chunks' && /-[\w-]{8}\.(js|css|svg)$/.test(segments[1] ?? '');
}

/**
 * The console (`console/dist`) at `/console/`, in every mode (the console is the product, not a demo):
 * - its build files, compressed and with ETags like the widget's; the hashed ones cached forever;
 * - `index.html`, with {@link consoleCsp} and revalidated every time, for every other path below
 *   `/console/` (the console routes in the browser: `/console/tenants/dordrecht` is its page), except
 *   paths that look like files (`chunks/…`, a name with an extension), which stay a 404.
 * Same-origin only: nothing here is for other sites.
 */
export function consoleRoutes(consoleDir: string) {
  const page = (c: Context) =>
    serveFile(c, join(consoleDir, 'index.html'), {
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': consoleCsp,
    });
  return new Hono<AppEnv>()
    .get('/console', (c) => c.redirect('/console/', 301))
    .get('/console/*', async (c) => {
      const segments = pathSegments(c.req.path.slice('/console/'.length));
      if (!segments) return c.notFound();
      const last = segments.at(-1) ?? '';
      if (last.endsWith('.html')) return (await page(c)) ?? c.notFound();
      if (segments.length > 0) {
        const res = await serveFile(c, inside(consoleDir, segments), {
          'Cache-Control': isHashedConsoleFile(segments) ? 'public, max-age=31536000, immutable' : 'no-cache',
        });
        if (res) return res;
        if (segments[0] === 'chunks' || /\.\w+$/.test(last)) return c.notFound();
      }
      return (await page(c)) ?? c.notFound();
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

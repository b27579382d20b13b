/// <reference types="node" />
/**
 * What a browser gets on the wire from the console, for the benches under `console/bench/` (`console.ts`,
 * `figures-js.ts`): responses read raw with `node:http` (the bytes as sent, compressed or not, and their
 * headers), the closure of an HTML page or script — its scripts, style sheets and static imports (told
 * from `import()` by es-module-lexer) — and the chunks of source files through Vite's build manifest.
 */
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { parse } from 'es-module-lexer';

export { init as initLexer } from 'es-module-lexer';

export const consoleDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const KB = 1024;

/** One response as it came over the wire. */
export interface Fetched {
  path: string;
  status: number;
  encoding: string;
  contentType: string;
  /** The body's bytes as sent (compressed when the service compressed it). */
  bodyBytes: number;
  /** The status line and headers, as sent. */
  headerBytes: number;
  /** The body decompressed, for following its imports. */
  text: string;
  cacheControl: string;
}

/** GETs `path` with `acceptEncoding`, reading the raw bytes (no decompression on the way). */
export function get(origin: string, path: string, acceptEncoding: string): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${origin}${path}`, { headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const encoding = String(res.headers['content-encoding'] ?? 'identity');
        const plain = encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body;
        const statusLine = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n`;
        let headerBytes = Buffer.byteLength(statusLine) + 2;
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          headerBytes += Buffer.byteLength(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}\r\n`);
        }
        resolve({
          path,
          status: res.statusCode ?? 0,
          encoding,
          contentType: String(res.headers['content-type'] ?? ''),
          bodyBytes: body.length,
          headerBytes,
          text: plain.toString('utf8'),
          cacheControl: String(res.headers['cache-control'] ?? ''),
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** The scripts and style sheets an HTML page names (`<script src>`, `<link rel=stylesheet|modulepreload href>`). */
export function assetsOf(html: string, base: string): string[] {
  const found: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const src = /\b(?:src|href)="([^"]+)"/i.exec(tag)?.[1];
    const isScript = tag.toLowerCase().startsWith('<script');
    const rel = /\brel="([^"]+)"/i.exec(tag)?.[1] ?? '';
    if (src && (isScript || /stylesheet|modulepreload/i.test(rel))) found.push(new URL(src, base).pathname);
  }
  return found;
}

/** The modules a script imports statically (not `import()`), as paths. */
export function staticImportsOf(source: string, base: string): string[] {
  const [imports] = parse(source);
  return imports.flatMap((i) => (i.d === -1 && i.n ? [new URL(i.n, base).pathname] : []));
}

/**
 * Fetches `start` and everything it loads statically, each once (skipping `loaded`), as a browser would:
 * HTML → its scripts and styles → their static imports.
 */
export async function fetchClosure(
  origin: string,
  start: string[],
  acceptEncoding: string,
  loaded: ReadonlySet<string> = new Set(),
): Promise<Fetched[]> {
  const seen = new Set<string>(loaded);
  const queue = start.filter((p) => !seen.has(p));
  const fetched: Fetched[] = [];
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    if (seen.has(path)) continue;
    seen.add(path);
    const res = await get(origin, path, acceptEncoding);
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    fetched.push(res);
    const url = `${origin}${path}`;
    const next = res.contentType.includes('html')
      ? assetsOf(res.text, url)
      : res.contentType.includes('javascript')
        ? staticImportsOf(res.text, url)
        : [];
    queue.push(...next.filter((p) => !seen.has(p)));
  }
  return fetched;
}

export const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
export const isJs = (f: Fetched) => f.contentType.includes('javascript');
export const sum = (files: Fetched[], pick: (f: Fetched) => number) => files.reduce((n, f) => n + pick(f), 0);

export function printFiles(title: string, files: Fetched[]) {
  console.log(title);
  for (const f of files) {
    console.log(
      `  ${f.path.padEnd(46)} ${(f.contentType.split(';')[0] ?? '').padEnd(24)} ${f.encoding.padEnd(8)} ` +
        `body ${kb(f.bodyBytes).padStart(9)} + headers ${kb(f.headerBytes).padStart(7)}  (${f.cacheControl})`,
    );
  }
}

/** Vite's build manifest: which chunk holds which source file. */
export interface ManifestChunk {
  file: string;
  src?: string;
  imports?: string[];
  dynamicImports?: string[];
}

export function readManifest(): Record<string, ManifestChunk> {
  return JSON.parse(readFileSync(join(consoleDir, 'dist/.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
}

/** The chunks of `sources` (their static imports are followed on the wire); a source not in the build throws. */
export function chunkPaths(sources: string[]): string[] {
  const manifest = readManifest();
  return sources.map((source) => {
    const chunk = manifest[source];
    if (!chunk) throw new Error(`No chunk for ${source} in the build manifest`);
    return `/console/${chunk.file}`;
  });
}

/** The sources of `optional` the build has. */
export function inBuild(optional: string[]): string[] {
  const manifest = readManifest();
  return optional.filter((source) => manifest[source]);
}

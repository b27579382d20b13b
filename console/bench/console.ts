/// <reference types="node" />
/**
 * `pnpm bench:console`: the JavaScript of the console's first screen (the sign-in page) — the entry
 * `index.html` loads and every chunk it imports statically, read from the build's `dist/.vite/manifest.json`
 * — raw, gzip (level 9) and brotli (quality 11), each file compressed on its own as the service sends it.
 * Budget (issue 12): ≤ 50 KB gzip (KB = 1024 bytes); it exits 1 when missed. What loads later (the
 * other pages, the account menu and session dialogs with Web Awesome) is printed apart, without a budget.
 *
 * Flags: `--no-build` skips `pnpm build` (of this package).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const consoleDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(consoleDir, 'dist');
const KB = 1024;
const budget = 50 * KB;

/** One entry of Vite's build manifest (keys are source paths relative to the console folder). */
interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

if (!process.argv.includes('--no-build')) execFileSync('pnpm', ['build'], { cwd: consoleDir, stdio: 'inherit' });
const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Record<
  string,
  ManifestChunk
>;

/** The files of `keys` and of everything they import statically, each once. */
function staticClosure(keys: string[], seen = new Set<string>()): Set<string> {
  for (const key of keys) {
    if (seen.has(key)) continue;
    seen.add(key);
    staticClosure(manifest[key]?.imports ?? [], seen);
  }
  return seen;
}

function sizes(files: Iterable<string>) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const bytes = readFileSync(join(distDir, file));
    total.raw += bytes.length;
    total.gzip += gzipSync(bytes, { level: 9 }).length;
    total.brotli += brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
    }).length;
  }
  return total;
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
const first = staticClosure(entries);
const firstFiles = [...first].flatMap((key) => manifest[key]?.file ?? []).filter((file) => file.endsWith('.js'));
const laterFiles = Object.values(manifest)
  .map((chunk) => chunk.file)
  .filter((file) => file.endsWith('.js') && !firstFiles.includes(file));

const firstSize = sizes(firstFiles);
const laterSize = sizes(laterFiles);
console.log(`First screen (sign-in): ${firstFiles.length} files, ${firstFiles.join(', ')}`);
console.log(
  `  raw ${kb(firstSize.raw)}, gzip ${kb(firstSize.gzip)}, brotli ${kb(firstSize.brotli)}; budget ≤ ${kb(budget)} gzip`,
);
console.log(`Loaded later (other pages, account menu, session dialogs): ${laterFiles.length} files`);
console.log(`  raw ${kb(laterSize.raw)}, gzip ${kb(laterSize.gzip)}, brotli ${kb(laterSize.brotli)}`);
const missed = firstSize.gzip > budget || firstSize.brotli > budget;
console.log(missed ? 'FAIL: the first screen is over its budget' : 'OK: the first screen is within its budget');
process.exitCode = missed ? 1 : 0;

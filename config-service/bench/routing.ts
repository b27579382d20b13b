/**
 * `pnpm bench:routing`: point-in-municipality lookups over the 342 municipalities of 2025
 * (`data/nl-gemeenten-2025.geojson`). BENCH_POINTS (default 100,000) points from a seeded PRNG, uniform
 * over the Netherlands' bounding box (lng 3.31–7.23, lat 50.75–53.56), looked up with `AreaIndex.find`
 * (all points, 5 passes, so the clock sees more than a few milliseconds) and with `naiveFind` (every
 * polygon, no index; one pass) — same points, both warmed up first.
 * Budgets: ≥ 100,000 indexed lookups/s and ≥ 20× the naive scan. Prints the figures; exits 1 on a miss.
 */
import { readFileSync } from 'node:fs';
import { AreaIndex } from '../src/areas/area-index.ts';
import { demoAreasFile } from '../src/areas/demo-areas.ts';
import { parseAreaCollection } from '../src/areas/geojson.ts';
import { naiveFind } from '../src/areas/naive-find.ts';

const count = Number(process.env.BENCH_POINTS ?? 100_000);
const seed = Number(process.env.BENCH_SEED ?? 20251);
const budgetPerSecond = 100_000;
const budgetRatio = 20;
const bbox = { west: 3.31, east: 7.23, south: 50.75, north: 53.56 };

/** mulberry32: a small, fast, seeded PRNG, so every run looks up the same points. */
function mulberry32(state: number): () => number {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const random = mulberry32(seed);
const points = new Float64Array(count * 2);
for (let i = 0; i < count; i++) {
  points[2 * i] = bbox.west + random() * (bbox.east - bbox.west);
  points[2 * i + 1] = bbox.south + random() * (bbox.north - bbox.south);
}

const features = parseAreaCollection(JSON.parse(readFileSync(demoAreasFile, 'utf8')), {
  codeProperty: 'statcode',
  nameProperty: 'statnaam',
});
const parts = features.reduce((n, f) => n + f.geometry.length, 0);
const positions = features.reduce((n, f) => n + f.geometry.flat(2).length, 0);
const buildStart = performance.now();
const index = AreaIndex.build(features);
const buildMs = performance.now() - buildStart;

const lngAt = (i: number) => points[2 * i] ?? Number.NaN;
const latAt = (i: number) => points[2 * i + 1] ?? Number.NaN;

/** Looks up points [from, to) and returns how many lie in (or, indexed, near) an area. */
type Lookup = (lng: number, lat: number) => unknown;
function run(lookup: Lookup, from: number, to: number): number {
  let hits = 0;
  for (let i = from; i < to; i++) if (lookup(lngAt(i), latAt(i)) !== undefined) hits++;
  return hits;
}
function measure(lookup: Lookup, passes: number): { perSecond: number; seconds: number; hits: number } {
  run(lookup, 0, Math.min(count, 20_000)); // warm-up: let the JIT settle
  const t0 = performance.now();
  let hits = 0;
  for (let pass = 0; pass < passes; pass++) hits = run(lookup, 0, count);
  const seconds = (performance.now() - t0) / 1000;
  return { perSecond: (passes * count) / seconds, seconds, hits };
}

const indexed = measure((lng, lat) => index.find(lng, lat), 5);
const naive = measure((lng, lat) => naiveFind(features, lng, lat), 1);
const ratio = indexed.perSecond / naive.perSecond;

// Where both find an area they must agree; the index may add points within its tolerance of a boundary.
let disagreements = 0;
for (let i = 0; i < count; i++) {
  const reference = naiveFind(features, lngAt(i), latAt(i));
  if (reference && index.find(lngAt(i), latAt(i))?.code !== reference.code) disagreements++;
}

const n = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const share = (hits: number) => `${n(hits)} (${n((100 * hits) / count, 1)} %)`;
const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
const speedOk = indexed.perSecond >= budgetPerSecond;
const ratioOk = ratio >= budgetRatio;

console.log('Meldpunt routing benchmark: which municipality is this point in?\n');
console.log(`  areas          ${features.length} municipalities, ${parts} polygon parts, ${n(positions)} positions`);
console.log(`  index build    ${buildMs.toFixed(1)} ms`);
console.log(
  `  points         ${n(count)} uniform in lng ${bbox.west}–${bbox.east}, lat ${bbox.south}–${bbox.north} (seed ${seed})\n`,
);
console.log('                     lookups/s      time   points in an area       budget');
console.log(
  `  AreaIndex.find  ${n(indexed.perSecond).padStart(12)} ${indexed.seconds.toFixed(2).padStart(8)} s   ${share(indexed.hits).padEnd(22)}  ≥ ${n(budgetPerSecond)}/s  ${verdict(speedOk)}`,
);
console.log(
  `  naiveFind       ${n(naive.perSecond).padStart(12)} ${naive.seconds.toFixed(2).padStart(8)} s   ${share(naive.hits).padEnd(22)}`,
);
console.log(
  `  speed-up        ${`${n(ratio, 1)}×`.padStart(12)} ${''.padStart(35)}  ≥ ${budgetRatio}×        ${verdict(ratioOk)}`,
);
console.log(
  `\n  the index adds ${n(indexed.hits - naive.hits)} points within ${index.toleranceMeters} m of a boundary; disagreements where both find an area: ${disagreements}`,
);
process.exit(speedOk && ratioOk && disagreements === 0 ? 0 : 1);

/**
 * `pnpm bench:proof` (issue 16): how long a reporter's browser takes to solve the proof of work every
 * report carries — in Chromium with 4× CPU throttling (a slow phone), against the budget of one second at
 * the default difficulty, with the unthrottled figures and the flood difficulty (×10) beside it.
 *
 * Challenges are made in Node exactly as the service makes them (`config-service/src/proof/proof-of-work.ts`:
 * altcha-lib v2, SHA-256, cost 1, the counter drawn by the service from 0…maxNumber), with the counter at
 * its worst (maxNumber − 1) and drawn at random. The page solves them with the widget's own code path:
 * altcha-lib's `solveChallenge` with its WebCrypto key function, loaded as ES modules from the package on
 * loopback. Exits 1 when the worst case at the default difficulty takes a second or more.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createChallenge, randomInt, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import puppeteer, { type Page } from 'puppeteer-core';
import { chromiumLaunchOptions } from '@meldpunt/test-support/chromium';
import { defaultDifficulty } from '../../config-service/src/proof/difficulty.ts';

const budgetMs = 1000;
const throttling = 4;
const runs = 15;

/** altcha-lib's ES modules (`dist/esm`, entry `v2/index.js`), served on loopback so the page imports them as the widget does. */
const altchaRoot = dirname(dirname(fileURLToPath(import.meta.resolve('altcha-lib'))));
const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  if (path === '/') {
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>proof</title>');
    return;
  }
  try {
    const body = await readFile(join(altchaRoot, path));
    res.writeHead(200, { 'content-type': 'text/javascript' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

/** A challenge as the service makes it, its counter given. */
function challenge(counter: number): Promise<Challenge> {
  return createChallenge({
    algorithm: 'SHA-256',
    cost: 1,
    counter,
    deriveKey,
    expiresAt: Math.floor(Date.now() / 1000) + 300,
    hmacSignatureSecret: 'bench-challenge-key',
    hmacKeySignatureSecret: 'bench-solution-key',
  });
}

/** Milliseconds the page takes to solve each challenge (one after the other, as the widget does). */
async function solveTimes(page: Page, challenges: Challenge[]): Promise<number[]> {
  return page.evaluate(async (list: unknown[]) => {
    const { solveChallenge } = await import(`${location.origin}/v2/index.js`);
    const { deriveKey } = await import(`${location.origin}/v2/algorithms/web/sha.js`);
    const times: number[] = [];
    for (const challenge of list) {
      const started = performance.now();
      const solution = await solveChallenge({ challenge, deriveKey });
      if (!solution) throw new Error('no solution found');
      times.push(performance.now() - started);
    }
    return times;
  }, challenges);
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const row = (label: string, times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  const f = (v: number) => `${v.toFixed(0).padStart(6)} ms`;
  console.log(
    `  ${label.padEnd(44)}${f(percentile(sorted, 50))}${f(percentile(sorted, 95))}${f(sorted.at(-1) ?? NaN)}`,
  );
  return sorted.at(-1) ?? NaN;
};

const browser = await puppeteer.launch(chromiumLaunchOptions());
let exitCode = 0;
try {
  const page = await browser.newPage();
  await page.goto(origin);
  const cdp = await page.createCDPSession();
  const base = defaultDifficulty.baseMaxNumber;
  const flood = base * defaultDifficulty.floodMultiplier;
  console.log(
    `\nMeldpunt proof of work in Chromium (${runs} challenges each; altcha-lib v2, SHA-256; default maxNumber ${base}, flood ${flood})`,
  );
  console.log(`  ${''.padEnd(44)}${'median'.padStart(9)}${'p95'.padStart(9)}${'max'.padStart(9)}`);
  let worstThrottled = NaN;
  for (const rate of [1, throttling]) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const cpu = rate === 1 ? 'no throttling' : `${rate}× CPU throttling`;
    const worst = await Promise.all(Array.from({ length: runs }, () => challenge(base - 1)));
    const random = await Promise.all(Array.from({ length: runs }, () => challenge(randomInt(base, 0))));
    const floodWorst = await Promise.all(Array.from({ length: 5 }, () => challenge(flood - 1)));
    const max = row(`default, worst case, ${cpu}`, await solveTimes(page, worst));
    row(`default, counter at random, ${cpu}`, await solveTimes(page, random));
    row(`flood (×${defaultDifficulty.floodMultiplier}), worst case, ${cpu}`, await solveTimes(page, floodWorst));
    if (rate === throttling) worstThrottled = max;
  }
  const ok = worstThrottled < budgetMs;
  console.log(
    `\n  budget: the default's worst case under ${throttling}× throttling < ${budgetMs} ms — ${worstThrottled.toFixed(0)} ms: ${ok ? 'met' : 'MISSED'}`,
  );
  if (!ok) exitCode = 1;
} finally {
  await browser.close();
  server.close();
}
process.exit(exitCode);

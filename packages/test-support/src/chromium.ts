/**
 * The one way every suite launches a browser: Debian's Chromium (never a downloaded one), headless,
 * with the flags these machines need. The same options serve puppeteer (`puppeteer.launch(…)`) and
 * web-test-runner (`chromeLauncher({ launchOptions: … })`). Node only.
 */
import { existsSync } from 'node:fs';

/**
 * `--no-sandbox`: Chromium refuses to run as root without it. The rest keep it from trying network
 * connections nobody asked for (updates, sync, QUIC), which on these machines only wait and fail.
 */
export const chromiumFlags: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where Chromium is: `CHROME_PATH`, else Debian's `/usr/bin/chromium`; throws how to get it when it is missing. */
export function chromiumPath(): string {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install it with: apt-get install -y chromium (or set CHROME_PATH).`,
    );
  }
  return path;
}

/** Launch options of a headless Chromium with `chromiumFlags` and `extraArgs` (e.g. `--lang=en-US`). */
export function chromiumLaunchOptions(extraArgs: readonly string[] = []): {
  executablePath: string;
  headless: true;
  args: string[];
} {
  return { executablePath: chromiumPath(), headless: true, args: [...chromiumFlags, ...extraArgs] };
}

// Browser tests in Debian's Chromium (never a downloaded browser): `CHROME_PATH` overrides the path.
import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { leafletTestPlugins } from '@meldpunt/ui/build/leaflet';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(
    `Chromium not found at ${executablePath}. Install it with: apt-get install -y chromium (or set CHROME_PATH).`,
  );
  process.exit(1);
}
export default {
  files: ['src/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  // Every limit below only bounds a hang, generously, for a loaded machine (CI shares its cores). Mocha's
  // per-test timeout is above `patience` (src/test-support/wait.ts), so a wait that never ends fails
  // with its own message first.
  testFramework: { config: { timeout: 60_000 } },
  browserStartTimeout: 120_000,
  testsStartTimeout: 120_000,
  testsFinishTimeout: 600_000,
  plugins: [...leafletTestPlugins(), esbuildPlugin({ ts: true, target: 'es2021', tsconfig: 'tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      },
    }),
  ],
};

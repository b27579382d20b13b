// Browser tests of the design system in Debian's Chromium (never a downloaded browser): `CHROME_PATH`
// overrides the path. The launcher is the widget's (widget/web-test-runner.config.js), until the
// Chromium flags live in one module.
import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { leafletTestPlugins } from './build/leaflet.js';

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
  // Limits only bound a hang, generously, for a loaded machine (CI shares its cores).
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

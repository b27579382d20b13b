// Browser tests in Debian's Chromium (never a downloaded browser), launched as every suite launches it
// (@meldpunt/test-support/chromium): `CHROME_PATH` overrides the path.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumLaunchOptions } from '@meldpunt/test-support/chromium';
import { leafletTestPlugins } from '@meldpunt/ui/build/leaflet';

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
  browsers: [chromeLauncher({ launchOptions: chromiumLaunchOptions() })],
};

/**
 * The one web-test-runner setup of every package with browser tests (the widget, `packages/ui`, later
 * the console): TypeScript through esbuild, Node resolution, Debian's Chromium (`./chromium`), and limits
 * that only bound a hang, generously, for a loaded machine (CI shares its cores). Mocha's per-test
 * timeout is above the tests' own patience (`widget/src/test-support/wait.ts`), so a wait that never ends
 * fails with its own message first. Node only.
 */
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import type { TestRunnerConfig, TestRunnerPlugin } from '@web/test-runner';
import { chromiumLaunchOptions } from './chromium.ts';

/** A package's browser-test config: its `*.test.ts` under `src/`, with its own plugins before esbuild. */
export function browserTestConfig(plugins: TestRunnerPlugin[] = []): TestRunnerConfig {
  return {
    files: ['src/**/*.test.ts'],
    nodeResolve: true,
    concurrency: 2,
    testFramework: { config: { timeout: 60_000 } },
    browserStartTimeout: 120_000,
    testsStartTimeout: 120_000,
    testsFinishTimeout: 600_000,
    plugins: [...plugins, esbuildPlugin({ ts: true, target: 'es2021', tsconfig: 'tsconfig.json' })],
    browsers: [chromeLauncher({ launchOptions: chromiumLaunchOptions() })],
  };
}

// Browser tests in Debian's Chromium, set up as every package's browser tests are
// (@meldpunt/test-support/web-test-runner). The API is faked per test (src/test-support/fake-api.ts).
import { browserTestConfig } from '@meldpunt/test-support/web-test-runner';
import { leafletTestPlugins } from '@meldpunt/ui/build/leaflet';

export default {
  // Leaflet patched as in the build: the map section and the preview's widget (its Where step) use it.
  ...browserTestConfig(leafletTestPlugins()),
  // The `browser` export condition, as Vite resolves it: Web Awesome's dropdown uses `nanoid`, whose
  // default build imports Node's `crypto`.
  nodeResolve: { exportConditions: ['browser'] },
  // One test file at a time: the console keeps the chosen language in localStorage, which every page
  // of the test server's origin shares, so a file switching to English changed the language of the
  // file running beside it (its Dutch texts never came, and its waits ran out).
  concurrency: 1,
};

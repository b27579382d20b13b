// Browser tests in Debian's Chromium (never a downloaded browser; `CHROME_PATH` overrides the path), set up
// as every package's browser tests are (@meldpunt/test-support/web-test-runner), with Leaflet patched as in
// the build.
import { browserTestConfig } from '@meldpunt/test-support/web-test-runner';
import { leafletTestPlugins } from '@meldpunt/ui/build/leaflet';

export default browserTestConfig(leafletTestPlugins());

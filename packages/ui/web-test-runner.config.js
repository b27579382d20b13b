// Browser tests of the design system in Debian's Chromium (never a downloaded browser; `CHROME_PATH`
// overrides the path), set up as every package's browser tests are (@meldpunt/test-support/web-test-runner).
import { browserTestConfig } from '@meldpunt/test-support/web-test-runner';
import { leafletTestPlugins } from './build/leaflet.js';

export default browserTestConfig(leafletTestPlugins());

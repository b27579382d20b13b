/**
 * The console's entry (`index.html` loads it): Web Awesome's base theme (our tokens override its colours,
 * font and focus ring: `styles/theme.ts`) and `<meldpunt-console>`.
 */
import '@awesome.me/webawesome/dist/styles/themes/default.css';
import './meldpunt-console.ts';

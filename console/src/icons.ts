/**
 * Web Awesome's icon libraries pointed at our own sprite (`styles/icons.svg`). Left alone, `<wa-icon>`
 * fetches icons from Font Awesome's CDN (another origin, blocked by our CSP, and a request that tells a
 * third party who uses the console) and parses them with `innerHTML` (refused under Trusted Types). As a
 * sprite sheet it draws `<svg><use href="…#name">` through Lit: same origin, no HTML parsed.
 */
import { registerIconLibrary } from '@awesome.me/webawesome/dist/components/icon/library.js';

const sprite = new URL('./styles/icons.svg', import.meta.url).href;

for (const name of ['system', 'default']) {
  registerIconLibrary(name, { resolver: (icon) => `${sprite}#${encodeURIComponent(icon)}`, spriteSheet: true });
}

/**
 * Entry of the classic-script build (`meldpunt-widget.classic.js`), for a CMS that cannot add
 * `type="module"`: a loader of a few hundred bytes that imports the module build (`meldpunt-widget.js`)
 * from its own folder, with the same query (a cache buster stays one). Both builds are then the same code
 * and the same cached chunks, and the phone downloads no second copy. Defines no global.
 *
 * Loaded after the element was defined (the module build or another snippet ran first), it warns and
 * loads nothing, as `define()` does for a second copy.
 */
const script = document.currentScript as HTMLScriptElement | null;
if (customElements.get('meldpunt-widget')) {
  console.warn('<meldpunt-widget> is already defined; this copy of the Meldpunt script is not used.');
} else if (script?.src) {
  const entry = new URL('meldpunt-widget.js', script.src);
  entry.search = new URL(script.src).search;
  import(entry.href).catch((error: unknown) => console.error('Meldpunt: the widget could not be loaded', error));
}

import { defineConfig, type Plugin } from 'vite';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { leafletPlugin as leaflet } from '@meldpunt/ui/build/leaflet';

/**
 * The console's build: `dist/index.html` (served by the service for every `/console/*` path that is not a
 * file), the entry and its chunks under `dist/chunks/` with a content hash in their names (cached forever),
 * and `manifest.json`, which tells the bench which files the first screen loads. The base is `/console/`:
 * the service serves it there, in every mode. Nothing inline (the page's CSP has no `'unsafe-inline'`), so
 * Vite's module-preload polyfill is off: it is an inline script, and every browser we support preloads.
 */
export default defineConfig({
  base: '/console/',
  // Leaflet patched for Trusted Types (the console's CSP requires them), for the map section and the
  // preview's widget (`@meldpunt/widget`, bundled), whose templates are minified like the console's.
  plugins: [
    leaflet(),
    minifyTemplateLiterals({
      include: ['src/**/*.ts', '../packages/ui/src/**/*.ts', '../widget/src/**/*.ts'],
    }) as Plugin,
  ],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    assetsDir: 'chunks',
    // The icon sprite stays a file: `<use href>` does not take a data: URL.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rollupOptions: {
      output: {
        entryFileNames: 'chunks/[name]-[hash].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'chunks/[name]-[hash][extname]',
      },
    },
  },
});

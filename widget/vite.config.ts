import { defineConfig, type Plugin } from 'vite';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { leafletEsmPath, patchLeaflet } from './build/leaflet.js';

/** Leaflet's ES build, patched to load under Trusted Types (see build/leaflet.js). */
export function leaflet(): Plugin {
  return {
    name: 'meldpunt-leaflet',
    enforce: 'pre',
    resolveId: (source) => (source === 'leaflet' ? leafletEsmPath : undefined),
    transform: (code, id) => (id === leafletEsmPath ? patchLeaflet(code) : undefined),
  };
}

/**
 * The ES-module build a page loads with `<script type="module">`: `dist/meldpunt-widget.js` plus
 * code-split chunks beside it (the map and Leaflet load only when the Where step opens).
 * `manifest.json` tells the widget benchmark which files are initial and which are the map's.
 */
export default defineConfig({
  // Lit's html`` and css`` templates keep their whitespace through the minifier; this removes it.
  plugins: [leaflet(), minifyTemplateLiterals({ include: ['src/**/*.ts'] }) as Plugin],
  build: {
    target: 'es2021',
    minify: true,
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    lib: {
      entry: 'src/meldpunt-widget.ts',
      formats: ['es'],
      fileName: () => 'meldpunt-widget.js',
    },
    rollupOptions: {
      // Vite leaves ES library builds unminified; a page loads this one as-is, so minify it.
      output: { chunkFileNames: 'chunks/[name]-[hash].js', minify: true },
    },
  },
});

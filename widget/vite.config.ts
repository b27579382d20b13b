import { defineConfig, type Plugin } from 'vite';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { leafletPlugin as leaflet } from '@meldpunt/ui/build/leaflet';

/** Lit's html`` and css`` templates keep their whitespace through the minifier; this removes it. */
export function minifyTemplates(): Plugin {
  return minifyTemplateLiterals({ include: ['src/**/*.ts', '../packages/ui/src/**/*.ts'] }) as Plugin;
}

/**
 * The ES-module build a page loads with `<script type="module">`: `dist/meldpunt-widget.js` plus
 * code-split chunks beside it (the map and Leaflet load only when the Where step opens).
 * `manifest.json` tells the widget benchmark which files are initial and which are the map's.
 */
export default defineConfig({
  plugins: [leaflet(), minifyTemplates()],
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
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
        // Vite leaves ES library builds unminified; a page loads this one as-is, so minify it.
        minify: true,
        // Everything the first step needs in ONE chunk (Lit, i18next, the element), behind an entry that
        // only imports it. Left to itself the bundler splits what the lazy chunks share with it (Lit, the
        // step helpers) into small chunks of their own, each one more file to fetch and compress.
        // Lazy chunks import this chunk, never the entry, so `meldpunt-widget.js?v=2` loads no copy.
        codeSplitting: { groups: [{ name: 'widget', tags: ['$initial'] }] },
      },
    },
  },
});

import { defineConfig } from 'vite';
import { leafletPlugin as leaflet } from '@meldpunt/ui/build/leaflet';
import { minifyTemplates } from './vite.config.ts';

/**
 * The classic-script build for CMSs that cannot add `type="module"`: one self-contained file,
 * `dist/meldpunt-widget.classic.js`, that defines no global besides the element.
 */
export default defineConfig({
  plugins: [leaflet(), minifyTemplates()],
  // No `import.meta` in a classic script: the API origin comes from `document.currentScript`.
  define: { 'import.meta.url': 'undefined' },
  build: {
    target: 'es2021',
    minify: true,
    outDir: 'dist',
    emptyOutDir: false,
    lib: {
      entry: 'src/classic.ts',
      formats: ['iife'],
      name: 'unusedMeldpuntGlobal',
      fileName: () => 'meldpunt-widget.classic.js',
    },
    rollupOptions: { output: { minify: true } },
  },
});

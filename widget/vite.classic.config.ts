import { defineConfig } from 'vite';

/**
 * The classic-script build for CMSs that cannot add `type="module"`: `dist/meldpunt-widget.classic.js`, a
 * small loader that imports the ES-module build beside it (see `src/classic.ts`). Built after the module
 * build, into the same folder.
 */
export default defineConfig({
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

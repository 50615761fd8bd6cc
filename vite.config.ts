import { defineConfig } from 'vite'

// Bundles the deck's runtime (reveal.js, its notes plugin, our interface text, base CSS and fonts) once,
// into assets/runtime/. `diapo build` then only copies these files: nothing is bundled per deck.
export default defineConfig({
  logLevel: 'warn',
  build: {
    outDir: 'assets/runtime',
    emptyOutDir: true,
    target: 'es2020',
    // Fonts are inlined into the CSS: one file, and no font request that a file:// page could refuse.
    assetsInlineLimit: () => true,
    lib: {
      entry: 'runtime/deck.ts',
      formats: ['iife'],
      name: 'Diapo',
      fileName: () => 'diapo.js',
      cssFileName: 'diapo',
    },
  },
})

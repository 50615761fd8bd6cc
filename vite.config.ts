import { defineConfig, type UserConfig } from 'vite'

// Two uses of Vite, one file:
// - `vite build` (`npm run compile`) bundles the deck's runtime (reveal.js, its notes plugin, our interface
//   text, base CSS and fonts) once, into assets/runtime/. `diapo build` then only copies these files.
// - `diapo dev` loads this file (command `serve`) and adds its `diapo:deck` plugin (src/bundle/deck-plugin.ts),
//   which serves the deck as `diapo build` writes it and reloads the page when a source changes.

/** The runtime bundle: an IIFE, because modules do not load from file:// pages. */
export const RUNTIME_BUILD: UserConfig = {
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
}

/**
 * The dev server of `diapo dev`: local only, the next free port when the asked one is taken, no
 * dependency pre-bundling (the runtime is served already bundled, never transformed per reload).
 * `root`, `port` and the deck plugin are added by the command.
 */
export const DEV_SERVER: UserConfig = {
  logLevel: 'warn',
  clearScreen: false,
  appType: 'custom',
  publicDir: false,
  server: {
    host: '127.0.0.1',
    port: 1948,
    strictPort: false,
    hmr: { overlay: true },
    watch: { ignored: ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/.diapo-tmp-*/**'] },
  },
  optimizeDeps: { noDiscovery: true, include: [] },
}

export default defineConfig(({ command }) => (command === 'build' ? RUNTIME_BUILD : DEV_SERVER))

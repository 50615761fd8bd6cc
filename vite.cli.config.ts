import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { defineConfig, type Plugin } from 'vite'

// Bundles the compiled CLI (lib/cli.js, from tsc) with the dependencies of the plain build path into
// lib/diapo.js, which bin/diapo.js runs. Node 20 has no module compile cache, and resolving, reading and
// compiling the ~150 files of commander, yaml, marked and handlebars one by one cost about 100 ms of CPU per
// `diapo build` (measured with `npm run bench -- html`): a quarter of building the default deck.
// Everything else (puppeteer-core, vite, any dependency added later) stays an ordinary import from
// node_modules, and code only some commands need stays in chunks loaded by `await import()`.
// zod: every build checks the front matter with `zod/mini` (profiles and the catalogue use it too): bundled,
// its core costs a plain build ~0-2 %, where loading zod from node_modules cost ~20 %.
const LIB = fileURLToPath(new URL('./lib/', import.meta.url))
const BUNDLED = ['commander', 'yaml', 'marked', 'handlebars', 'picocolors', 'highlight.js', 'zod']

export default defineConfig({
  logLevel: 'warn',
  publicDir: false,
  plugins: [keepModuleUrls()],
  ssr: { noExternal: BUNDLED, target: 'node' },
  build: {
    ssr: path.join(LIB, 'cli.js'),
    outDir: LIB,
    emptyOutDir: false,
    target: 'node20',
    minify: false,
    reportCompressedSize: false,
    rollupOptions: {
      output: {
        format: 'es',
        entryFileNames: 'diapo.js',
        chunkFileNames: 'diapo-[name].js',
        // highlight.js and its languages load together, only for decks with code: one file, not thirteen.
        manualChunks: (id) => (/[\\/]highlight\.js[\\/]|[\\/]render[\\/]highlight\.js$/.test(id) ? 'highlight' : undefined),
      },
    },
  },
})

/**
 * Bundled chunks sit in lib/, not where each module was compiled: `import.meta.url` (and `dirname`,
 * `filename`) in a module of lib/ are rewritten to its original place, so paths built from them
 * (PACKAGE_ROOT, templates, themes) stay right.
 */
function keepModuleUrls(): Plugin {
  return {
    name: 'diapo:keep-module-urls',
    transform(code, id) {
      const file = id.split('?')[0]!
      if (!file.startsWith(LIB) || !code.includes('import.meta.')) return null
      const rel = `./${path.relative(LIB, file).split(path.sep).join('/')}`
      const url = `new URL(${JSON.stringify(rel)}, import.meta.url)`
      const out = code
        .replace(/\bimport\.meta\.url\b/g, `${url}.href`)
        .replace(/\bimport\.meta\.filename\b/g, `__diapoFileURLToPath(${url})`)
        .replace(/\bimport\.meta\.dirname\b/g, `__diapoDirname(__diapoFileURLToPath(${url}))`)
      if (out === code) return null
      const helpers =
        "import { fileURLToPath as __diapoFileURLToPath } from 'node:url'\nimport { dirname as __diapoDirname } from 'node:path'\n"
      return { code: helpers + out, map: null }
    },
  }
}

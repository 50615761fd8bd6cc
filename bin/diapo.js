#!/usr/bin/env node
// Thin launcher: the CLI is compiled from src/ into lib/ by `npm run compile` (run on `npm install`), which
// also bundles it with its light dependencies into lib/diapo.js, loaded ~100 ms faster than lib/ file by file
// (see vite.cli.config.ts). If lib/ was compiled again since (tsc alone), the bundle is stale: run lib/.
import { statSync } from 'node:fs'

// Ctrl-C or SIGTERM while the CLI is still loading: one line, not silence (see src/interrupt.ts).
const { exitOnSignals } = await import(new URL('../lib/interrupt.js', import.meta.url).href)
exitOnSignals()

const lib = new URL('../lib/', import.meta.url)
const bundle = new URL('diapo.js', lib)
const unbundled = new URL('cli.js', lib)
const mtime = (url) => statSync(url, { throwIfNoEntry: false })?.mtimeMs ?? -1
const { main } = await import((mtime(bundle) >= mtime(unbundled) ? bundle : unbundled).href)

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})

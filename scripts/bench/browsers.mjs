// Browsers part of the bench (issue 9, "Speed"), whole processes, interleaved:
// - slides.pdf of the photo deck (tests/fixtures/decks/photos: JPEG, PNG, WebP, GIF, a 1920×1080
//   background) beside the same deck with SVGs of the same sizes in place of the photos, with each
//   browser of the machine (the full Chromium, its headless shell, the embedded one). Target ≤ 1.5×.
// - `diapo pdf` of the photo deck with the embedded browser never unpacked (an empty cache folder each
//   run) beside the installed headless shell: at most 5 s more; and with it unpacked: at most 1.2×.
//
//   node scripts/bench.mjs browsers      BENCH_RUNS=N timed runs (default 5; 3 for the first unpack)
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { DIAPO_BIN, report, ROOT, timeRuns } from './lib.mjs'

const RUNS = Number(process.env.BENCH_RUNS) || 5
const FIRST_RUNS = Number(process.env.BENCH_RUNS) || 3
const PHOTOS = path.join(ROOT, 'tests', 'fixtures', 'decks', 'photos')
const SHELL = '/usr/bin/chromium-headless-shell'

export default async function run() {
  const lib = (file) => import(pathToFileURL(path.join(ROOT, 'lib', 'export', file)).href)
  const [{ findInstalledBrowsers }, { findEmbeddedBrowser, unpackEmbeddedBrowser }] = await Promise.all([
    lib('browser.js'),
    lib('embedded.js'),
  ])
  const embedded = await findEmbeddedBrowser()
  const browsers = Object.fromEntries((await findInstalledBrowsers()).map((p) => [path.basename(p), p]))
  if (embedded) browsers.embedded = await unpackEmbeddedBrowser(embedded)
  console.log(
    `browsers: ${Object.entries(browsers)
      .map(([n, p]) => `${n} (${p})`)
      .join(', ')}`,
  )
  const work = await mkdtemp(path.join(os.tmpdir(), 'diapo-bench-browsers-'))
  try {
    const svgDeck = await svgTwin(path.join(work, 'svg-deck'))
    const script = path.join(work, 'slides-pdf.mjs')
    await writeFile(script, SLIDES_ONLY)
    const slidesPdf = (browser, deck, out) => ({
      cmd: process.execPath,
      args: [script, ROOT, deck, path.join(work, out), browser],
      env: { CI: '1' },
    })
    const rows = []
    for (const [name, browser] of Object.entries(browsers)) {
      const t = await timeRuns(
        `slides.pdf with ${name}`,
        { photos: slidesPdf(browser, PHOTOS, `photos-${name}`), svg: slidesPdf(browser, svgDeck, `svg-${name}`) },
        { runs: RUNS, warmup: 1 },
      )
      rows.push({ what: `photos/SVG slides.pdf, ${name}`, ratio: t.photos / t.svg, target: 1.5 })
    }
    if (embedded && browsers[path.basename(SHELL)]) rows.push(...(await benchEmbedded(work)))
    report(rows)
    return rows
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

// --- internal ---

/** `diapo pdf` of the photo deck: the embedded browser first unpacked, then already unpacked, beside the shell. */
async function benchEmbedded(work) {
  const pdf = (browser, out, env = {}) => ({
    cmd: process.execPath,
    args: [DIAPO_BIN, 'pdf', PHOTOS, '--out', path.join(work, out), '--browser-path', browser],
    env: { CI: '1', ...env },
  })
  let fresh = 0
  const first = await timeRuns(
    'diapo pdf, photo deck: embedded browser never unpacked (empty cache) vs headless shell',
    {
      shell: pdf(SHELL, 'first-shell'),
      'embedded, first run': async () => {
        const cache = path.join(work, `cache-${++fresh}`)
        return { ...pdf('embedded', 'first-embedded', { DIAPO_CACHE_DIR: cache }) }
      },
    },
    { runs: FIRST_RUNS },
  )
  const later = await timeRuns(
    'diapo pdf, photo deck: embedded browser already unpacked vs headless shell',
    { shell: pdf(SHELL, 'later-shell'), embedded: pdf('embedded', 'later-embedded') },
    { runs: RUNS, warmup: 1 },
  )
  console.log(`  first run costs ${((first['embedded, first run'] - first.shell) / 1000).toFixed(2)} s more than the shell`)
  return [
    { what: 'embedded first run − shell, in s (target ≤ 5)', ratio: (first['embedded, first run'] - first.shell) / 1000, target: 5 },
    { what: 'embedded later runs/shell', ratio: later.embedded / later.shell, target: 1.2 },
  ]
}

/** The photo deck with an SVG of the same size in place of each photo (a gradient, no raster). */
async function svgTwin(dir) {
  await cp(PHOTOS, dir, { recursive: true })
  const images = path.join(dir, 'images')
  const sizes = {
    'atelier.jpg': [1200, 800],
    'salle.png': [480, 320],
    'velo.webp': [640, 360],
    'carte.gif': [240, 160],
    'fond.jpg': [1920, 1080],
    'texture.jpg': [640, 400],
  }
  let markdown = await readFile(path.join(dir, 'slides.md'), 'utf8')
  for (const file of await readdir(images)) {
    const size = sizes[file]
    if (!size) continue
    const svg = file.replace(/\.\w+$/, '-photo.svg')
    await writeFile(
      path.join(images, svg),
      `<svg xmlns="http://www.w3.org/2000/svg" width="${size[0]}" height="${size[1]}"><defs><linearGradient id="g"><stop offset="0" stop-color="#e9c46a"/><stop offset="1" stop-color="#264653"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`,
    )
    await rm(path.join(images, file))
    markdown = markdown.replaceAll(`images/${file}`, `images/${svg}`)
  }
  await writeFile(path.join(dir, 'slides.md'), markdown)
  return dir
}

/** slides.pdf only, as `diapo build --pdf` prints it, with the browser given (argv: root, deck, dir, browser). */
const SLIDES_ONLY = `
const [root, deck, dir, executablePath] = process.argv.slice(2)
const { compileDeck } = await import(root + '/lib/compile.js')
const { withBrowser } = await import(root + '/lib/export/session.js')
const { exportPdfs } = await import(root + '/lib/export/pdf.js')
const { writeDeck } = await import(root + '/lib/write.js')
await withBrowser({ executablePath }, async (session) => {
  const compiled = await compileDeck({ cwd: root, deck, withPdf: true })
  await writeDeck(compiled, dir)
  await exportPdfs(session, { dir, compiled, only: ['slides.pdf'] })
})
`

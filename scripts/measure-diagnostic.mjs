#!/usr/bin/env node
// Measures the tools diagnostic table in headless Chromium at 1280×720 and writes what diapo needs to
// split it over slides (data/diagnostic-metrics.json): the room the rows have, a row's height, the
// columns' widths, the width of each character of the font. Run it after changing the table's CSS
// (runtime/base.css, `.diagnostic`) or the default theme's type size:
//
//   npm run compile && node scripts/measure-diagnostic.mjs
//
// The end-to-end tests measure again (measureDiagnostic below) and fail when the file is out of date.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** A profile whose diagnostic is one slide of two rows: one line, then two lines with the badge. */
const PROBE_PROFILE = `name: Mesure
tools:
  - need: Courriel
    current: Excel
    alternatives:
      - { name: A, url: https://a.example.org, kind: service }
      - { name: B, url: https://b.example.org, kind: service }
  - { need: "Un besoin écrit sur deux lignes", current: Inconnu }
`

/** Builds the probe deck in `theme` and measures its diagnostic slide with `browser` (a Puppeteer browser). */
export async function measureDiagnostic(browser, theme = 'default') {
  const [{ compileDeck }, { loadProfile }, { writeDeck }, { measureDiagnosticTable, MEASURED_CHARS }] = await Promise.all([
    import('../lib/compile.js'),
    import('../lib/config/load.js'),
    import('../lib/write.js'),
    import('../lib/render/diagnostic-metrics.js'),
  ])
  const dir = await mkdtemp(path.join(os.tmpdir(), 'diapo-measure-'))
  try {
    await writeFile(path.join(dir, 'mesure.yml'), PROBE_PROFILE)
    const profile = await loadProfile(path.join(dir, 'mesure.yml'), ROOT)
    const compiled = await compileDeck({ cwd: ROOT, deck: 'slides', profile, theme })
    await writeDeck(compiled, path.join(dir, 'out'))
    const page = await browser.newPage()
    try {
      await page.setViewport({ width: 1280, height: 720 })
      await page.goto(pathToFileURL(path.join(dir, 'out', 'index.html')).href, { waitUntil: 'load' })
      await page.waitForFunction(() => window.diapo?.isReady())
      await page.evaluate(() => document.fonts.ready.then(() => undefined))
      await page.evaluate(() => {
        const slides = [...document.querySelectorAll('.reveal .slides > section')]
        window.diapo.slide(slides.findIndex((s) => s.classList.contains('diagnostic')))
      })
      const metrics = await page.evaluate(measureDiagnosticTable, MEASURED_CHARS)
      const rows = await page.$$eval('section.diagnostic.present tbody tr', (trs) => trs.length)
      if (rows !== 2) throw new Error(`the probe's diagnostic has ${rows} rows instead of 2`)
      // The second row must be exactly one line taller than the first: its need wraps once.
      const lineHeight = await page.$eval('section.diagnostic.present td', (td) => parseFloat(getComputedStyle(td).lineHeight))
      if (Math.abs(metrics.lineHeight - lineHeight) > 1)
        throw new Error(`the probe's second row is not two lines high (${metrics.lineHeight} px for lines of ${lineHeight} px)`)
      return metrics
    } finally {
      await page.close()
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { withBrowser } = await import('../lib/export/session.js')
  const { DIAGNOSTIC_METRICS_FILE, MEASURED_THEMES } = await import('../lib/render/diagnostic-metrics.js')
  const all = {}
  await withBrowser({}, async (session) => {
    const browser = await session.browser()
    for (const theme of MEASURED_THEMES) all[theme] = await measureDiagnostic(browser, theme)
  })
  await writeFile(DIAGNOSTIC_METRICS_FILE, `${JSON.stringify(all, null, 1)}\n`)
  for (const [theme, { chars, ...layout }] of Object.entries(all)) {
    console.log(
      `${path.relative(ROOT, DIAGNOSTIC_METRICS_FILE)} ${theme}: ${JSON.stringify(layout)} and ${Object.keys(chars).length} character widths`,
    )
  }
}

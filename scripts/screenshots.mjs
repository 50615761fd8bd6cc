// Screenshots of every slide of a built deck, all fragments shown, as the audience sees them, and a
// contact sheet of them all (ImageMagick's `montage`, when installed). To look at what a change does:
//
//   node bin/diapo.js build --out /tmp/deck && node scripts/screenshots.mjs /tmp/deck /tmp/deck-shots
//   node scripts/screenshots.mjs DECK_DIR OUT_DIR [--width 640]      (pictures resized to that width)
import { execFileSync } from 'node:child_process'
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { closeBrowser, launchBrowser } from '../lib/export/launch.js'

/**
 * Writes `OUT/slide-NN.png` for each slide of the deck built in `deckDir` (its own frame size: 1280×720,
 * or 960×720 for 4:3), then `OUT/sheet.png`. Returns the files written.
 */
export async function screenshotDeck(deckDir, outDir, { width, sheet = true, browser } = {}) {
  await rm(outDir, { recursive: true, force: true })
  await mkdir(outDir, { recursive: true })
  const own = !browser
  browser ??= await launchBrowser()
  const files = []
  try {
    const page = await browser.newPage()
    await page.goto(pathToFileURL(path.join(deckDir, 'index.html')).href, { waitUntil: 'load' })
    await page.waitForFunction(() => window.diapo?.isReady())
    const frame = await page.evaluate(() => ({ width: window.diapo.getConfig().width, height: window.diapo.getConfig().height }))
    await page.setViewport(frame)
    await page.evaluate(async () => {
      await document.fonts.ready
      window.diapo.configure({ transition: 'none', backgroundTransition: 'none', controls: false, progress: false, margin: 0 })
    })
    const slides = await page.evaluate(() => window.diapo.getSlides().map((s) => window.diapo.getIndices(s)))
    for (const [i, { h, v }] of slides.entries()) {
      await page.evaluate(
        (h, v) => {
          window.diapo.slide(h, v ?? 0, Number.MAX_SAFE_INTEGER)
          window.diapo
            .getCurrentSlide()
            .querySelectorAll('.fragment')
            .forEach((f) => f.classList.add('visible'))
        },
        h,
        v,
      )
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
      const file = path.join(outDir, `slide-${String(i + 1).padStart(2, '0')}.png`)
      await page.screenshot({ path: file })
      if (width) execFileSync('convert', [file, '-resize', `${width}x`, '-strip', file])
      files.push(file)
    }
  } finally {
    if (own) await closeBrowser(browser)
  }
  if (sheet && files.length > 0) {
    try {
      execFileSync('montage', [...files, '-tile', '4x', '-geometry', '480x+6+6', '-background', '#777', path.join(outDir, 'sheet.png')])
    } catch {
      // No ImageMagick: the slides' pictures are enough.
    }
  }
  return files
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [deckDir, outDir, ...rest] = process.argv.slice(2)
  if (!deckDir || !outDir) {
    console.error('usage: node scripts/screenshots.mjs DECK_DIR OUT_DIR [--width PX]')
    process.exit(2)
  }
  const w = rest.indexOf('--width')
  const files = await screenshotDeck(deckDir, outDir, { width: w >= 0 ? Number(rest[w + 1]) : undefined })
  console.log(`${files.length} slides → ${outDir}`)
}

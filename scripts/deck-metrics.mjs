// The figures of a built deck's layout (issue 14's "Done when"), measured in headless Chromium with
// `diapo check`'s own measures: slides whose content hugs the top with most of the frame empty, slides
// that show almost nothing, section dividers, distinct layouts, icons and pictures, requests outside
// the deck. The e2e test tests/e2e/layouts.test.ts asserts them on the default deck.
//
//   node bin/diapo.js build --out /tmp/deck && node scripts/deck-metrics.mjs /tmp/deck
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { measureSlides } from '../lib/check/measure.js'
import { closeBrowser, launchBrowser } from '../lib/export/launch.js'

/** The layouts of runtime/layouts.css (and their older names), as a slide's class picks them. */
export const LAYOUTS = {
  'title-slide': 'title-slide',
  'section-title': 'section-title',
  statement: 'statement',
  quote: 'quote',
  'image-left': 'image-left',
  'image-right': 'image-right',
  photo: 'photo',
  cards: 'cards',
  closing: 'closing',
  conclusion: 'closing',
}

/** A slide "hugs the top" when its content starts in the top quarter and ends above this share of the frame. */
export const HUG_BOTTOM = 0.55
/** A slide "shows almost nothing" when the box around its content covers less than this share of the frame. */
export const ALMOST_NOTHING = 0.1

/**
 * Opens the deck built in `dir` (every request outside it blocked and counted) and measures each slide.
 * Returns the per-slide figures and the totals.
 */
export async function measureDeck(dir, { browser } = {}) {
  const own = !browser
  browser ??= await launchBrowser()
  try {
    const page = await browser.newPage()
    const root = pathToFileURL(dir).href.replace(/\/?$/, '/')
    const outside = []
    await page.setRequestInterception(true)
    page.on('request', (request) => {
      const url = request.url()
      const inside = url.startsWith('data:') || url.startsWith('blob:') || decodeURI(url.split(/[?#]/)[0]).startsWith(decodeURI(root))
      if (inside) void request.continue()
      else {
        outside.push(url)
        void request.abort('blockedbyclient')
      }
    })
    await page.goto(pathToFileURL(path.join(dir, 'index.html')).href, { waitUntil: 'load' })
    await page.waitForFunction(() => window.diapo?.isReady())
    const frame = await page.evaluate(() => ({ width: window.diapo.getConfig().width, height: window.diapo.getConfig().height }))
    await page.setViewport(frame)
    await page.evaluate(() => document.fonts.ready.then(() => undefined))
    const measures = await page.evaluate(measureSlides, frame.width)
    const extras = await page.evaluate(() =>
      window.diapo.getSlides().map((s) => ({
        icons: s.querySelectorAll(':scope > :not(aside) svg.icon, :scope > svg.icon').length,
        pictures: [...s.querySelectorAll('img')].filter((img) => !img.closest('aside.notes')).length,
        columns: !!s.querySelector('.columns'),
      })),
    )
    const slides = measures.map((m, i) => {
      const e = m.extent
      const H = m.frame.height
      const W = m.frame.width
      const layouts = m.classes.map((c) => LAYOUTS[c]).filter(Boolean)
      if (extras[i].columns) layouts.push('columns')
      return {
        number: m.number,
        source: m.source,
        layouts,
        hugsTop: !!e && e.top < H / 4 && e.bottom < H * HUG_BOTTOM && !layouts.includes('statement'),
        almostNothing: !e || ((e.right - e.left) * (e.bottom - e.top)) / (W * H) < ALMOST_NOTHING,
        fill: e ? Math.round((((e.right - e.left) * (e.bottom - e.top)) / (W * H)) * 100) / 100 : 0,
        icons: extras[i].icons,
        pictures: extras[i].pictures,
      }
    })
    const distinct = new Set(slides.flatMap((s) => s.layouts))
    return {
      frame,
      slides,
      totals: {
        slides: slides.length,
        hugsTop: slides.filter((s) => s.hugsTop).length,
        almostNothing: slides.filter((s) => s.almostNothing).length,
        dividers: slides.filter((s) => s.layouts.includes('section-title')).length,
        layouts: [...distinct].sort(),
        iconsAndPictures: slides.reduce((n, s) => n + s.icons + s.pictures, 0),
        outside,
      },
    }
  } finally {
    if (own) await closeBrowser(browser)
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2]
  if (!dir) {
    console.error('usage: node scripts/deck-metrics.mjs BUILT_DECK_DIR')
    process.exit(2)
  }
  const { frame, slides, totals } = await measureDeck(path.resolve(dir))
  for (const s of slides) {
    const flags = [s.hugsTop && 'hugs the top', s.almostNothing && 'almost nothing'].filter(Boolean).join(', ')
    console.log(
      `${String(s.number).padStart(3)} ${s.source}  ${s.layouts.join('+') || 'plain'}  fill ${s.fill}  icons ${s.icons}  pictures ${s.pictures}${flags ? `  ← ${flags}` : ''}`,
    )
  }
  console.log(`\nframe ${frame.width}×${frame.height}, ${totals.slides} slides`)
  console.log(`hug the top with most of the frame empty: ${totals.hugsTop} (target ≤ 3)`)
  console.log(`show almost nothing: ${totals.almostNothing} (target 0)`)
  console.log(`section dividers: ${totals.dividers} (target ≥ 5)`)
  console.log(`distinct layouts: ${totals.layouts.length} (target ≥ 6): ${totals.layouts.join(', ')}`)
  console.log(`icons and pictures: ${totals.iconsAndPictures} (target ≥ 8)`)
  console.log(`requests outside the deck: ${totals.outside.length} (target 0)`)
}

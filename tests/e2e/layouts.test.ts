// Layouts, icons and the 4:3 frame, on decks built by the real CLI and measured in real Chromium (each
// of the full browser and the headless shell that is installed), and the figures of the default deck.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'

import type { Browser, Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// @ts-expect-error -- a plain ES module script, shared with `node scripts/deck-metrics.mjs`
import { measureDeck } from '../../scripts/deck-metrics.mjs'
import { contrastRatio, type Rgba } from '../../src/check/contrast.js'
import { pdfInfo } from './pdf-tools.js'
import {
  buildDeck,
  cleanup,
  closeBrowser,
  findBrowser,
  findOverflows,
  launchBrowser,
  openDeck,
  REPO_ROOT,
  runCli,
  tempDir,
} from './helpers.js'

interface DeckMetrics {
  totals: { hugsTop: number; almostNothing: number; dividers: number; layouts: string[]; iconsAndPictures: number; outside: string[] }
  slides: { source: string; hugsTop?: boolean; almostNothing?: boolean }[]
}

const run = promisify(execFile)
const found = await findBrowser()
const BROWSERS = [...new Set(['/usr/bin/chromium', '/usr/bin/chromium-headless-shell'].filter((b) => existsSync(b)))]
if (BROWSERS.length === 0 && found) BROWSERS.push(found)
const LAYOUTS = path.join(REPO_ROOT, 'tests', 'fixtures', 'decks', 'layouts')

interface Box {
  left: number
  top: number
  width: number
  height: number
}

describe.skipIf(!found)('layouts in Chromium', () => {
  const dirs: string[] = []
  let wide: string
  let narrow: string

  beforeAll(async () => {
    wide = (await buildDeck([LAYOUTS, '--pdf'])).dir
    // The same deck in 4:3, from its front matter.
    const source = await tempDir('diapo-43-src-')
    await cp(LAYOUTS, source, { recursive: true })
    const md = path.join(source, 'slides.md')
    await writeFile(md, (await readFile(md, 'utf8')).replace('lang: fr\n', 'lang: fr\naspect: "4:3"\n'))
    narrow = (await buildDeck([source, '--pdf'])).dir
    dirs.push(wide, narrow, source)
  })
  afterAll(() => cleanup(...dirs))

  describe.each(BROWSERS)('with %s', (executablePath) => {
    let browser: Browser
    beforeAll(async () => {
      browser = await launchBrowser({ executablePath })
    })
    afterAll(() => closeBrowser(browser))

    const onSlide = async <T>(dir: string, slide: number, fn: (page: Page) => Promise<T>): Promise<T> => {
      const { page, outside } = await openDeck(browser, dir, `#/${slide - 1}`)
      try {
        const frame = await page.evaluate(() => ({
          width: (window.diapo.getConfig() as { width: number }).width,
          height: (window.diapo.getConfig() as { height: number }).height,
        }))
        await page.setViewport(frame)
        // No margin: the frame is the viewport, and boxes are measured in the frame's own pixels.
        await page.evaluate(() => window.diapo.configure({ margin: 0, transition: 'none' }))
        await page.evaluate((h) => window.diapo.slide(h, 0), slide - 1)
        await page.waitForFunction(
          (h) => window.diapo.getIndices().h === h && window.diapo.getCurrentSlide().classList.contains('present'),
          {},
          slide - 1,
        )
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
        return await fn(page)
      } finally {
        await page.close()
        expect(outside).toEqual([])
      }
    }

    it.each([
      ['16:9', () => wide, 1280],
      ['4:3', () => narrow, 960],
    ])('splits a six-item list in <div class="columns"> three and three (%s)', async (_, dir, width) => {
      const items = await onSlide(dir(), 9, (page) =>
        page.evaluate(() => {
          const frame = window.diapo.getCurrentSlide().getBoundingClientRect()
          return [...window.diapo.getCurrentSlide().querySelectorAll('.columns li')].map((li) => {
            const r = li.getBoundingClientRect()
            return { left: Math.round(r.left - frame.left), top: Math.round(r.top - frame.top), frame: Math.round(frame.width) }
          })
        }),
      )
      expect(items).toHaveLength(6)
      expect(items[0]!.frame).toBe(width)
      const lefts = [...new Set(items.map((i) => i.left))]
      expect(lefts).toHaveLength(2)
      expect(items.filter((i) => i.left === lefts[0])).toHaveLength(3)
      expect(items.filter((i) => i.left === lefts[1])).toHaveLength(3)
      // Side by side: the right column starts on the first row, in the right half.
      expect(items[3]!.top).toBe(items[0]!.top)
      expect(lefts[1]!).toBeGreaterThan(width / 2 - 40)
    })

    it("fills the image's half of the frame beside the text, right or left", async () => {
      for (const [slide, side] of [
        [5, 'right'],
        [6, 'left'],
      ] as const) {
        const { img, text } = await onSlide(wide, slide, (page) =>
          page.evaluate(() => {
            const section = window.diapo.getCurrentSlide()
            const frame = section.getBoundingClientRect()
            const box = (el: Element | null): Box => {
              const r = el!.getBoundingClientRect()
              return { left: r.left - frame.left, top: r.top - frame.top, width: r.width, height: r.height }
            }
            return { img: box(section.querySelector('img')), text: box(section.querySelector('h2')) }
          }),
        )
        expect(img.width).toBeCloseTo(640, 0)
        expect(img.height).toBeCloseTo(720, 0)
        expect(img.top).toBeCloseTo(0, 0)
        expect(img.left).toBeCloseTo(side === 'right' ? 640 : 0, 0)
        // The text stays in the other half.
        if (side === 'right') expect(text.left + text.width).toBeLessThanOrEqual(640)
        else expect(text.left).toBeGreaterThanOrEqual(640)
      }
    })

    it('keeps the text of a photo slide readable over a white photo: its scrim gives at least 4.5:1, measured on the pixels', async () => {
      const { ratio, brightest, photo } = await onSlide(wide, 7, async (page) => {
        const { box, colour, photoSrc } = await page.evaluate(() => {
          const slide = window.diapo.getCurrentSlide()
          const h2 = slide.querySelector('h2')!
          const r = h2.getBoundingClientRect()
          return {
            box: { x: r.x, y: r.y, width: r.width, height: r.height },
            colour: getComputedStyle(h2).color,
            photoSrc: slide.querySelector('img')!.getAttribute('src'),
          }
        })
        // The photo as shown behind the heading, the text hidden.
        await page.evaluate(() =>
          window.diapo
            .getCurrentSlide()
            .querySelectorAll<HTMLElement>(':is(h2, p:not(:has(img)))')
            .forEach((e) => (e.style.visibility = 'hidden')),
        )
        const png = await page.screenshot({ clip: box, encoding: 'base64', captureBeyondViewport: false })
        const pixels = await page.evaluate(async (data) => {
          const img = new Image()
          img.src = `data:image/png;base64,${data}`
          await img.decode()
          const canvas = document.createElement('canvas')
          canvas.width = img.width
          canvas.height = img.height
          const ctx = canvas.getContext('2d')!
          ctx.drawImage(img, 0, 0)
          const d = ctx.getImageData(0, 0, img.width, img.height).data
          let best = [0, 0, 0]
          for (let i = 0; i < d.length; i += 4)
            if (d[i]! + d[i + 1]! + d[i + 2]! > best[0]! + best[1]! + best[2]!) best = [d[i]!, d[i + 1]!, d[i + 2]!]
          return best
        }, png)
        const rgb = (css: string): Rgba => [...css.match(/\d+/g)!.slice(0, 3).map(Number), 1] as Rgba
        return { ratio: contrastRatio(rgb(colour), [...pixels, 1] as Rgba), brightest: pixels, photo: photoSrc }
      })
      expect(photo).toContain('blanc.jpg')
      // The scrim darkens the white photo, and white text keeps its contrast on it.
      expect(Math.max(...brightest)).toBeLessThan(140)
      expect(ratio).toBeGreaterThanOrEqual(4.5)
    })

    it("numbers a section divider and inlines icons drawn in the theme's colour", async () => {
      const divider = await onSlide(wide, 2, (page) =>
        page.evaluate(() => ({
          part: window.diapo.getCurrentSlide().getAttribute('data-part'),
          shown: window.diapo.getCurrentSlide().querySelector('.diapo-part')?.textContent,
          size: parseFloat(getComputedStyle(window.diapo.getCurrentSlide().querySelector('.diapo-part')!).fontSize),
        })),
      )
      expect(divider).toMatchObject({ part: '01', shown: '01' })
      expect(divider.size).toBeGreaterThan(100)
      const icons = await onSlide(wide, 10, (page) =>
        page.evaluate(() => {
          const primary = getComputedStyle(document.documentElement).getPropertyValue('--diapo-primary').trim()
          const probe = document.createElement('span')
          probe.style.color = primary
          document.body.append(probe)
          const expected = getComputedStyle(probe).color
          return [...window.diapo.getCurrentSlide().querySelectorAll<SVGElement>('svg.icon')].map((svg) => ({
            inline: svg.closest('li') !== null,
            stroke: svg.getAttribute('stroke'),
            colour: getComputedStyle(svg).color,
            expected,
            width: svg.getBoundingClientRect().width,
          }))
        }),
      )
      expect(icons).toHaveLength(3)
      for (const icon of icons) {
        expect(icon).toMatchObject({ inline: true, stroke: 'currentColor', colour: icon.expected })
        expect(icon.width).toBeGreaterThan(40)
      }
    })

    it('lays every slide of the 4:3 deck inside its 960×720 frame', async () => {
      const { page, outside } = await openDeck(browser, narrow)
      try {
        await page.setViewport({ width: 960, height: 720 })
        expect(
          await page.evaluate(() => {
            const c = window.diapo.getConfig() as { width: number; height: number }
            return [c.width, c.height]
          }),
        ).toEqual([960, 720])
        expect(await findOverflows(page)).toEqual([])
      } finally {
        await page.close()
      }
      expect(outside).toEqual([])
    })
  })

  it('prints the picture beside the text in slides.pdf as on screen: the text in its half only', async () => {
    const half = async (dir: string, page: number, x: number, width: number) =>
      (
        await run('pdftotext', [
          '-f',
          String(page),
          '-l',
          String(page),
          '-x',
          String(x),
          '-y',
          '0',
          '-W',
          String(width),
          '-H',
          '500',
          path.join(dir, 'slides.pdf'),
          '-',
        ])
      ).stdout.trim()
    // Slide 5 (image-right) on a 960×540 pt page: its text on the left, nothing over the picture (the
    // bottom strip holds the slide number).
    expect(await half(wide, 5, 0, 480)).toContain('Un fichier des jardiniers')
    expect(await half(wide, 5, 480, 480)).toBe('')
    expect(await half(wide, 6, 0, 480)).toBe('')
    expect(await half(wide, 6, 480, 480)).toContain('Une image en hauteur')
  })

  it('prints the 4:3 deck on 4:3 pages: slides.pdf 720×540 pt, a page a slide', async () => {
    const info = await pdfInfo(path.join(narrow, 'slides.pdf'))
    expect(info['Page size']).toMatch(/^720 x 540 pts/)
    expect(info.Pages).toBe('11')
    // The handout still holds three slides a page.
    expect(Number((await pdfInfo(path.join(narrow, 'handout.pdf'))).Pages)).toBeGreaterThanOrEqual(4)
  })

  it('gives the default deck the figures of a designed talk', async () => {
    const { dir } = await buildDeck([])
    dirs.push(dir)
    // scripts/deck-metrics.mjs is plain JavaScript: its result typed here, as far as the test reads it.
    const { totals, slides } = await (measureDeck as (dir: string, options: object) => Promise<DeckMetrics>)(dir, {})
    const where = (flag: 'hugsTop' | 'almostNothing') => slides.filter((s) => s[flag]).map((s) => s.source)
    expect(totals.hugsTop, `hug the top: ${where('hugsTop').join(', ')}`).toBeLessThanOrEqual(3)
    expect(totals.almostNothing, `almost nothing: ${where('almostNothing').join(', ')}`).toBe(0)
    expect(totals.dividers).toBeGreaterThanOrEqual(5)
    expect(totals.layouts.length, totals.layouts.join(', ')).toBeGreaterThanOrEqual(6)
    expect(totals.iconsAndPictures).toBeGreaterThanOrEqual(8)
    expect(totals.outside).toEqual([])
  })
})

describe.skipIf(!found)('icons and layout warnings from the CLI', () => {
  it('stops a build on an unknown icon at its file:line, with the closest names, and keeps the previous output', async () => {
    const dir = await tempDir()
    const out = path.join(dir, 'out')
    try {
      await writeFile(path.join(dir, 'slides.md'), '# Bonjour\n\n- {{icon "lock"}} Sécurité\n')
      expect((await runCli(['build', dir, '--out', out])).code).toBe(0)
      const before = await readFile(path.join(out, 'index.html'), 'utf8')
      await writeFile(path.join(dir, 'slides.md'), '# Bonjour\n\n- {{icon "lock"}} Sécurité\n- {{icon "shield-chek"}} Confiance\n')
      const result = await runCli(['build', dir, '--out', out])
      expect(result.code).toBe(1)
      expect(result.stderr).toContain(`${path.join(dir, 'slides.md')}:4: unknown icon "shield-chek"`)
      expect(result.stderr).toContain('did you mean "shield-check"')
      expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe(before)
      // Only the icon used is in the deck.
      expect(before.match(/<svg class="icon /g)).toHaveLength(1)
    } finally {
      await cleanup(dir)
    }
  })
})

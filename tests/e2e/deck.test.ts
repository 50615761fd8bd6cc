// The default deck (slides/), built by the real CLI and opened from file:// in headless Chromium.
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import type { Browser } from 'puppeteer-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import {
  buildDeck,
  cleanup,
  closeBrowser,
  countSourceSlides,
  type DeckPage,
  findBrowser,
  findOverflows,
  isInside,
  launchBrowser,
  openDeck,
  REPO_ROOT,
  slideIndices,
} from './helpers.js'

const browserPath = await findBrowser()

describe.skipIf(!browserPath)('the default deck in Chromium', () => {
  let browser: Browser
  let dir: string
  let opened: DeckPage[] = []

  const open = async (hash = '') => {
    const deck = await openDeck(browser, dir, hash)
    opened.push(deck)
    return deck
  }

  beforeAll(async () => {
    dir = (await buildDeck()).dir
    browser = await launchBrowser()
  })
  afterEach(async () => {
    // Whatever a test did, no page went outside the deck's folder.
    for (const { page, outside } of opened) {
      expect(outside).toEqual([])
      await page.close()
    }
    opened = []
  })
  afterAll(async () => {
    await closeBrowser(browser)
    await cleanup(dir)
  })

  it('has as many slides as the Markdown sources', async () => {
    const expected = await countSourceSlides()
    const { page } = await open()
    expect(await page.evaluate(() => window.diapo.getTotalSlides())).toBe(expected)
    expect(await page.$$eval('.slides section[data-source]', (s) => s.length)).toBe(expected)
  })

  it('marks each slide with the section named after its file and its source line', async () => {
    const { page } = await open()
    const sections = await page.$$eval('.slides section[data-source]', (all) =>
      all.map((s) => [s.getAttribute('data-section'), s.getAttribute('data-source')] as const),
    )
    const files = (await readdir(path.join(REPO_ROOT, 'slides'))).filter((f) => f.endsWith('.md')).sort()
    expect([...new Set(sections.map(([id]) => id))]).toEqual(files.map((f) => f.replace(/^\d+-/, '').replace(/\.md$/, '')))
    for (const [id, source] of sections) {
      expect(source).toMatch(new RegExp(`^slides/\\d+-${id}\\.md:\\d+$`))
    }
  })

  it('gives every slide speaker notes', async () => {
    const { page } = await open()
    const withoutNotes = await page.evaluate(() =>
      window.diapo
        .getSlides()
        .filter((slide) => !(window.diapo.getSlideNotes(slide) ?? '').replace(/<[^>]+>/g, '').trim())
        .map((slide) => slide.getAttribute('data-source')),
    )
    expect(withoutNotes).toEqual([])
  })

  it('moves with the arrow keys and puts each slide in the URL hash', async () => {
    const { page } = await open()
    expect(await page.evaluate(() => window.diapo.getIndices().h)).toBe(0)
    await page.keyboard.press('ArrowRight')
    await page.waitForFunction(() => window.location.hash === '#/1')
    expect(await page.evaluate(() => window.diapo.getIndices().h)).toBe(1)
    await page.keyboard.press('ArrowRight')
    await page.waitForFunction(() => window.location.hash === '#/2')
    await page.keyboard.press('ArrowLeft')
    await page.waitForFunction(() => window.location.hash === '#/1')
    expect(await page.evaluate(() => window.diapo.getIndices().h)).toBe(1)
  })

  it('opens index.html#/5 on the sixth slide', async () => {
    const { page } = await open('#/5')
    const slides = await slideIndices(page)
    const sixth = slides.find((s) => s.h === 5 && s.v === 0)!
    expect(await page.evaluate(() => window.diapo.getCurrentSlide().getAttribute('data-source'))).toBe(sixth.source)
    expect(await page.evaluate(() => window.diapo.getIndices().h)).toBe(5)
    // Shown on screen, not only current for reveal.js.
    const visible = await page.evaluate(() => {
      const rect = window.diapo.getCurrentSlide().getBoundingClientRect()
      return rect.width > 0 && rect.left >= 0 && rect.right <= window.innerWidth
    })
    expect(visible).toBe(true)
  })

  it('toggles the overview with Esc', async () => {
    const { page } = await open()
    await page.keyboard.press('Escape')
    await page.waitForFunction(() => window.diapo.isOverview())
    expect(await page.$eval('.reveal', (r) => r.classList.contains('overview'))).toBe(true)
    await page.keyboard.press('Escape')
    await page.waitForFunction(() => !window.diapo.isOverview())
  })

  it('shows a help overlay in French on ?', async () => {
    const { page } = await open()
    await page.keyboard.press('?')
    const help = await page.waitForSelector('.diapo-help')
    const text = await help!.evaluate((el) => (el as HTMLElement).innerText)
    expect(text).toContain('Raccourcis clavier')
    for (const action of ['Diapositive suivante', 'Diapositive précédente', 'Vue d’ensemble', 'Vue présentateur', 'Plein écran']) {
      expect(text).toContain(action)
    }
    expect(text).not.toMatch(/Next slide|Keyboard shortcuts/)
    await page.keyboard.press('?')
    await page.waitForFunction(() => !document.querySelector('.diapo-help'))
  })

  it('opens the speaker view from file:// with the current slide notes, in French', async () => {
    const { page } = await open('#/2')
    const expectedNotes = await page.evaluate(() => {
      const html = window.diapo.getSlideNotes() ?? ''
      const div = document.createElement('div')
      div.innerHTML = html
      return div.textContent.trim().split('\n')[0]!.slice(0, 40)
    })
    const opener = page.target()
    await page.keyboard.press('s')
    const target = await browser.waitForTarget((t) => t.opener() === opener, { timeout: 30_000 })
    const speaker = (await target.page())!
    await speaker.waitForFunction(
      (expected) => (document.querySelector('.speaker-controls-notes .value')?.textContent ?? '').includes(expected),
      { timeout: 30_000 },
      expectedNotes,
    )
    const labels = await speaker.evaluate(() => document.body.innerText)
    expect(labels).toContain('À suivre')
    expect(labels).not.toContain('Upcoming')
    expect(await speaker.evaluate(() => document.documentElement.lang)).toBe('fr')
    // The popup and its previews (iframes of the deck) loaded nothing from outside the folder either.
    const loaded: string[] = []
    for (const frame of speaker.frames()) {
      loaded.push(frame.url(), ...(await frame.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))))
    }
    expect(speaker.frames().length).toBeGreaterThan(1)
    expect(loaded.filter((url) => url !== 'about:blank' && !isInside(url, pathToFileURL(dir).href + '/'))).toEqual([])
    // The timer runs.
    await speaker.waitForFunction(() => document.querySelector('.speaker-controls-time .seconds-value')?.textContent !== ':00', {
      timeout: 10_000,
    })
    await speaker.close()
  })

  it('makes no request outside its folder while every slide is shown', async () => {
    const { page, outside } = await open()
    const total = await page.evaluate(() => window.diapo.getTotalSlides())
    for (let i = 1; i < total; i++) {
      await page.evaluate(() => window.diapo.next())
    }
    await new Promise((r) => setTimeout(r, 3000))
    await page.evaluate(() => window.diapo.toggleOverview(true))
    await new Promise((r) => setTimeout(r, 500))
    expect(outside).toEqual([])
  })

  it('never leaves French punctuation after an ordinary space, on slides or in notes', async () => {
    const { page } = await open()
    const breaks = await page.evaluate(() =>
      [...document.querySelectorAll('.slides section[data-source]')].flatMap((section) => {
        const copy = section.cloneNode(true) as HTMLElement
        copy.querySelectorAll('pre, code, kbd, samp').forEach((el) => el.remove())
        return [...(copy.textContent ?? '').matchAll(/.{0,25}(?:[ \t\n][?!;:»]|«[ \t\n]).{0,5}/g)].map(
          (m) => `${section.getAttribute('data-source')}: ${m[0]}`,
        )
      }),
    )
    expect(breaks).toEqual([])
  })

  it('loads its fonts from the bundle', async () => {
    const { page } = await open()
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready
      const faces = [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/["']/g, ''))
      return { faces, check: document.fonts.check('40px "Atkinson Hyperlegible"') }
    })
    expect(fonts.faces).toContain('Atkinson Hyperlegible')
    expect(fonts.check).toBe(true)
    const used = await page.$eval('.reveal h1', (h) => getComputedStyle(h).fontFamily)
    expect(used).toMatch(/^["']?Atkinson Hyperlegible/)
  })

  it('has no slide whose content overflows its 1280×720 frame, fragments shown', async () => {
    const { page } = await open()
    expect(await findOverflows(page)).toEqual([])
  })
})

// What `npm run build` leaves for the volunteers: the page of all decks (sommaire.html) and each deck as one
// file to e-mail, built by the real CLI (generic deck and the example profiles, with PDFs) into a temporary
// folder, then opened from file:// in headless Chromium — the page in every browser of the machine, each
// single file alone in an empty folder.
import { copyFile, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import type { Browser, Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { findTestBrowsers } from './browsers.js'
import { cleanup, closeBrowser, type CliResult, findBrowser, launchBrowser, runCli, tempDir } from './helpers.js'

const browserPath = await findBrowser()
const testBrowsers = browserPath ? await findTestBrowsers() : []

/** The decks `npm run build` writes: the generic one in the folder, each example profile in its own. */
const DECKS = [
  { folder: '', singleFile: 'emancipasso.html', example: false },
  { folder: 'chorale-du-quartier', singleFile: 'chorale-du-quartier.html', example: true },
  { folder: 'jardins-partages', singleFile: 'jardins-partages.html', example: true },
]
const PDFS = ['slides.pdf', 'handout.pdf', 'notes.pdf']
/** The notes plugin's English labels: none may be left in a French speaker view. */
const ENGLISH = ['Upcoming', 'Time', 'Click to Reset', 'Layout', 'Default', 'Wide', 'Tall', 'Notes only', 'Pacing', 'Loading', 'AM', 'PM']

describe.skipIf(!browserPath)('the page of all decks and the single files', () => {
  let dir: string
  let generic: CliResult
  let profiles: CliResult

  beforeAll(async () => {
    dir = await tempDir('diapo-decks-')
    // As `npm run build` does it: the generic deck, then every profile of associations/, into one folder.
    generic = await runCli(['build', '--pdf', '--out', dir])
    profiles = await runCli(['build', '--asso', 'associations', '--pdf', '--out', dir])
    if (generic.code !== 0 || profiles.code !== 0) throw new Error(`build failed:\n${generic.stderr}\n${profiles.stderr}`)
  }, 240_000)

  afterAll(() => cleanup(dir))

  it("lists what it wrote in the build's last lines: the decks, single files, every PDF, the page", () => {
    const lines = (generic.stdout + generic.stderr + profiles.stdout + profiles.stderr).replaceAll(dir, 'DIR')
    for (const deck of DECKS) {
      const folder = deck.folder ? `DIR/${deck.folder}` : 'DIR'
      expect(lines).toContain(`${folder}/index.html`)
      expect(lines).toContain(`${folder}/${deck.singleFile}`)
      for (const pdf of PDFS) expect(lines).toMatch(new RegExp(`${folder}/${pdf} \\(\\d+ p\\.\\)`))
    }
    // Both builds rewrote the page, each with what the folder held.
    expect(lines.match(/DIR\/sommaire\.html/g)).toHaveLength(2)
  })

  for (const { name, executablePath } of testBrowsers) {
    describe(`in ${name}`, () => {
      let browser: Browser
      beforeAll(async () => {
        browser = await launchBrowser({ executablePath })
      }, 60_000)
      afterAll(() => closeBrowser(browser))

      it('links every deck, its single file and its PDFs, all to files that exist; the examples are marked; no request leaves it', async () => {
        const page = await browser.newPage()
        const requests = recordRequests(page)
        await page.goto(pathToFileURL(path.join(dir, 'sommaire.html')).href, { waitUntil: 'load' })
        const listed = await page.evaluate(async () => {
          await document.fonts.ready
          return {
            lang: document.documentElement.lang,
            font: document.fonts.check('20px "Atkinson Hyperlegible"') && [...document.fonts].some((f) => f.status === 'loaded'),
            text: document.body.innerText,
            decks: [...document.querySelectorAll('li.deck')].map((li) => ({
              folder: li.getAttribute('data-folder'),
              example: !!li.querySelector('.badge'),
              links: [...li.querySelectorAll('a')].map((a) => a.href),
            })),
          }
        })
        expect(listed.lang).toBe('fr')
        expect(listed.font).toBe(true)
        expect(listed.text).toContain('Fichier unique à envoyer')
        expect(listed.text).toMatch(/Construit le \d+ \S+ \d{4}/)
        expect(listed.decks.map((d) => d.folder)).toEqual(DECKS.map((d) => d.folder))
        for (const deck of DECKS) {
          const shown = listed.decks.find((d) => d.folder === deck.folder)!
          expect(shown.example).toBe(deck.example)
          const base = pathToFileURL(path.join(dir, deck.folder, 'x')).href.replace(/x$/, '')
          expect(shown.links).toEqual([`${base}index.html`, `${base}${deck.singleFile}`, ...PDFS.map((p) => `${base}${p}`)])
        }
        // Every link leads to a file that is there.
        for (const href of listed.decks.flatMap((d) => d.links)) {
          expect((await stat(decodeURIComponent(new URL(href).pathname))).isFile()).toBe(true)
        }
        expect(requests()).toEqual([])
        await page.close()
      })
    })
  }

  describe('each single file, alone in an empty folder', () => {
    let browser: Browser
    beforeAll(async () => {
      browser = await launchBrowser()
    }, 60_000)
    afterAll(() => closeBrowser(browser))

    it('keeps the default deck under 600 KB', async () => {
      expect((await stat(path.join(dir, 'emancipasso.html'))).size).toBeLessThanOrEqual(600 * 1024)
    })

    for (const deck of DECKS) {
      it(`${deck.folder || 'generic'}: shows every slide with its fonts and images, requests nothing, opens its speaker view in French`, async () => {
        const alone = await tempDir('diapo-alone-')
        try {
          // Renamed, as a mail client may: the file must not depend on its name or its folder.
          const file = path.join(alone, 'piece-jointe.html')
          await copyFile(path.join(dir, deck.folder, deck.singleFile), file)
          const expectedSlides = (
            (await readFile(path.join(dir, deck.folder, 'index.html'), 'utf8')).match(/<section[^>]* data-source="/g) ?? []
          ).length
          const page = await browser.newPage()
          await page.setViewport({ width: 1280, height: 720 })
          const requests = recordRequests(page)
          await page.goto(pathToFileURL(file).href, { waitUntil: 'load' })
          await page.waitForFunction(() => window.diapo?.isReady())
          const shown = await showEverySlide(page)
          expect(shown.count).toBe(expectedSlides)
          expect(shown.problems).toEqual([])
          expect(shown.fonts).toEqual(expect.arrayContaining(['Atkinson Hyperlegible 400', 'Atkinson Hyperlegible 700']))
          await checkSpeakerView(browser, page)
          expect(requests()).toEqual([])
          await page.close()
        } finally {
          await cleanup(alone)
        }
      }, 120_000)
    }
  })

  it('stays complete when the generic deck alone is built again into the folder (it lists what is there)', async () => {
    const before = await readFile(path.join(dir, 'sommaire.html'), 'utf8')
    const again = await runCli(['build', '--out', dir])
    expect(again.code, again.stderr).toBe(0)
    const page = await readFile(path.join(dir, 'sommaire.html'), 'utf8')
    const folders = (html: string) => [...html.matchAll(/<li class="deck[^"]*" data-folder="([^"]*)"/g)].map((m) => m[1])
    expect(folders(page)).toEqual(DECKS.map((d) => d.folder))
    expect(folders(before)).toEqual(folders(page))
    expect(page.match(/href="[^"]+\.pdf"/g)).toHaveLength(9)
  })
})

/** Every request of a page (and of the frames and popups it opens) except its own file:// document and data: URIs. */
function recordRequests(page: Page): () => string[] {
  const seen: string[] = []
  const first = { url: '' }
  page.on('request', (request) => {
    const url = request.url()
    if (!first.url && request.isNavigationRequest()) first.url = url.split('#')[0]!.split('?')[0]!
    if (url.startsWith('data:') || url.split('#')[0]!.split('?')[0] === first.url) return
    seen.push(url)
  })
  return () => seen
}

/** Goes through every slide: each must be shown with a size, its images loaded; returns the fonts loaded. */
async function showEverySlide(page: Page): Promise<{ count: number; problems: string[]; fonts: string[] }> {
  return page.evaluate(async () => {
    const deck = window.diapo
    deck.configure({ transition: 'none', backgroundTransition: 'none' })
    const problems: string[] = []
    const slides = deck.getSlides()
    for (const [i, slide] of slides.entries()) {
      const { h, v } = deck.getIndices(slide)
      deck.slide(h, v)
      await new Promise((r) => requestAnimationFrame(() => r(null)))
      const box = slide.getBoundingClientRect()
      if (deck.getCurrentSlide() !== slide || box.width === 0 || getComputedStyle(slide).display === 'none')
        problems.push(`slide ${i + 1} not shown`)
      for (const img of slide.querySelectorAll('img')) {
        if (!img.complete) await new Promise((r) => img.addEventListener('load', r, { once: true }))
        if (img.naturalWidth === 0) problems.push(`slide ${i + 1}: image ${img.alt} not loaded`)
      }
    }
    await document.fonts.ready
    const fonts = [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family.replace(/["']/g, '')} ${f.weight}`)
    return { count: slides.length, problems, fonts }
  })
}

/** Opens the speaker view (S) on the third slide: notes shown, French labels only, a 24-hour clock, the planned time. */
async function checkSpeakerView(browser: Browser, page: Page): Promise<void> {
  await page.evaluate(() => window.diapo.slide(2))
  const opener = page.target()
  await page.keyboard.press('s')
  const target = await browser.waitForTarget((t) => t.opener() === opener, { timeout: 30_000 })
  const speaker = (await target.page())!
  await speaker.waitForFunction(() => (document.querySelector('.speaker-controls-notes .value')?.textContent ?? '').trim().length > 0, {
    timeout: 30_000,
  })
  await speaker.waitForFunction(() => /\d/.test(document.querySelector('.clock-value')?.textContent ?? ''), { timeout: 10_000 })
  const view = await speaker.evaluate(() => ({
    text: document.body.innerText,
    clock: document.querySelector('.clock-value')!.textContent.trim(),
    lang: document.documentElement.lang,
    plan: document.querySelector('.diapo-plan')?.textContent ?? '',
  }))
  expect(view.lang).toBe('fr')
  expect(view.clock).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/)
  expect(view.plan).toMatch(/Partie \d+ sur \d+/)
  expect(view.plan).toMatch(/sur ~\d+\s?min/)
  for (const word of ENGLISH) expect(view.text).not.toMatch(new RegExp(`\\b${word}\\b`))
  await speaker.close()
}

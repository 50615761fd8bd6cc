// A big deck's slides.pdf is printed in parts, in pages side by side, then joined: end to end with the
// real browser(s) and poppler-utils. Parts are asked for explicitly (`workers`), so the split happens
// whatever the machine's cores.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { compileDeck } from '../../src/compile.js'
import type { Diagnostic } from '../../src/diagnostics.js'
import { isHeadlessShell, resolveBrowserPath } from '../../src/export/browser.js'
import { closeBrowser, launchBrowser } from '../../src/export/launch.js'
import { exportPdfs } from '../../src/export/pdf.js'
import { openBrowser } from '../../src/export/session.js'
import { writeDeck } from '../../src/write.js'
import { misplacedObjects, pdfFonts, pdfInfo, pdfLang, pdfText, pdfUris } from './pdf-tools.js'

const SLIDES = 320
let work: string
let deckFile: string

/**
 * 320 slides, each titled with its number; slides 159 to 162 form a vertical stack across the middle
 * (where two parts meet), slides 161 and 320 have a link, slide 200 a coloured background.
 */
function bigDeck(): string {
  const slides: string[] = []
  for (let n = 1; n <= SLIDES; n++) {
    const link = n === 161 || n === SLIDES ? `\n\n[Lien ${n}](https://example.org/diapo-${n})` : ''
    const background = n === 200 ? '<!-- .slide: data-background-color="#203040" -->\n\n' : ''
    const separator = n === 1 ? '' : n >= 160 && n <= 162 ? '\n\n--\n\n' : '\n\n---\n\n'
    slides.push(`${separator}${background}## Diapositive ${n}\n\nTexte de la diapositive ${n}.${link}`)
  }
  return `---\ntitle: Grand deck\nauthor: Camille Essai\nlang: fr\n---\n\n${slides.join('')}\n`
}

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'diapo-e2e-parts-'))
  deckFile = path.join(work, 'deck.md')
  writeFileSync(deckFile, bigDeck())
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** Builds the deck into a new folder and prints slides.pdf in two parts with `executablePath`. */
async function exportInParts(name: string, executablePath?: string): Promise<{ dir: string; warnings: Diagnostic[] }> {
  const dir = path.join(work, name)
  const compiled = await compileDeck({ cwd: work, deck: deckFile, withPdf: true })
  expect(compiled.slideCount).toBe(SLIDES)
  await writeDeck(compiled, dir)
  await using session = openBrowser({ executablePath })
  const { files, diagnostics: warnings } = await exportPdfs(session, { dir, compiled, only: ['slides.pdf'], workers: 2 })
  expect(files).toEqual([{ file: path.join(dir, 'slides.pdf'), pages: SLIDES }])
  return { dir, warnings }
}

describe('slides.pdf of a big deck, printed in two parts', () => {
  let dir: string
  let warnings: Diagnostic[]

  beforeAll(async () => {
    ;({ dir, warnings } = await exportInParts('default'))
  })

  it('has one 1280×720 page a slide, in order, across the join', async () => {
    const file = path.join(dir, 'slides.pdf')
    const info = await pdfInfo(file)
    expect(Number(info.Pages)).toBe(SLIDES)
    expect(info['Page size']).toMatch(/^960 x 540 pts/)
    // Every cross-reference entry points at its object (readers would otherwise rebuild the table).
    expect(await misplacedObjects(file)).toEqual([])
    for (const n of [1, 159, 160, 161, 162, 163, 200, SLIDES]) {
      const text = await pdfText(file, n)
      expect(text).toContain(`Diapositive ${n}\n`)
      // The slide number printed on the page counts across parts.
      expect(text.trim().split('\n').at(-1)).toBe(String(n))
    }
    expect(warnings).toEqual([])
  })

  it('keeps links clickable on the right pages, fonts embedded and the metadata', async () => {
    const file = path.join(dir, 'slides.pdf')
    const uris = await pdfUris(file)
    expect(uris[161 - 1]).toEqual(['https://example.org/diapo-161'])
    expect(uris[SLIDES - 1]).toEqual([`https://example.org/diapo-${SLIDES}`])
    expect(uris.flat()).toHaveLength(2)
    const fonts = await pdfFonts(file)
    expect(fonts.some((f) => f.name.includes('AtkinsonHyperlegible'))).toBe(true)
    expect(fonts.filter((f) => !f.embedded)).toEqual([])
    const info = await pdfInfo(file)
    expect(info.Title).toBe('Grand deck')
    expect(info.Author).toBe('Camille Essai')
    expect(await pdfLang(file)).toBe('fr')
  })

  it('leaves only the joined PDF beside the deck', () => {
    expect(readdirSync(dir).filter((f) => f.endsWith('.pdf'))).toEqual(['slides.pdf'])
  })
})

describe('the print view of a part', () => {
  it('shows only its slides, numbered as in the whole deck, a vertical stack cut in two included', async () => {
    const dir = path.join(work, 'view')
    const compiled = await compileDeck({ cwd: work, deck: deckFile, withPdf: true })
    await writeDeck(compiled, dir)
    const browser = await launchBrowser()
    try {
      const page = await browser.newPage()
      await page.goto(`${pathToFileURL(path.join(dir, 'index.html')).href}?print-pdf&slides=158-160`)
      await page.evaluate(() => window.diapoPrintReady)
      const pages = await page.$$eval('.pdf-page', (els) =>
        els.map((el) => [el.querySelector('h2')?.textContent, el.querySelector('.slide-number-pdf')?.textContent]),
      )
      expect(pages).toEqual([158, 159, 160].map((n) => [`Diapositive ${n}`, String(n)]))
    } finally {
      await closeBrowser(browser)
    }
  })
})

// Users who have Chrome but no headless shell get the full browser, whose extra tabs are hidden: the
// parts must print there too (reveal.js's print view waits for animation frames hidden tabs never get).
const fullBrowser = ['/usr/bin/chromium', '/usr/bin/google-chrome'].find((p) => existsSync(p))
describe.runIf(fullBrowser)('slides.pdf in parts with the full browser', () => {
  it('lays out the print view in a hidden tab', async () => {
    const dir = path.join(work, 'hidden')
    await writeDeck(await compileDeck({ cwd: work, deck: deckFile, withPdf: true }), dir)
    const browser = await launchBrowser({ executablePath: fullBrowser })
    try {
      await browser.newPage()
      // The tab opened last is in front: this one is hidden.
      const page = await browser.newPage()
      await browser.newPage()
      await page.goto(`${pathToFileURL(path.join(dir, 'index.html')).href}?print-pdf&slides=1-5`)
      expect(await page.evaluate(() => document.visibilityState)).toBe('hidden')
      await page.evaluate(() => window.diapoPrintReady)
      expect(await page.$$eval('.pdf-page', (els) => els.length)).toBe(5)
    } finally {
      await closeBrowser(browser)
    }
  })

  it('prints every part', async () => {
    expect(isHeadlessShell(fullBrowser!)).toBe(false)
    const { dir } = await exportInParts('full', fullBrowser)
    const file = path.join(dir, 'slides.pdf')
    expect(Number((await pdfInfo(file)).Pages)).toBe(SLIDES)
    expect(await pdfText(file, SLIDES)).toContain(`Diapositive ${SLIDES}\n`)
  })
})

it('finds a browser (the headless shell first where installed)', async () => {
  const found = await resolveBrowserPath()
  if (existsSync('/usr/bin/chromium-headless-shell') && !process.env.CHROME_PATH && !process.env.PUPPETEER_EXECUTABLE_PATH) {
    expect(found).toBe('/usr/bin/chromium-headless-shell')
  }
  expect(existsSync(found)).toBe(true)
})

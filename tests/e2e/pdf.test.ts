// `diapo build --pdf` end to end: the real CLI, Debian's Chromium, poppler-utils. No browser → the
// suite fails (resolveBrowserPath throws), it never skips.
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { compileDeck } from '../../src/compile.js'
import { closeBrowser, launchBrowser } from '../../src/export/browser.js'
import { collectLinks } from '../../src/export/links.js'
import { exportPdfs } from '../../src/export/pdf.js'
import { deckTitle } from '../../src/render/page.js'
import { writeDeck } from '../../src/write.js'
import { findTestBrowsers } from './browsers.js'
import { pdfFonts, pdfInfo, pdfLang, pdfText, pdfUris, ROOT, runCli, squeeze } from './pdf-tools.js'

const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'decks', 'pdf')
let work: string
let runs = 0

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'diapo-e2e-pdf-'))
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

// With each browser of the machine (the full Chromium, its headless shell, the embedded one), not only
// the one diapo picks first.
describe.each(await findTestBrowsers())('diapo build --pdf on the default deck, with $name', ({ name, executablePath }) => {
  let out: string
  let slideCount: number
  let links: string[]
  let profiles: string

  beforeAll(async () => {
    out = path.join(work, `default-${name}`)
    // A private TMPDIR: the browser profile goes there, and must be gone afterwards. A short path: the
    // full Chromium puts a socket in it.
    profiles = path.join(work, `tmp${++runs}`)
    mkdirSync(profiles)
    const result = await runCli(['build', 'slides', '--pdf', '--out', out], { TMPDIR: profiles, CI: '1', CHROME_PATH: executablePath })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const compiled = await compileDeck({ cwd: ROOT, deck: 'slides', withPdf: true })
    slideCount = compiled.slideCount
    links = collectLinks(compiled.rendered).map((l) => l.href)
  })

  it('writes one 1280×720 page a slide in slides.pdf', async () => {
    const info = await pdfInfo(path.join(out, 'slides.pdf'))
    expect(Number(info.Pages)).toBe(slideCount)
    expect(slideCount).toBeGreaterThan(20)
    expect(info['Page size']).toMatch(/^960 x 540 pts/)
  })

  it('writes an A4 handout of three slides a page followed by the links', async () => {
    const info = await pdfInfo(path.join(out, 'handout.pdf'))
    expect(info['Page size']).toContain('(A4)')
    const slidePages = Math.ceil(slideCount / 3)
    expect(Number(info.Pages)).toBeGreaterThan(slidePages)
    expect(await pdfText(path.join(out, 'handout.pdf'), slidePages + 1)).toMatch(/^\s*Liens/m)
    expect(await pdfText(path.join(out, 'handout.pdf'), slidePages)).not.toMatch(/^\s*Liens/m)
  })

  it('puts the title and "n / total" on every handout page', async () => {
    const file = path.join(out, 'handout.pdf')
    const total = Number((await pdfInfo(file)).Pages)
    for (const page of [1, total]) {
      const text = await pdfText(file, page)
      expect(text).toContain("Emancip'asso : accompagnement des associations")
      expect(text).toContain(`${page} / ${total}`)
    }
  })

  it('keeps the slide text selectable, fragments included, in both PDFs', async () => {
    const slides = await pdfText(path.join(out, 'slides.pdf'))
    const handout = await pdfText(path.join(out, 'handout.pdf'))
    // The first and last slides, and a fragment of the conclusion.
    for (const text of ['Emancip', 'Accompagnement des associations', 'Faites-le en conscience', 'enjeu de société']) {
      expect(slides).toContain(text)
      expect(handout).toContain(text)
    }
  })

  it('prints the speaker notes in the handout', async () => {
    const handout = await pdfText(path.join(out, 'handout.pdf'))
    expect(handout).toContain('Diapositive 1')
    expect(handout).toContain(`Diapositive ${slideCount}`)
    expect(squeeze(handout)).toContain(squeeze('Présentez-vous et présentez'))
    expect(squeeze(handout)).toContain(squeeze('Dernier slide, à laisser affiché pendant les échanges.'))
  })

  it('lists every link of the talk on the Liens page, with its slide numbers', async () => {
    const file = path.join(out, 'handout.pdf')
    const total = Number((await pdfInfo(file)).Pages)
    const linksPages = squeeze(await pdfText(file, Math.ceil(slideCount / 3) + 1, total))
    expect(links.length).toBeGreaterThan(5)
    for (const href of links) expect(linksPages).toContain(squeeze(href))
    expect(linksPages).toMatch(/diapositives?\d/)
  })

  it('makes every link clickable (URI annotations)', async () => {
    const handoutUris = (await pdfUris(path.join(out, 'handout.pdf'))).flat()
    for (const href of links) expect(handoutUris.map((u) => u.replace(/\/$/, ''))).toContain(href.replace(/\/$/, ''))
    const slidesUris = (await pdfUris(path.join(out, 'slides.pdf'))).flat()
    expect(slidesUris.some((u) => u.startsWith('https://'))).toBe(true)
    expect(slidesUris.every((u) => !u.startsWith('file:'))).toBe(true)
  })

  it('embeds every font', async () => {
    for (const name of ['slides.pdf', 'handout.pdf']) {
      const fonts = await pdfFonts(path.join(out, name))
      expect(fonts.length).toBeGreaterThan(0)
      expect(fonts.filter((f) => !f.embedded)).toEqual([])
      expect(fonts.some((f) => f.name.includes('AtkinsonHyperlegible'))).toBe(true)
    }
  })

  it('sets title, author and language in the metadata', async () => {
    for (const name of ['slides.pdf', 'handout.pdf']) {
      const info = await pdfInfo(path.join(out, name))
      expect(info.Title).toBe("Emancip'asso : accompagnement des associations")
      expect(info.Author).toBe('Libérons nos ordis')
      expect(await pdfLang(path.join(out, name))).toBe('fr')
    }
  })

  it('links the deck to its handout on the last slide and in the help overlay', () => {
    const html = readFileSync(path.join(out, 'index.html'), 'utf8')
    const sections = html.split('<section')
    expect(sections.at(-1)).toContain('href="handout.pdf"')
    expect(sections.at(-1)).toContain('Télécharger le support (PDF)')
    expect(html).toMatch(/<div id="diapo-help-extra" hidden><p><a [^>]*href="handout.pdf"/)
  })

  it('shows the handout link in the help overlay of the running deck', async () => {
    const browser = await launchBrowser()
    try {
      const page = await browser.newPage()
      await page.goto(pathToFileURL(path.join(out, 'index.html')).href)
      await page.waitForFunction(() => window.diapo?.isReady())
      await page.keyboard.press('?')
      const href = await page.$eval('.diapo-help a.diapo-handout-link', (a) => (a as HTMLAnchorElement).href)
      expect(href).toBe(pathToFileURL(path.join(out, 'handout.pdf')).href)
    } finally {
      await closeBrowser(browser)
    }
  })

  it('closes the browser and removes its profile', () => {
    expect(readdirSync(profiles)).toEqual([])
    expect(existsSync(path.join(out, '.handout.html'))).toBe(false)
  })
})

describe('diapo pdf on a deck with vertical slides, fragments and handoutUrl', () => {
  let out: string

  beforeAll(async () => {
    out = path.join(work, 'fixture')
    // Not under CI, but piped: no progress either.
    const result = await runCli(['pdf', FIXTURE, '--out', out], { CI: '' })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
  })

  it('prints vertical slides on their own pages, with fragments shown', async () => {
    const file = path.join(out, 'slides.pdf')
    expect(Number((await pdfInfo(file)).Pages)).toBe(5)
    expect(await pdfText(file, 2)).toContain('Point révélé ensuite')
    expect(await pdfText(file, 4)).toContain('Dessous de la pile')
    expect(await pdfText(file, 5)).toContain('Dernière diapositive')
  })

  it('makes a handout of two slide pages and a links page', async () => {
    const file = path.join(out, 'handout.pdf')
    expect(Number((await pdfInfo(file)).Pages)).toBe(3)
    expect(await pdfText(file, 1)).toContain('Montrer les fragments un par un')
    const links = await pdfText(file, 3)
    expect(links).toContain('https://framasoft.org')
    expect(links).toContain('https://example.net/brut')
    expect(links).toContain('https://notes.example.org/page')
    expect(squeeze(links)).toContain('(diapositive4)')
  })

  it('shows a QR code of handoutUrl on the last slide', () => {
    const html = readFileSync(path.join(out, 'index.html'), 'utf8')
    const last = html.split('<section').at(-1)!
    expect(last).toMatch(/class="diapo-handout-qr"[^>]*aria-label="[^"]*https:\/\/example.org\/support.pdf"><svg/)
  })

  it('sets the author of the front matter', async () => {
    expect((await pdfInfo(path.join(out, 'handout.pdf'))).Author).toBe('Camille Essai')
  })
})

describe('one browser printing several decks', () => {
  it('reuses its pages from deck to deck, and each PDF has its own deck', async () => {
    const browser = await launchBrowser()
    try {
      for (const [name, deck] of [['fixture-a', FIXTURE], ['default-b', path.join(ROOT, 'slides')], ['fixture-c', FIXTURE]] as const) {
        const dir = path.join(work, name)
        const compiled = await compileDeck({ cwd: ROOT, deck, withPdf: true })
        await writeDeck(compiled, dir)
        const { files } = await exportPdfs({ browser, dir, compiled })
        expect(files.map((f) => f.pages)[0]).toBe(compiled.slideCount)
        expect((await pdfInfo(path.join(dir, 'slides.pdf'))).Title).toBe(deckTitle(compiled.rendered))
        expect(await pdfText(path.join(dir, 'handout.pdf'), 1)).toContain(deckTitle(compiled.rendered))
        // The two pages of the first deck (slides, handout) print the next ones too.
        expect(await browser.pages()).toHaveLength(2)
      }
    } finally {
      await closeBrowser(browser)
    }
  })
})

describe('diapo build --pdf when the PDFs cannot be made', () => {
  let out: string
  let deck: string

  beforeAll(async () => {
    deck = path.join(work, 'deck-failing')
    cpSync(FIXTURE, deck, { recursive: true })
    out = path.join(work, 'failing')
    const first = await runCli(['build', deck, '--pdf', '--out', out], { CI: '1' })
    expect(first.code).toBe(0)
  })

  it('says how to install a browser, exits non-zero, builds the HTML and keeps the previous PDFs', async () => {
    const before = readFileSync(path.join(out, 'slides.pdf'))
    const beforeHandout = readFileSync(path.join(out, 'handout.pdf'))
    rmSync(path.join(out, 'index.html'))
    const result = await runCli(['build', deck, '--pdf', '--out', out], { CHROME_PATH: '/nonexistent', CI: '1' })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('CHROME_PATH')
    expect(result.stderr).toContain('/nonexistent')
    expect(result.stderr).toMatch(/apt-get install chromium/)
    expect(existsSync(path.join(out, 'index.html'))).toBe(true)
    expect(readFileSync(path.join(out, 'slides.pdf')).equals(before)).toBe(true)
    expect(readFileSync(path.join(out, 'handout.pdf')).equals(beforeHandout)).toBe(true)
  })

  it('ends a page that never finishes loading with a time-out error, and closes the browser', async () => {
    const hung = path.join(work, 'deck-hung')
    cpSync(FIXTURE, hung, { recursive: true })
    // A slide whose raw HTML never lets the page finish loading.
    appendFileSync(path.join(hung, 'slides.md'), '\n---\n\n## Bloquée\n\n<script>for (;;) {}</script>\n')
    const before = readFileSync(path.join(out, 'slides.pdf'))
    const profiles = path.join(work, 'tmp-hung')
    mkdirSync(profiles)
    const result = await runCli(['build', hung, '--pdf', '--out', out, '--timeout', '3'], { TMPDIR: profiles, CI: '1' })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/not ready after 3.6 s/)
    expect(result.stderr).toContain('--timeout')
    expect(readFileSync(path.join(out, 'slides.pdf')).equals(before)).toBe(true)
    expect(readdirSync(profiles)).toEqual([])
  })
})

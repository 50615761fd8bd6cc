// `diapo build --pdf` end to end: the real CLI, Debian's Chromium, poppler-utils. No browser → the
// suite fails (resolveBrowserPath throws), it never skips.
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { compileDeck } from '../../src/compile.js'
import { closeBrowser, launchBrowser } from '../../src/export/launch.js'
import { collectLinks, displayAddress } from '../../src/export/links.js'
import { exportPdfs } from '../../src/export/pdf.js'
import { openBrowser } from '../../src/export/session.js'
import { deckTitle } from '../../src/render/page.js'
import { writeDeck } from '../../src/write.js'
import { findTestBrowsers } from './browsers.js'
import { foreignFonts, pdfFonts, pdfInfo, pdfLang, pdfOutline, pdfText, pdfUris, ROOT, runCli, squeeze } from './pdf-tools.js'

const PDFS = ['slides.pdf', 'handout.pdf', 'notes.pdf']

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

  it('writes an A4 handout: a cover, the slides two a page, then "Pour aller plus loin"', async () => {
    const file = path.join(out, 'handout.pdf')
    const info = await pdfInfo(file)
    expect(info['Page size']).toContain('(A4)')
    const total = Number(info.Pages)
    expect(total).toBeGreaterThanOrEqual(1 + Math.ceil(slideCount / 2) + 1)
    expect(squeeze(await pdfText(file, 1))).toContain(squeeze('Organisé par Libérons nos ordis'))
    expect(await pdfText(file, 2)).toContain('Diapositive 1')
    expect(await pdfText(file, total)).toContain('Contacts')
  })

  it('writes an A4 notes.pdf of three slides a page, after the planned timing', async () => {
    const file = path.join(out, 'notes.pdf')
    expect((await pdfInfo(file))['Page size']).toContain('(A4)')
    const timing = await pdfText(file, 1)
    expect(timing).toContain('Minutage prévu')
    expect(timing).toMatch(/Total\s+~\d+ min/)
    expect(await pdfText(file, 2)).toContain('Diapositive 1')
  })

  it('puts the title and "n / total" on every page of the A4 documents', async () => {
    for (const name of ['handout.pdf', 'notes.pdf']) {
      const file = path.join(out, name)
      const total = Number((await pdfInfo(file)).Pages)
      for (const page of [1, total]) {
        const text = await pdfText(file, page)
        expect(text).toContain("Emancip'asso : accompagnement des associations")
        expect(text).toContain(`${page} / ${total}`)
      }
    }
  })

  it('keeps the slide text selectable, fragments included, in the three PDFs', async () => {
    for (const name of PDFS) {
      const text = await pdfText(path.join(out, name))
      // The first and last slides, and a fragment of the conclusion.
      for (const words of ['Emancip', 'Accompagnement des associations', 'Faites-le en conscience', 'enjeu de société'])
        expect(text, name).toContain(words)
    }
  })

  it('prints the speaker notes in notes.pdf, never in the handout', async () => {
    const notes = squeeze(await pdfText(path.join(out, 'notes.pdf')))
    const handout = squeeze(await pdfText(path.join(out, 'handout.pdf')))
    for (const sentence of ['Présentez-vous et présentez', 'Dernier slide, à laisser affiché pendant les échanges.']) {
      expect(notes).toContain(squeeze(sentence))
      expect(handout).not.toContain(squeeze(sentence))
    }
    expect(notes).toContain(squeeze(`Diapositive ${slideCount}`))
  })

  it('lists every link of the talk once under "Pour aller plus loin", with its slide numbers', async () => {
    const file = path.join(out, 'handout.pdf')
    const total = Number((await pdfInfo(file)).Pages)
    const linksPages = squeeze(await pdfText(file, total - 1, total)).split('Pourallerplusloin')[1]!
    expect(links.length).toBeGreaterThan(5)
    for (const href of links) expect(linksPages.split(squeeze(displayAddress(href))).length - 1, href).toBeGreaterThanOrEqual(1)
    // The blog is written with and without a trailing slash in the talk: listed once.
    expect(links.filter((href) => href.includes('blog.libere-ton-ordi.com'))).toHaveLength(1)
    expect(linksPages).toMatch(/diapositives?\d/)
  })

  it('makes every link clickable (URI annotations)', async () => {
    const handoutUris = (await pdfUris(path.join(out, 'handout.pdf'))).flat()
    for (const href of links) expect(handoutUris.map((u) => u.replace(/\/$/, ''))).toContain(href.replace(/\/$/, ''))
    const slidesUris = (await pdfUris(path.join(out, 'slides.pdf'))).flat()
    expect(slidesUris.some((u) => u.startsWith('https://'))).toBe(true)
    expect(slidesUris.every((u) => !u.startsWith('file:'))).toBe(true)
  })

  it("embeds the deck's fonts and no other, header and footer included", async () => {
    for (const name of PDFS) {
      const fonts = await pdfFonts(path.join(out, name))
      expect(fonts.length).toBeGreaterThan(0)
      expect(fonts.filter((f) => !f.embedded)).toEqual([])
      expect(fonts.some((f) => f.name.includes('AtkinsonHyperlegible'))).toBe(true)
      expect(await foreignFonts(path.join(out, name)), name).toEqual([])
    }
  })

  it('tags the three PDFs and gives them bookmarks: sections, then slide titles', async () => {
    for (const name of PDFS) {
      const file = path.join(out, name)
      expect((await pdfInfo(file)).Tagged, name).toBe('yes')
      const outline = await pdfOutline(file)
      expect(
        outline.map((b) => b.title),
        name,
      ).toEqual(expect.arrayContaining(['Emancip’asso', 'Les alternatives', 'Conclusion']))
      expect(outline.flatMap((b) => b.children).length, name).toBeGreaterThan(5)
    }
  })

  it('sets title, author and language in the metadata', async () => {
    for (const name of PDFS) {
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
      const href = await page.$eval('.diapo-help a.diapo-handout-link', (a) => a.href)
      expect(href).toBe(pathToFileURL(path.join(out, 'handout.pdf')).href)
    } finally {
      await closeBrowser(browser)
    }
  })

  it('closes the browser and removes its profile', () => {
    expect(readdirSync(profiles)).toEqual([])
    expect(existsSync(path.join(out, '.handout.html'))).toBe(false)
    expect(existsSync(path.join(out, '.notes.html'))).toBe(false)
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

  it('makes a handout of a cover, three slide pages and a links page, and notes.pdf of the notes', async () => {
    const file = path.join(out, 'handout.pdf')
    expect(Number((await pdfInfo(file)).Pages)).toBe(5)
    expect(await pdfText(file)).not.toContain('Montrer les fragments un par un')
    expect(await pdfText(path.join(out, 'notes.pdf'))).toContain('Montrer les fragments un par un')
    const links = await pdfText(file, 5)
    expect(links).toContain('framasoft.org')
    expect(links).toContain('example.net/brut')
    expect(links).toContain('notes.example.org/page')
    expect(squeeze(links)).toContain('(diapositive4)')
  })

  it('shows a QR code of handoutUrl on the last slide, a quarter of the slide high or more, saying what it opens', async () => {
    const html = readFileSync(path.join(out, 'index.html'), 'utf8')
    const last = html.split('<section').at(-1)!
    expect(last).toMatch(/class="diapo-handout-qr"><div role="img" aria-label="[^"]*https:\/\/example.org\/support.pdf"><svg/)
    const browser = await launchBrowser()
    try {
      const page = await browser.newPage()
      await page.setViewport({ width: 1280, height: 720 })
      await page.goto(pathToFileURL(path.join(out, 'index.html')).href)
      await page.waitForFunction(() => window.diapo?.isReady())
      await page.evaluate(() => {
        const { h, v } = window.diapo.getIndices(window.diapo.getSlides().at(-1))
        window.diapo.slide(h, v)
      })
      const qr = await page.$eval('.present .diapo-handout-qr', (el) => {
        const slide = el.closest('section')!.getBoundingClientRect()
        const box = el.querySelector('svg')!.getBoundingClientRect()
        return { ratio: box.height / slide.height, caption: el.querySelector('figcaption')!.textContent }
      })
      expect(qr.ratio).toBeGreaterThanOrEqual(0.25)
      expect(qr.caption).toContain('Scannez pour télécharger le support')
      expect(qr.caption).toContain('example.org/support.pdf')
    } finally {
      await closeBrowser(browser)
    }
  })

  it('sets the author of the front matter', async () => {
    expect((await pdfInfo(path.join(out, 'handout.pdf'))).Author).toBe('Camille Essai')
  })
})

describe('one browser printing several decks', () => {
  it('reuses its pages from deck to deck, and each PDF has its own deck', async () => {
    await using session = openBrowser()
    for (const [name, deck] of [
      ['fixture-a', FIXTURE],
      ['default-b', path.join(ROOT, 'slides')],
      ['fixture-c', FIXTURE],
    ] as const) {
      const dir = path.join(work, name)
      const compiled = await compileDeck({ cwd: ROOT, deck, withPdf: true })
      await writeDeck(compiled, dir)
      const { files } = await exportPdfs(session, { dir, compiled })
      expect(files.map((f) => f.pages)[0]).toBe(compiled.slideCount)
      expect((await pdfInfo(path.join(dir, 'slides.pdf'))).Title).toBe(deckTitle(compiled.rendered))
      expect(await pdfText(path.join(dir, 'handout.pdf'), 1)).toContain(deckTitle(compiled.rendered))
      // The three pages of the first deck (slides, handout, notes) print the next ones too.
      expect(await (await session.browser()).pages()).toHaveLength(3)
    }
  })
})

describe('the warnings of the PDF export', () => {
  it('are records at the line and slide to fix, each with its rule', async () => {
    const deck = path.join(work, 'deck-warnings')
    cpSync(path.join(ROOT, 'tests', 'fixtures', 'decks', 'too-long'), deck, { recursive: true })
    const file = path.join(deck, 'slides.md')
    // Notes far too long for their box in notes.pdf, on the first slide.
    const source = readFileSync(file, 'utf8').replace(
      'Note: ok',
      `Note: ${'Une phrase de notes bien trop longue pour la page. '.repeat(300)}`,
    )
    writeFileSync(file, source)
    const compiled = await compileDeck({ cwd: ROOT, deck, withPdf: true })
    const dir = path.join(work, 'warnings')
    await writeDeck(compiled, dir)
    await using session = openBrowser()
    const { diagnostics } = await exportPdfs(session, { dir, compiled, only: ['slides.pdf', 'notes.pdf'] })
    const tall = source.split('\n').indexOf('## Beaucoup trop long') + 1
    expect(diagnostics).toEqual(
      expect.arrayContaining([
        {
          severity: 'warning',
          rule: 'slide-too-tall',
          loc: { file, line: tall },
          slide: 2,
          message: 'the slide is taller than its frame; its end is cut in slides.pdf',
          details: { pdf: 'slides.pdf' },
        },
        {
          severity: 'warning',
          rule: 'notes-cut',
          loc: { file, line: 1 },
          slide: 1,
          message: 'the notes are too long for notes.pdf and are cut; shorten them or split the slide',
          details: { pdf: 'notes.pdf' },
        },
      ]),
    )
    expect(diagnostics).toHaveLength(2)
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

  it('with no earlier PDFs, a failed export publishes a deck that links to no handout.pdf', async () => {
    const fresh = path.join(work, 'failing-fresh')
    const result = await runCli(['build', deck, '--pdf', '--out', fresh], { CHROME_PATH: '/nonexistent', CI: '1' })
    expect(result.code).toBe(1)
    expect(existsSync(path.join(fresh, 'handout.pdf'))).toBe(false)
    const html = readFileSync(path.join(fresh, 'index.html'), 'utf8')
    expect(html).toContain('<section')
    expect(html).not.toContain('handout.pdf')
    // With an earlier handout.pdf (the suite's first build), the link to it stays: the file is there.
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('href="handout.pdf"')
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
    // The slide that never got ready, at its file:line (the "## Bloquée" slide's first line).
    const lines = readFileSync(path.join(hung, 'slides.md'), 'utf8').split('\n')
    expect(result.stderr).toContain(`slides.md:${lines.indexOf('## Bloquée') + 1}: this slide was not ready after 3.6 s`)
    expect(readFileSync(path.join(out, 'slides.pdf')).equals(before)).toBe(true)
    expect(readdirSync(profiles)).toEqual([])
  })
})

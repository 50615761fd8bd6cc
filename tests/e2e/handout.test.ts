// The three PDFs of `diapo build --pdf` as attendees and the speaker get them (issue 12), end to end: the
// real CLI on a fixture deck and profile (date, place, facilitator, PNG logo, tools over two pages, links
// written twice in different forms, mailto:), printed by each installed browser, read with poppler-utils
// and pdf-lib.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { execFile } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { compileDeck } from '../../src/compile.js'
import { loadProfile } from '../../src/config/load.js'
import { collectLinks, displayAddress } from '../../src/export/links.js'
import { foreignFonts, pdfInfo, pdfLang, pdfOutline, pdfText, pdfWords, ROOT, runCli, squeeze } from './pdf-tools.js'

const run = promisify(execFile)
const DECK = path.join(ROOT, 'tests', 'fixtures', 'decks', 'handout')
const PROFILE = path.join(ROOT, 'tests', 'fixtures', 'associations', 'handout.yml')
const ASSO = 'Association des Habitantes et Habitants du Quartier des Pentes de la Croix-Rousse'
const PDFS = ['slides.pdf', 'handout.pdf', 'notes.pdf']
/** Each browser users may have: the full Chromium and its headless shell. */
const BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-headless-shell'].filter((p) => existsSync(p))

let work: string
beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'diapo-e2e-handout-'))
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** The sentences of every speaker note of the deck made for the profile, as plain text. */
async function noteSentences(): Promise<string[]> {
  const compiled = await compileDeck({ cwd: ROOT, deck: DECK, withPdf: true, profile: await loadProfile(PROFILE, ROOT) })
  const notes = compiled.rendered.stacks.flatMap((s) => s.slides.map((slide) => slide.notesHtml))
  return notes
    .flatMap((html) =>
      html
        .replace(/<[^>]+>/g, ' ')
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
        .split(/(?<=[.!?])\s+|\n+/),
    )
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length >= 20)
}

describe.each(BROWSERS)('diapo build --asso --pdf with %s', (browser) => {
  let dir: string
  let handout: string
  let notes: string

  beforeAll(async () => {
    const out = path.join(work, path.basename(browser))
    const result = await runCli(['build', DECK, '--asso', PROFILE, '--pdf', '--out', out], { CHROME_PATH: browser, CI: '1' })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    dir = path.join(out, 'handout')
    handout = path.join(dir, 'handout.pdf')
    notes = path.join(dir, 'notes.pdf')
  })

  it('writes the three PDFs, the handout and the notes on A4', async () => {
    for (const name of PDFS) expect(existsSync(path.join(dir, name)), name).toBe(true)
    expect((await pdfInfo(handout))['Page size']).toContain('(A4)')
    expect((await pdfInfo(notes))['Page size']).toContain('(A4)')
  })

  it("opens the handout with a cover: the association's name, the date in full, the place, the facilitator, the organiser", async () => {
    const cover = squeeze(await pdfText(handout, 1))
    for (const text of [ASSO, 'jeudi 3 décembre 2026', 'Maison des associations, Lyon 1er', 'Camille', 'Libérons nos ordis']) {
      expect(cover.replace(/-/g, ''), text).toContain(squeeze(text).replace(/-/g, ''))
    }
    // The association's logo (a PNG, 240×120), printed on the cover even from a hidden tab.
    const { stdout } = await run('pdfimages', ['-list', '-f', '1', '-l', '1', handout])
    expect(stdout).toMatch(/^\s+1\s+0\s+image\s+240\s+120\s/m)
  })

  it('prints no sentence of the speaker notes in the handout, and every one in notes.pdf', async () => {
    const sentences = await noteSentences()
    expect(sentences.length).toBeGreaterThan(10)
    const inHandout = squeeze(await pdfText(handout))
    const inNotes = squeeze(await pdfText(notes))
    for (const sentence of sentences) {
      expect(inHandout, sentence).not.toContain(squeeze(sentence))
      expect(inNotes, sentence).toContain(squeeze(sentence))
    }
  })

  it("prints the attendees' text under its slide in the handout, never in notes.pdf", async () => {
    const attendees = squeeze('Framasoft anime « Dégooglisons Internet » depuis 2014.')
    expect(squeeze(await pdfText(handout))).toContain(attendees)
    expect(squeeze(await pdfText(notes))).not.toContain(attendees)
    // Nor on the slides, nor in the deck's speaker view.
    expect(squeeze(await pdfText(path.join(dir, 'slides.pdf')))).not.toContain(attendees)
    expect(readFileSync(path.join(dir, 'index.html'), 'utf8')).not.toContain('Dégooglisons')
  })

  it('prints the diagnostic as a table of real text lines of 9 pt or more, its header on each page', async () => {
    const total = Number((await pdfInfo(handout)).Pages)
    const pages: number[] = []
    for (let page = 1; page <= total; page++) if ((await pdfText(handout, page)).includes('Pourquoi changer')) pages.push(page)
    // 13 tools: the table runs over two pages, each with its header row.
    expect(pages.length).toBeGreaterThanOrEqual(2)
    const words = (await Promise.all(pages.map((p) => pdfWords(handout, p)))).flat()
    for (const tool of ['Excel', 'WhatsApp', 'Mailchimp', 'HelloAsso', 'Bidule', 'Nextcloud', 'Framadate']) {
      const found = words.filter((w) => w.word === tool)
      expect(found.length, tool).toBeGreaterThan(0)
      for (const w of found) expect(w.height, tool).toBeGreaterThanOrEqual(9)
    }
    // The line on why, from the catalogue.
    expect(squeeze(await pdfText(handout, pages[0]))).toContain(squeeze('Appartient à Meta'))
  })

  it('lists each link of the talk once under "Pour aller plus loin", mailto: as the address', async () => {
    const total = Number((await pdfInfo(handout)).Pages)
    let from = total
    while (from > 1 && !(await pdfText(handout, from)).includes('Pour aller plus loin')) from--
    const list = (await pdfText(handout, from, total)).split('Contacts')[0]!
    expect(list).toContain('Pour aller plus loin')
    // Written twice each in the slides: with and without a trailing slash, http and https, www.
    const count = (text: string): number => list.split(text).length - 1
    expect(count('blog.example.org')).toBe(1)
    expect(count('framasoft.org')).toBe(1)
    expect(count('contact@lno.example.org')).toBe(1)
    expect(list).not.toContain('mailto:')
    expect(list).toContain('notre blog')
    const compiled = await compileDeck({ cwd: ROOT, deck: DECK, withPdf: true })
    for (const link of collectLinks(compiled.rendered)) expect(squeeze(list), link.href).toContain(squeeze(displayAddress(link.href)))
  })

  it('ends with the contacts of Libérons nos ordis and of the association', async () => {
    const total = Number((await pdfInfo(handout)).Pages)
    const last = squeeze(await pdfText(handout, total))
    for (const text of [
      'Contacts',
      'Libérons nos ordis',
      'blog.libere-ton-ordi.com',
      ASSO,
      'bureau@pentes.example.org',
      'pentes.example.org',
    ]) {
      expect(last, text).toContain(squeeze(text))
    }
  })

  it('gives notes.pdf the slides beside their notes, with the planned time of each part and the total', async () => {
    const first = await pdfText(notes, 1)
    expect(first).toContain('Minutage prévu')
    expect(first).toMatch(/~6 min/)
    expect(first).toMatch(/Total\s+~15 min/)
    expect(squeeze(await pdfText(notes))).toContain(squeeze('Diapositive 2 · ~6 min'))
  })

  it("makes all three PDFs tagged, with bookmarks (sections, then slide titles), in the deck's fonts only", async () => {
    for (const name of PDFS) {
      const file = path.join(dir, name)
      expect((await pdfInfo(file)).Tagged, name).toBe('yes')
      expect(await foreignFonts(file), name).toEqual([])
      const outline = await pdfOutline(file)
      const titles = outline.map((b) => b.title)
      expect(titles, name).toEqual(expect.arrayContaining(['Atelier support', 'Un logiciel libre', 'Conclusion']))
      const section = outline.find((b) => b.title === 'Un logiciel libre')!
      expect(
        section.children.map((b) => b.title),
        name,
      ).toEqual(['Où trouver de l’aide'])
      for (const b of [...outline, ...outline.flatMap((x) => x.children)]) expect(b.page, `${name}: ${b.title}`).toBeGreaterThan(0)
    }
    // slides.pdf: slide n is page n (the tools table takes as many slides as its measured rows need: count them in the deck).
    const sections = readFileSync(path.join(dir, 'index.html'), 'utf8').match(
      /<section[^>]* data-source="[\s\S]*?(?=<section[^>]* data-source="|$)/g,
    )!
    const conclusion = sections.findIndex((html) => /<h[12][^>]*>Conclusion</.test(html)) + 1
    expect(conclusion).toBeGreaterThan(5)
    const slides = await pdfOutline(path.join(dir, 'slides.pdf'))
    expect(slides.find((b) => b.title === 'Conclusion')!.page).toBe(conclusion)
  })

  it('sets title, author, subject, language and the association in the metadata of all three', async () => {
    for (const name of PDFS) {
      const info = await pdfInfo(path.join(dir, name))
      expect(info.Title).toBe('Atelier support — Habitants des Pentes')
      expect(info.Author).toBe('Libérons nos ordis')
      expect(info.Subject).toBe('Des outils libres pour les associations')
      expect(info.Keywords).toBe(ASSO)
      expect(await pdfLang(path.join(dir, name))).toBe('fr')
    }
  })
})

describe('diapo build --pdf of the fixture deck without a profile', () => {
  let out: string

  beforeAll(async () => {
    out = path.join(work, 'generic')
    const result = await runCli(['build', DECK, '--pdf', '--out', out], { CI: '1' })
    expect(result.code).toBe(0)
  })

  it('gives the handout a generic cover, and no diagnostic', async () => {
    const cover = squeeze(await pdfText(path.join(out, 'handout.pdf'), 1))
    expect(cover).toContain(squeeze('Pour les associations qui veulent des outils numériques libres et éthiques'))
    expect(cover).toContain(squeeze('Libérons nos ordis'))
    expect(squeeze(await pdfText(path.join(out, 'handout.pdf')))).not.toContain('Pourquoichanger')
  })
})

it('runs with each installed browser', () => {
  if (process.env.CI) expect(BROWSERS.length).toBeGreaterThan(0)
})

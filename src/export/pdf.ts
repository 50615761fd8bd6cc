import { rm, writeFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import type { Browser, Page } from 'puppeteer-core'

import type { CompiledDeck } from '../compile.js'
import { DeckError, formatLocation, type SourceLocation } from '../errors.js'
import { deckTitle } from '../render/page.js'
import { pageTimeout } from './browser.js'
import { findMissingGlyphs, loadFontRanges } from './glyphs.js'
import { guardRequests } from './guard.js'
import { handoutMessages, loadHandoutTemplate, renderHandout } from './handout.js'
import { A4, HANDOUT_MARGIN, type HandoutPerPage } from './layout.js'
import { mergePdfs, type PdfMetadata, writePdfMetadata } from './metadata.js'
import { loadNotesTemplate, notesMessages, renderNotes } from './notes.js'
import { deckOutline, type OutlineEntry } from './outline.js'
import { fitBoxes, loadHeaderFonts, renderHeaderFooter } from './print-page.js'

export const SLIDES_PDF = 'slides.pdf'
export const HANDOUT_PDF = 'handout.pdf'
export const NOTES_PDF = 'notes.pdf'
type PdfName = typeof SLIDES_PDF | typeof HANDOUT_PDF | typeof NOTES_PDF
const HANDOUT_HTML = '.handout.html'
const NOTES_HTML = '.notes.html'
/** Parts of a big slides.pdf, printed side by side, then joined: `.slides-1.pdf`, ... */
const SLIDES_PART = '.slides-'
/** A part of slides.pdf is worth its own page from this many slides. */
const MIN_SLIDES_PER_PART = 150
const TAKEN = new WeakSet<Page>()
/** Pages of each browser whose job is done, ready for another. */
const IDLE = new WeakMap<Browser, Page[]>()

/** What the export reports while it works, for a progress display. */
export interface PdfProgress {
  pdf: PdfName
  step: 'loading' | 'printing' | 'done'
  /** Pages of the PDF, once known (`printing`: expected; `done`: written). */
  pages?: number
}

export interface ExportPdfsOptions {
  /** A browser from `launchBrowser`/`withBrowser` (or its launch, still under way). Not closed here. */
  browser: Browser | Promise<Browser>
  /** Folder where the deck (`index.html` and its assets) is already written: usually a staging folder. */
  dir: string
  /** The compiled deck written there. */
  compiled: CompiledDeck
  /** Time-out for each page to load, be ready and print, in ms (default 30 s), plus 0.1 s a slide. */
  timeout?: number
  /** Slides a page of the speaker's copy (notes.pdf): 3 (notes beside, default) or 2 (notes below). */
  perPage?: HandoutPerPage
  /** Pages that print at once (default: the machine's cores): a big slides.pdf is split over them. */
  workers?: number
  /** Which PDFs to write (default all three). */
  only?: PdfName[]
  onProgress?: (progress: PdfProgress) => void
}

export interface ExportPdfsResult {
  /** Absolute paths of the PDFs written, with their page counts. */
  files: { file: string; pages: number }[]
  /** Problems that did not stop the export (a slide taller than its frame...), one line each. */
  warnings: string[]
}

/**
 * Writes `slides.pdf` (one page of the slide frame a slide, 1280×720 or 960×720 for 4:3, fragments shown), `handout.pdf` (A4, for attendees:
 * cover, slides with their attendees' text, diagnostic, links, contacts) and `notes.pdf` (A4, the
 * speaker's copy: slides beside their notes, with the planned timing) of a deck already written into
 * `dir`, printing them at once in pages of one browser. Each is tagged, with bookmarks and metadata. Every wait is on an event (reveal.js's `pdf-ready`, fonts, decoded images),
 * never a pause; each page has `timeout` ms, then fails with `E_EXPORT`. On any failure no PDF is
 * left in `dir`, so a staged output can be committed without them and older PDFs stay as they were.
 */
export async function exportPdfs(options: ExportPdfsOptions): Promise<ExportPdfsResult> {
  const only = options.only ?? [SLIDES_PDF, HANDOUT_PDF, NOTES_PDF]
  const warnings: string[] = []
  const jobs = {
    [SLIDES_PDF]: () => printSlides(options, warnings),
    [HANDOUT_PDF]: () => printHandout(options, warnings),
    [NOTES_PDF]: () => printNotes(options, warnings),
  }
  try {
    const files = await settleAll(only.map((name) => jobs[name]()))
    const ranges = await loadFontRanges(options.dir)
    for (const { loc, chars } of ranges ? findMissingGlyphs(options.compiled.rendered, ranges) : []) {
      const list = chars.map((c) => `"${c}"`).join(', ')
      warnings.push(`${formatLocation(loc)}: ${list} ${chars.length > 1 ? 'are' : 'is'} not in the deck's fonts: the PDFs draw ${chars.length > 1 ? 'them' : 'it'} in a system font; write ${chars.length > 1 ? 'them' : 'it'} otherwise (-> for an arrow) or use an image`)
    }
    warnings.push(...blockedOf(options))
    return { files, warnings }
  } catch (err) {
    await Promise.all([SLIDES_PDF, HANDOUT_PDF, NOTES_PDF, HANDOUT_HTML, NOTES_HTML].map((f) => rm(path.join(options.dir, f), { force: true })))
    throw err
  }
}

// --- internal ---

type Job = { file: string; pages: number }

async function printSlides(options: ExportPdfsOptions, warnings: string[]): Promise<Job> {
  const file = path.join(options.dir, SLIDES_PDF)
  // The A4 documents, printed at the same time, take workers of their own.
  const others = (options.only ?? [HANDOUT_PDF, NOTES_PDF]).filter((name) => name !== SLIDES_PDF).length
  const workers = Math.max(1, (options.workers ?? availableParallelism()) - others)
  const parts = slideParts(options.compiled.slideCount, workers)
  options.onProgress?.({ pdf: SLIDES_PDF, step: 'loading' })
  let printing = false
  const onPrinting = (): void => {
    if (!printing) options.onProgress?.({ pdf: SLIDES_PDF, step: 'printing', pages: options.compiled.slideCount })
    printing = true
  }
  const files = parts.length === 1 ? [file] : parts.map((_, i) => path.join(options.dir, `${SLIDES_PART}${i + 1}.pdf`))
  try {
    const tooTall = await settleAll(parts.map((range, i) => printSlidesPart(options, files[i]!, range, onPrinting)))
    for (const where of tooTall.flat()) warnings.push(`${where}: the slide is taller than its frame; its end is cut in ${SLIDES_PDF}`)
    if (parts.length > 1) await mergePdfs(files, file, pdfMetadata(options))
    // Bookmarks: slide n is page n.
    const outline = deckOutline(options.compiled.rendered, (n) => ({ page: n - 1 }))
    return await finish(file, SLIDES_PDF, options, warnings, outline)
  } finally {
    if (parts.length > 1) await Promise.all(files.map((f) => rm(f, { force: true })))
  }
}

/**
 * Prints slides `range` (`FIRST-LAST`, from 1; default all) of the deck's print view into `file`, and
 * returns where the slides taller than their frame are. Several parts print side by side, in pages of
 * their own (one renderer process each).
 */
async function printSlidesPart(options: ExportPdfsOptions, file: string, range: string | undefined, onPrinting: () => void): Promise<string[]> {
  const url = `${pathToFileURL(path.join(options.dir, 'index.html')).href}?print-pdf${range ? `&slides=${range}` : ''}`
  let tooTall: string[] = []
  await withPage(options, SLIDES_PDF, async (page, timeout) => {
    await page.setViewport({ width: options.compiled.frame.width, height: options.compiled.frame.height })
    await page.goto(url, { waitUntil: 'load', timeout })
    tooTall = await page.evaluate(async () => {
      await window.diapoPrintReady
      await document.fonts.ready
      await decodeImages()
      return [...document.querySelectorAll<HTMLElement>('.pdf-page > section')]
        .filter((s) => s.scrollHeight > s.clientHeight + 2)
        .map((s) => s.dataset.source ?? '?')
    })
    onPrinting()
    // Tagged, as the other PDFs: a screen reader reads the slides in order, headings and lists included.
    await page.pdf({ path: file, printBackground: true, preferCSSPageSize: true, tagged: true, timeout })
  })
  return tooTall
}

/**
 * How slides.pdf of a deck of `count` slides is printed: one range of slides for each page printing
 * side by side (`FIRST-LAST`), or `[undefined]` for the whole deck at once. A big deck is split over
 * `workers` pages (the cores left to it): Chromium lays out and prints a page on one core, and the parts
 * are joined afterwards. A small one is not: a page costs more to open than its part saves.
 */
export function slideParts(count: number, workers: number): (string | undefined)[] {
  const parts = Math.max(1, Math.min(workers, Math.floor(count / MIN_SLIDES_PER_PART)))
  if (parts === 1) return [undefined]
  return Array.from({ length: parts }, (_, i) => {
    const first = Math.floor((i * count) / parts) + 1
    const last = Math.floor(((i + 1) * count) / parts)
    return `${first}-${last}`
  })
}

async function printHandout(options: ExportPdfsOptions, warnings: string[]): Promise<Job> {
  const { rendered, audience, style } = options.compiled
  const html = await renderHandout(rendered, { template: await loadHandoutTemplate(), audience, style, frame: options.compiled.frame })
  const messages = handoutMessages(rendered.meta.lang)
  const outline = deckOutline(rendered, (n) => ({ dest: `slide-${n}` }))
  // The diagnostic's slides are replaced by the table: its bookmark leads there.
  const extra: OutlineEntry[] = [
    ...(audience.diagnostic.length > 0 ? [{ title: messages.diagnostic, dest: 'diagnostic' }] : []),
    { title: messages.furtherReading, dest: 'further' },
    { title: messages.contacts, dest: 'contacts' },
  ]
  return printA4(options, warnings, {
    name: HANDOUT_PDF,
    htmlFile: HANDOUT_HTML,
    html,
    header: messages.handout,
    outline: [...outline, ...extra],
    fit: { selector: '.handout-text', from: 10.5, min: 8.5, what: 'the attendees\' text is too long for the handout and is cut; shorten it' },
  })
}

async function printNotes(options: ExportPdfsOptions, warnings: string[]): Promise<Job> {
  const { rendered, style } = options.compiled
  const html = await renderNotes(rendered, { template: await loadNotesTemplate(), perPage: options.perPage, style, frame: options.compiled.frame })
  return printA4(options, warnings, {
    name: NOTES_PDF,
    htmlFile: NOTES_HTML,
    html,
    header: notesMessages(rendered.meta.lang).speakerCopy,
    outline: deckOutline(rendered, (n) => ({ dest: `slide-${n}` })),
    fit: { selector: '.handout-notes', from: 9.5, min: 6.5, what: 'the notes are too long for notes.pdf and are cut; shorten them or split the slide' },
  })
}

interface A4Job {
  name: typeof HANDOUT_PDF | typeof NOTES_PDF
  htmlFile: string
  html: string
  /** Said at the top right of each page, beside the talk's title. */
  header: string
  outline: OutlineEntry[]
  /** Boxes whose type shrinks until their text fits, and the warning when it still does not. */
  fit: { selector: string; from: number; min: number; what: string }
}

/** Prints an A4 document of the deck (handout.pdf, notes.pdf) from its page written beside index.html. */
async function printA4(options: ExportPdfsOptions, warnings: string[], job: A4Job): Promise<Job> {
  const file = path.join(options.dir, job.name)
  const html = path.join(options.dir, job.htmlFile)
  const { rendered } = options.compiled
  options.onProgress?.({ pdf: job.name, step: 'loading' })
  const [fonts] = await Promise.all([loadHeaderFonts(options.dir), writeFile(html, job.html)])
  try {
    await withPage(options, job.name, async (page, timeout) => {
      await page.setViewport({ width: Math.round((A4.width * 96) / 25.4), height: Math.round((A4.height * 96) / 25.4) })
      await page.goto(pathToFileURL(html).href, { waitUntil: 'load', timeout })
      await page.evaluate(async () => {
        await document.fonts.ready
        await decodeImages()
      })
      const cut = await fitBoxes(page, job.fit.selector, job.fit.from, job.fit.min)
      const slides = rendered.stacks.flatMap((stack) => stack.slides)
      for (const n of cut) {
        const loc = slides[n - 1]?.loc
        warnings.push(`${loc ? formatLocation(loc) : `slide ${n}`}: ${job.fit.what}`)
      }
      options.onProgress?.({ pdf: job.name, step: 'printing' })
      const margin = { top: `${HANDOUT_MARGIN.top}mm`, bottom: `${HANDOUT_MARGIN.bottom}mm`, left: `${HANDOUT_MARGIN.side}mm`, right: `${HANDOUT_MARGIN.side}mm` }
      await page.pdf({
        path: file,
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        ...renderHeaderFooter(deckTitle(rendered), job.header, fonts),
        margin,
        tagged: true,
        timeout,
      })
    })
  } finally {
    await rm(html, { force: true })
  }
  return finish(file, job.name, options, warnings, job.outline)
}

/**
 * Runs `fn` on a page of the browser within the time-out; a time-out becomes `E_EXPORT`. The page is
 * given back for the next job (several decks and their PDFs: one renderer process is reused instead
 * of started for each), unless the job failed: then it is closed.
 */
async function withPage(options: ExportPdfsOptions, what: string, fn: (page: Page, timeout: number) => Promise<void>): Promise<void> {
  // A big deck takes longer to lay out and print: the time-out grows with it, so that it only catches
  // pages that never get ready.
  const timeout = pageTimeout(options.timeout, options.compiled.slideCount)
  const browser = await options.browser
  const page = await takePage(browser)
  const blocked = await guardRequests(page, [options.dir, ...options.compiled.mediaScope.roots])
  page.setDefaultTimeout(timeout)
  let timer: NodeJS.Timeout | undefined
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(EXPIRED), timeout)
  })
  try {
    await Promise.race([fn(page, timeout), expired])
    idlePages(browser).push(page)
  } catch (err) {
    const timedOut = err === EXPIRED || (err instanceof Error && err.name === 'TimeoutError')
    const culprit = timedOut ? await findUnreadySlide(page, options.compiled) : undefined
    // A hung renderer may not even close: leave it to closeBrowser, which kills what does not close.
    void page.close().catch(() => undefined)
    if (timedOut) throw timeoutError(what, timeout, err === EXPIRED ? undefined : err, culprit)
    throw err
  } finally {
    clearTimeout(timer)
    for (const url of blocked) blockedOf(options).add(`${what}: a request outside the deck's folder was blocked: ${url}`)
  }
}

/** The requests each export's pages were refused (see `guardRequests`), reported with its warnings. */
const BLOCKED = new WeakMap<ExportPdfsOptions, Set<string>>()

function blockedOf(options: ExportPdfsOptions): Set<string> {
  let set = BLOCKED.get(options)
  if (!set) BLOCKED.set(options, (set = new Set()))
  return set
}

/**
 * A page for a job: one a finished job gave back, else the browser's first, blank tab if no job took
 * it yet (one target less to create), else a new one.
 */
async function takePage(browser: Browser): Promise<Page> {
  const idle = idlePages(browser).pop()
  if (idle && !idle.isClosed()) return idle
  const pages = await browser.pages()
  // Find and mark in the same turn: two jobs started together never share a tab.
  const blank = pages.find((p) => !TAKEN.has(p) && p.url() === 'about:blank')
  const page = blank ?? (await browser.newPage())
  TAKEN.add(page)
  // The page's own scripts use these helpers (string form: the code runs in the browser, not in Node).
  await page.evaluateOnNewDocument(DECODE_IMAGES)
  return page
}

function idlePages(browser: Browser): Page[] {
  let idle = IDLE.get(browser)
  if (!idle) IDLE.set(browser, (idle = []))
  return idle
}

/** Sets the PDF's metadata and bookmarks, and checks its page count. */
async function finish(file: string, name: PdfName, options: ExportPdfsOptions, warnings: string[], outline: OutlineEntry[]): Promise<Job> {
  const pages = await writePdfMetadata(file, { ...pdfMetadata(options), outline })
  if (name === SLIDES_PDF && pages !== options.compiled.slideCount) {
    warnings.push(`${SLIDES_PDF} has ${pages} pages for ${options.compiled.slideCount} slides`)
  }
  options.onProgress?.({ pdf: name, step: 'done', pages })
  return { file, pages }
}

/**
 * The values of `promises`, once every one has settled; the first failure, once every one has settled.
 * Waiting for all even after a failure matters: a job still running would write its files into the
 * folder while the caller commits or cleans it (seen as a rename of a vanished .handout.html under load).
 */
async function settleAll<T>(promises: Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(promises)
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')
  if (failed) throw failed.reason
  return results.map((r) => (r as PromiseFulfilledResult<T>).value)
}

function pdfMetadata(options: ExportPdfsOptions): PdfMetadata {
  const { meta } = options.compiled.rendered
  const { profile } = options.compiled.audience
  const subject = typeof meta.subject === 'string' ? meta.subject : typeof meta.description === 'string' ? meta.description : undefined
  // A profile deck says whom it was made for: in the keywords, and in the subject when none is given.
  const forAsso = profile.generic ? undefined : profile.name
  return {
    title: deckTitle(options.compiled.rendered),
    author: meta.author,
    subject: subject ?? (forAsso ? `${handoutMessages(meta.lang).workshopFor} ${forAsso}` : undefined),
    keywords: forAsso,
    lang: meta.lang,
  }
}

function timeoutError(what: string, timeout: number, cause?: unknown, culprit?: UnreadySlide): DeckError {
  const seconds = Math.round(timeout / 100) / 10
  if (!culprit) {
    return new DeckError(`${what}: the page was not ready after ${seconds} s`, 'E_EXPORT', {
      hint: 'a slide may load something that never finishes (a script, a video); fix it, or allow more time with --timeout (in seconds)',
      cause,
    })
  }
  return new DeckError(`this slide was not ready after ${seconds} s (${culprit.why}): ${what} was not printed`, 'E_EXPORT', {
    loc: culprit.loc,
    hint: 'fix or remove what never finishes on this slide, or allow more time with --timeout (in seconds)',
    cause,
  })
}

interface UnreadySlide {
  loc: SourceLocation
  why: string
}

/**
 * The slide a page that timed out waits for: the first with an image, video or sound not yet loaded,
 * asked of the page; when the page does not even answer (a script that never ends holds it), the
 * first slide with a script of its own.
 */
async function findUnreadySlide(page: Page, compiled: ExportPdfsOptions['compiled']): Promise<UnreadySlide | undefined> {
  const slides = compiled.rendered.stacks.flatMap((s) => s.slides)
  const bySource = (source: string | undefined) => slides.find((s) => source?.endsWith(`:${s.loc.line}`) && source.includes(path.basename(s.loc.file)))
  let timer: NodeJS.Timeout | undefined
  const asked = await Promise.race([
    page
      .evaluate(() => {
        const waiting = [...document.querySelectorAll<HTMLImageElement | HTMLMediaElement>('img, video, audio')].find((el) =>
          el instanceof HTMLImageElement ? !el.complete : el.readyState < 2 && !el.error,
        )
        return waiting ? (waiting.closest('section[data-source]')?.getAttribute('data-source') ?? '') : undefined
      })
      .catch(() => null),
    new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), UNREADY_PROBE_MS))),
  ]).finally(() => clearTimeout(timer))
  const waiting = typeof asked === 'string' ? bySource(asked) : undefined
  if (waiting) return { loc: waiting.loc, why: 'an image, video or sound that never finished loading' }
  if (asked !== null) return undefined
  const scripted = slides.find((s) => /<script\b/i.test(s.html + s.notesHtml))
  return scripted ? { loc: scripted.loc, why: 'the page stopped answering: this slide has a script, which may never end' } : undefined
}

/** The rejection of a page's own time-out. */
const EXPIRED = Symbol('expired')
/** How long a page that timed out is given to say what it waits for. */
const UNREADY_PROBE_MS = 1_000

/**
 * Waits until every image of the page has loaded (or failed): `<img>` (lazy ones made eager) and every
 * CSS background image, reveal.js's slide backgrounds included. Printing before that gives empty frames.
 * Not `img.decode()`: in a page that is not in front (two PDFs print at once in two tabs), the full
 * Chromium's headless mode renders no frame, and a decode request, served with the next frame, never
 * settles; printing decodes what it draws by itself. Broken images do not wait (the build checks local
 * files).
 */
const DECODE_IMAGES = `window.decodeImages = async function () {
  const urls = new Set()
  for (const el of document.querySelectorAll('body, body *')) {
    const background = getComputedStyle(el).backgroundImage
    if (!background.includes('url(')) continue
    for (const m of background.matchAll(/url\\(["']?(.*?)["']?\\)/g)) urls.add(m[1])
  }
  const images = [...document.images]
  for (const url of urls) { const img = new Image(); img.src = url; images.push(img) }
  await Promise.all(images.map((img) => {
    img.loading = 'eager'
    if (img.complete) return undefined
    return new Promise((resolve) => {
      img.addEventListener('load', resolve, { once: true })
      img.addEventListener('error', resolve, { once: true })
    })
  }))
}`

declare global {
  interface Window {
    diapoPrintReady: Promise<void>
  }
  function decodeImages(): Promise<void>
}

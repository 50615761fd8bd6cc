import { rm, writeFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import type { Browser, Page } from 'puppeteer-core'

import type { CompiledDeck } from '../compile.js'
import { DeckError, formatLocation } from '../errors.js'
import { deckTitle } from '../render/page.js'
import { DEFAULT_TIMEOUT } from './browser.js'
import { fitHandoutNotes, loadHandoutTemplate, renderHandout, renderHandoutHeaderFooter } from './handout.js'
import { A4, HANDOUT_MARGIN, type HandoutPerPage } from './layout.js'
import { mergePdfs, type PdfMetadata, writePdfMetadata } from './metadata.js'

export const SLIDES_PDF = 'slides.pdf'
export const HANDOUT_PDF = 'handout.pdf'
const HANDOUT_HTML = '.handout.html'
/** Parts of a big slides.pdf, printed side by side, then joined: `.slides-1.pdf`, ... */
const SLIDES_PART = '.slides-'
/** A part of slides.pdf is worth its own page from this many slides. */
const MIN_SLIDES_PER_PART = 150
const TAKEN = new WeakSet<Page>()
/** Pages of each browser whose job is done, ready for another. */
const IDLE = new WeakMap<Browser, Page[]>()
/** Time-out added for each slide of the deck, in ms. */
const PRINT_MS_PER_SLIDE = 100

/** What the export reports while it works, for a progress display. */
export interface PdfProgress {
  pdf: typeof SLIDES_PDF | typeof HANDOUT_PDF
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
  /** Handout slides a page: 3 (notes beside, default) or 2 (notes below). */
  perPage?: HandoutPerPage
  /** Pages that print at once (default: the machine's cores): a big slides.pdf is split over them. */
  workers?: number
  /** Which PDFs to write (default both). */
  only?: (typeof SLIDES_PDF | typeof HANDOUT_PDF)[]
  onProgress?: (progress: PdfProgress) => void
}

export interface ExportPdfsResult {
  /** Absolute paths of the PDFs written, with their page counts. */
  files: { file: string; pages: number }[]
  /** Problems that did not stop the export (a slide taller than its frame...), one line each. */
  warnings: string[]
}

/**
 * Writes `slides.pdf` (one page of the slide frame a slide, 1280×720 or 960×720 for 4:3, fragments shown) and `handout.pdf` (A4, slides with
 * their notes, then the links) of a deck already written into `dir`, printing both at once in two
 * pages of one browser. Every wait is on an event (reveal.js's `pdf-ready`, fonts, decoded images),
 * never a pause; each page has `timeout` ms, then fails with `E_EXPORT`. On any failure no PDF is
 * left in `dir`, so a staged output can be committed without them and older PDFs stay as they were.
 */
export async function exportPdfs(options: ExportPdfsOptions): Promise<ExportPdfsResult> {
  const only = options.only ?? [SLIDES_PDF, HANDOUT_PDF]
  const warnings: string[] = []
  const jobs = {
    [SLIDES_PDF]: () => printSlides(options, warnings),
    [HANDOUT_PDF]: () => printHandout(options, warnings),
  }
  try {
    return { files: await settleAll(only.map((name) => jobs[name]())), warnings }
  } catch (err) {
    await Promise.all([SLIDES_PDF, HANDOUT_PDF, HANDOUT_HTML].map((f) => rm(path.join(options.dir, f), { force: true })))
    throw err
  }
}

// --- internal ---

type Job = { file: string; pages: number }

async function printSlides(options: ExportPdfsOptions, warnings: string[]): Promise<Job> {
  const file = path.join(options.dir, SLIDES_PDF)
  // The handout, printed at the same time, takes one of the workers.
  const withHandout = !options.only || options.only.includes(HANDOUT_PDF)
  const workers = (options.workers ?? availableParallelism()) - (withHandout ? 1 : 0)
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
    const pages = parts.length === 1 ? undefined : await mergePdfs(files, file, pdfMetadata(options))
    return await finish(file, SLIDES_PDF, options, warnings, pages)
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
    // Untagged: a third faster to print on big decks. The handout, the attendees' document, is tagged.
    await page.pdf({ path: file, printBackground: true, preferCSSPageSize: true, tagged: false, timeout })
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
  const file = path.join(options.dir, HANDOUT_PDF)
  const html = path.join(options.dir, HANDOUT_HTML)
  const { rendered } = options.compiled
  options.onProgress?.({ pdf: HANDOUT_PDF, step: 'loading' })
  await writeFile(html, renderHandout(rendered, { template: await loadHandoutTemplate(), perPage: options.perPage, style: options.compiled.style, frame: options.compiled.frame }))
  try {
    await withPage(options, HANDOUT_PDF, async (page, timeout) => {
      await page.setViewport({ width: Math.round((A4.width * 96) / 25.4), height: Math.round((A4.height * 96) / 25.4) })
      await page.goto(pathToFileURL(html).href, { waitUntil: 'load', timeout })
      await page.evaluate(async () => {
        await document.fonts.ready
        await decodeImages()
      })
      const cut = await fitHandoutNotes(page)
      const slides = rendered.stacks.flatMap((stack) => stack.slides)
      for (const n of cut) {
        const loc = slides[n - 1]?.loc
        warnings.push(`${loc ? formatLocation(loc) : `slide ${n}`}: the notes are too long for the handout and are cut; shorten them or split the slide`)
      }
      options.onProgress?.({ pdf: HANDOUT_PDF, step: 'printing' })
      const margin = { top: `${HANDOUT_MARGIN.top}mm`, bottom: `${HANDOUT_MARGIN.bottom}mm`, left: `${HANDOUT_MARGIN.side}mm`, right: `${HANDOUT_MARGIN.side}mm` }
      await page.pdf({
        path: file,
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        ...renderHandoutHeaderFooter(deckTitle(options.compiled.rendered), rendered.meta.author),
        margin,
        tagged: true,
        timeout,
      })
    })
  } finally {
    await rm(html, { force: true })
  }
  return finish(file, HANDOUT_PDF, options, warnings)
}

/**
 * Runs `fn` on a page of the browser within the time-out; a time-out becomes `E_EXPORT`. The page is
 * given back for the next job (several decks and their PDFs: one renderer process is reused instead
 * of started for each), unless the job failed: then it is closed.
 */
async function withPage(options: ExportPdfsOptions, what: string, fn: (page: Page, timeout: number) => Promise<void>): Promise<void> {
  // A big deck takes longer to lay out and print: the time-out grows with it, so that it only catches
  // pages that never get ready.
  const timeout = (options.timeout ?? DEFAULT_TIMEOUT) + PRINT_MS_PER_SLIDE * options.compiled.slideCount
  const browser = await options.browser
  const page = await takePage(browser)
  page.setDefaultTimeout(timeout)
  let timer: NodeJS.Timeout | undefined
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError(what, timeout)), timeout)
  })
  try {
    await Promise.race([fn(page, timeout), expired])
    idlePages(browser).push(page)
  } catch (err) {
    // A hung renderer may not even close: leave it to closeBrowser, which kills what does not close.
    void page.close().catch(() => undefined)
    if (err instanceof Error && err.name === 'TimeoutError') throw timeoutError(what, timeout, err)
    throw err
  } finally {
    clearTimeout(timer)
  }
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

/** Sets the PDF's metadata (unless `pages` says it is already done) and checks its page count. */
async function finish(file: string, name: PdfProgress['pdf'], options: ExportPdfsOptions, warnings: string[], pages?: number): Promise<Job> {
  pages ??= await writePdfMetadata(file, pdfMetadata(options))
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
  const subject = typeof meta.subject === 'string' ? meta.subject : typeof meta.description === 'string' ? meta.description : undefined
  return { title: deckTitle(options.compiled.rendered), author: meta.author, subject, lang: meta.lang }
}

function timeoutError(what: string, timeout: number, cause?: unknown): DeckError {
  return new DeckError(`${what}: the page was not ready after ${Math.round(timeout / 100) / 10} s`, 'E_EXPORT', {
    hint: 'a slide may load something that never finishes (a script, a video); fix it, or allow more time with --timeout (in seconds)',
    cause,
  })
}

/**
 * Waits until every image of the page (and every CSS background of reveal.js's slide backgrounds)
 * is decoded: printing before that gives empty frames. Broken images do not wait (the build checks
 * local files).
 */
const DECODE_IMAGES = `window.decodeImages = async function () {
  const urls = new Set()
  document.querySelectorAll('.slide-background-content, .handout-frame').forEach((el) => {
    const m = /url\\(["']?(.*?)["']?\\)/.exec(getComputedStyle(el).backgroundImage)
    if (m) urls.add(m[1])
  })
  const images = [...document.images]
  for (const url of urls) { const img = new Image(); img.src = url; images.push(img) }
  await Promise.all(images.map((img) => { img.loading = 'eager'; return img.decode().catch(() => undefined) }))
}`

declare global {
  interface Window {
    diapoPrintReady: Promise<void>
  }
  function decodeImages(): Promise<void>
}

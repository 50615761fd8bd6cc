import { rm } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import type { Diagnostic } from '../diagnostics.js'
import { t } from '../i18n/index.js'
import { findMissingGlyphs, loadFontRanges } from './glyphs.js'
import { mergePdfs } from './pdf-join.js'
import { deckOutline } from './outline.js'
import {
  type ExportPdfsOptions,
  type ExportRun,
  finish,
  HANDOUT_PDF,
  NOTES_PDF,
  type PdfFile,
  pdfMetadata,
  printInPage,
  SLIDES_PDF,
} from './pdf-job.js'
import { HANDOUT_HTML, NOTES_HTML, printHandout, printNotes } from './print-a4.js'
import type { BrowserSession } from './session.js'
import { slideAtSource } from './slide-source.js'

export { type ExportPdfsOptions, HANDOUT_PDF, NOTES_PDF, type PdfFile, type PdfName, type PdfProgress, SLIDES_PDF } from './pdf-job.js'

export interface ExportPdfsResult {
  /** Absolute paths of the PDFs written, with their page counts. */
  files: PdfFile[]
  /** Problems that did not stop the export (a slide taller than its frame...), each where to fix it. */
  diagnostics: Diagnostic[]
}

/**
 * Writes `slides.pdf` (one page of the slide frame a slide, 1280×720 or 960×720 for 4:3, fragments shown), `handout.pdf` (A4, for attendees:
 * cover, slides with their attendees' text, diagnostic, links, contacts) and `notes.pdf` (A4, the
 * speaker's copy: slides beside their notes, with the planned timing) of a deck already written into
 * `options.dir`, printing them at once in pages of the `session`'s browser (left open: several decks
 * share it). Each is tagged, with bookmarks and metadata. Every wait is on an event (reveal.js's `pdf-ready`, fonts, decoded images),
 * never a pause; each page has `timeout` ms, then fails with `E_EXPORT`. On any failure no PDF is
 * left in `dir`, so a staged output can be committed without them and older PDFs stay as they were.
 */
export async function exportPdfs(session: BrowserSession, options: ExportPdfsOptions): Promise<ExportPdfsResult> {
  const only = options.only ?? [SLIDES_PDF, HANDOUT_PDF, NOTES_PDF]
  const run: ExportRun = { session, options, diagnostics: [], blocked: new Map() }
  const jobs = {
    [SLIDES_PDF]: () => printSlides(run),
    [HANDOUT_PDF]: () => printHandout(run),
    [NOTES_PDF]: () => printNotes(run),
  }
  try {
    const files = await settleAll(only.map((name) => jobs[name]()))
    const ranges = await loadFontRanges(options.dir)
    for (const { loc, chars } of ranges ? findMissingGlyphs(options.compiled.rendered, ranges) : []) {
      const list = chars.map((c) => `"${c}"`).join(', ')
      const message = t('pdf.missingGlyphs', { list, count: chars.length })
      run.diagnostics.push({ severity: 'warning', rule: 'missing-glyph', loc, message, details: { chars } })
    }
    return { files, diagnostics: [...run.diagnostics, ...run.blocked.values()] }
  } catch (err) {
    await Promise.all(
      [SLIDES_PDF, HANDOUT_PDF, NOTES_PDF, HANDOUT_HTML, NOTES_HTML].map((f) => rm(path.join(options.dir, f), { force: true })),
    )
    throw err
  }
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

// --- internal ---

/** Parts of a big slides.pdf, printed side by side, then joined: `.slides-1.pdf`, ... */
const SLIDES_PART = '.slides-'
/** A part of slides.pdf is worth its own page from this many slides. */
const MIN_SLIDES_PER_PART = 150

async function printSlides(run: ExportRun): Promise<PdfFile> {
  const { options } = run
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
    const tooTall = await settleAll(parts.map((range, i) => printSlidesPart(run, files[i]!, range, onPrinting)))
    for (const source of tooTall.flat()) run.diagnostics.push(tooTallDiagnostic(run, source))
    if (parts.length > 1) await mergePdfs(files, file, pdfMetadata(options.compiled))
    // Bookmarks: slide n is page n.
    const outline = deckOutline(options.compiled.rendered, (n) => ({ page: n - 1 }))
    return await finish(run, file, SLIDES_PDF, outline)
  } finally {
    if (parts.length > 1) await Promise.all(files.map((f) => rm(f, { force: true })))
  }
}

/**
 * Prints slides `range` (`FIRST-LAST`, from 1; default all) of the deck's print view into `file`, and
 * returns where the slides taller than their frame are. Several parts print side by side, in pages of
 * their own (one renderer process each).
 */
async function printSlidesPart(run: ExportRun, file: string, range: string | undefined, onPrinting: () => void): Promise<string[]> {
  const { dir, compiled } = run.options
  const url = `${pathToFileURL(path.join(dir, 'index.html')).href}?print-pdf${range ? `&slides=${range}` : ''}`
  let tooTall: string[] = []
  await printInPage(run, SLIDES_PDF, async (page, timeout) => {
    await page.setViewport({ width: compiled.frame.width, height: compiled.frame.height })
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

/** A slide taller than its frame, found by its `<section>`'s `data-source`: located at its line. */
function tooTallDiagnostic(run: ExportRun, source: string): Diagnostic {
  const found = slideAtSource(run.options.compiled, source)
  return {
    severity: 'warning',
    rule: 'slide-too-tall',
    ...(found ? { loc: found.slide.loc, slide: found.number } : {}),
    message: t('pdf.slideTooTall', { file: SLIDES_PDF }),
    details: { pdf: SLIDES_PDF },
  }
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

import type { Page } from 'puppeteer-core'

import type { CompiledDeck } from '../compile.js'
import type { Diagnostic } from '../diagnostics.js'
import { t } from '../i18n/index.js'
import { deckTitle } from '../render/page.js'
import { handoutMessages } from './handout.js'
import type { HandoutPerPage } from './layout.js'
import { pageTimeout } from './launch.js'
import { type PdfMetadata, writePdfMetadata } from './metadata.js'
import type { OutlineEntry } from './outline.js'
import type { BrowserSession } from './session.js'
import { unreadySlideError } from './unready.js'

export const SLIDES_PDF = 'slides.pdf'
export const HANDOUT_PDF = 'handout.pdf'
export const NOTES_PDF = 'notes.pdf'
export type PdfName = typeof SLIDES_PDF | typeof HANDOUT_PDF | typeof NOTES_PDF

/** What the export reports while it works, for a progress display. */
export interface PdfProgress {
  pdf: PdfName
  step: 'loading' | 'printing' | 'done'
  /** Pages of the PDF, once known (`printing`: expected; `done`: written). */
  pages?: number
}

export interface ExportPdfsOptions {
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

/** A PDF written, with its page count. */
export interface PdfFile {
  file: string
  pages: number
}

/** One export under way: what its print jobs share. */
export interface ExportRun {
  session: BrowserSession
  options: ExportPdfsOptions
  /** Problems that do not stop the export, each where to fix it. */
  diagnostics: Diagnostic[]
  /** The requests its pages were refused (see `guardRequests`), once each by PDF and URL. */
  blocked: Map<string, Diagnostic>
}

/**
 * Runs `fn` on a page of the session, guarded: the page may load the deck's files only, and has the
 * deck's time-out, after which the export fails with `E_EXPORT` naming the slide it waits for.
 */
export async function printInPage(run: ExportRun, what: PdfName, fn: (page: Page, timeout: number) => Promise<void>): Promise<void> {
  const { compiled, dir } = run.options
  // A big deck takes longer to lay out and print: the time-out grows with it, so that it only catches
  // pages that never get ready.
  const timeout = pageTimeout(run.options.timeout, compiled.slideCount)
  let blocked: readonly string[] = []
  try {
    await run.session.withPage(
      (page, job) => {
        blocked = job.blocked
        return fn(page, timeout)
      },
      {
        timeout,
        what,
        allow: [dir, ...compiled.mediaScope.roots],
        explainTimeout: (page, cause) => unreadySlideError(page, compiled, what, timeout, cause),
      },
    )
  } finally {
    for (const url of blocked) {
      run.blocked.set(`${what} ${url}`, {
        severity: 'warning',
        rule: 'request-blocked',
        message: t('pdf.requestBlocked', { pdf: what, url }),
        details: { pdf: what, url },
      })
    }
  }
}

/** Sets the PDF's metadata and bookmarks, and checks its page count. */
export async function finish(run: ExportRun, file: string, name: PdfName, outline: OutlineEntry[]): Promise<PdfFile> {
  const { compiled } = run.options
  const pages = await writePdfMetadata(file, { ...pdfMetadata(compiled), outline })
  if (name === SLIDES_PDF && pages !== compiled.slideCount) {
    run.diagnostics.push({
      severity: 'warning',
      rule: 'page-count',
      message: t('pdf.pageCount', { file: SLIDES_PDF, pages, slides: compiled.slideCount }),
      details: { pdf: SLIDES_PDF, pages, slides: compiled.slideCount },
    })
  }
  run.options.onProgress?.({ pdf: name, step: 'done', pages })
  return { file, pages }
}

/** What the PDFs of a deck say about themselves: title, author, subject, whom a profile deck is for. */
export function pdfMetadata(compiled: CompiledDeck): PdfMetadata {
  const { meta } = compiled.rendered
  const { profile } = compiled.audience
  const subject = typeof meta.subject === 'string' ? meta.subject : typeof meta.description === 'string' ? meta.description : undefined
  // A profile deck says whom it was made for: in the keywords, and in the subject when none is given.
  const forAsso = profile.generic ? undefined : profile.name
  return {
    title: deckTitle(compiled.rendered),
    author: meta.author,
    subject: subject ?? (forAsso ? `${handoutMessages(meta.lang).workshopFor} ${forAsso}` : undefined),
    keywords: forAsso,
    lang: meta.lang,
  }
}

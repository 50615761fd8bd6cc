import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { t } from '../i18n/index.js'
import { deckTitle } from '../render/page.js'
import { handoutMessages, loadHandoutTemplate, renderHandout } from './handout.js'
import { A4, HANDOUT_MARGIN } from './layout.js'
import { loadNotesTemplate, notesMessages, renderNotes } from './notes.js'
import { deckOutline, type OutlineEntry } from './outline.js'
import { type ExportRun, finish, HANDOUT_PDF, NOTES_PDF, type PdfFile, printInPage } from './pdf-job.js'
import { fitBoxes, loadHeaderFonts, renderHeaderFooter } from './print-page.js'

/** Page of the handout, written beside `index.html` while it prints. */
export const HANDOUT_HTML = '.handout.html'
/** Page of the speaker's copy, written beside `index.html` while it prints. */
export const NOTES_HTML = '.notes.html'

/**
 * Prints `handout.pdf` (A4, for attendees: cover, slides with their attendees' text, diagnostic, links,
 * contacts), with a bookmark for each section and slide.
 */
export async function printHandout(run: ExportRun): Promise<PdfFile> {
  const { rendered, audience, style, frame } = run.options.compiled
  const html = await renderHandout(rendered, { template: await loadHandoutTemplate(), audience, style, frame })
  const messages = handoutMessages(rendered.meta.lang)
  const outline = deckOutline(rendered, (n) => ({ dest: `slide-${n}` }))
  // The diagnostic's slides are replaced by the table: its bookmark leads there.
  const extra: OutlineEntry[] = [
    ...(audience.diagnostic.length > 0 ? [{ title: messages.diagnostic, dest: 'diagnostic' }] : []),
    { title: messages.furtherReading, dest: 'further' },
    { title: messages.contacts, dest: 'contacts' },
  ]
  return printA4(run, {
    name: HANDOUT_PDF,
    htmlFile: HANDOUT_HTML,
    html,
    header: messages.handout,
    outline: [...outline, ...extra],
    fit: { selector: '.handout-text', from: 10.5, min: 8.5, rule: 'handout-text-cut', what: t('pdf.handoutTextCut') },
  })
}

/** Prints `notes.pdf` (A4, the speaker's copy: slides beside their notes, with the planned timing). */
export async function printNotes(run: ExportRun): Promise<PdfFile> {
  const { rendered, style, frame } = run.options.compiled
  const html = await renderNotes(rendered, { template: await loadNotesTemplate(), perPage: run.options.perPage, style, frame })
  return printA4(run, {
    name: NOTES_PDF,
    htmlFile: NOTES_HTML,
    html,
    header: notesMessages(rendered.meta.lang).speakerCopy,
    outline: deckOutline(rendered, (n) => ({ dest: `slide-${n}` })),
    fit: { selector: '.handout-notes', from: 9.5, min: 6.5, rule: 'notes-cut', what: t('pdf.notesCut') },
  })
}

// --- internal ---

interface A4Job {
  name: typeof HANDOUT_PDF | typeof NOTES_PDF
  htmlFile: string
  html: string
  /** Said at the top right of each page, beside the talk's title. */
  header: string
  outline: OutlineEntry[]
  /** Boxes whose type shrinks until their text fits, and the warning (its rule, its message) when it still does not. */
  fit: { selector: string; from: number; min: number; rule: string; what: string }
}

/** Prints an A4 document of the deck (handout.pdf, notes.pdf) from its page written beside index.html. */
async function printA4(run: ExportRun, job: A4Job): Promise<PdfFile> {
  const { dir, compiled, onProgress } = run.options
  const file = path.join(dir, job.name)
  const html = path.join(dir, job.htmlFile)
  onProgress?.({ pdf: job.name, step: 'loading' })
  const [fonts] = await Promise.all([loadHeaderFonts(dir), writeFile(html, job.html)])
  try {
    await printInPage(run, job.name, async (page, timeout) => {
      await page.setViewport({ width: Math.round((A4.width * 96) / 25.4), height: Math.round((A4.height * 96) / 25.4) })
      await page.goto(pathToFileURL(html).href, { waitUntil: 'load', timeout })
      await page.evaluate(async () => {
        await document.fonts.ready
        await decodeImages()
      })
      const cut = await fitBoxes(page, job.fit.selector, job.fit.from, job.fit.min)
      const slides = compiled.rendered.stacks.flatMap((stack) => stack.slides)
      for (const n of cut) {
        const loc = slides[n - 1]?.loc
        run.diagnostics.push({
          severity: 'warning',
          rule: job.fit.rule,
          ...(loc ? { loc } : {}),
          slide: n,
          message: job.fit.what,
          details: { pdf: job.name },
        })
      }
      onProgress?.({ pdf: job.name, step: 'printing' })
      const margin = {
        top: `${HANDOUT_MARGIN.top}mm`,
        bottom: `${HANDOUT_MARGIN.bottom}mm`,
        left: `${HANDOUT_MARGIN.side}mm`,
        right: `${HANDOUT_MARGIN.side}mm`,
      }
      await page.pdf({
        path: file,
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        ...renderHeaderFooter(deckTitle(compiled.rendered), job.header, fonts),
        margin,
        tagged: true,
        timeout,
      })
    })
  } finally {
    await rm(html, { force: true })
  }
  return finish(run, file, job.name, job.outline)
}

/** `build()`: a deck into its output folder, with its PDFs when asked; the API of `diapo build`. */
import path from 'node:path'

import { compileDeck, type CompileOptions } from '../../compile.js'
import { writeDecksPage } from '../../decks-page.js'
import { buildInto, type BuildResult } from './into.js'
import type { PdfOptions } from './pdf.js'

export interface BuildOptions extends CompileOptions {
  /** Output folder (default `dist/`). */
  out: string
  /** Also write slides.pdf, handout.pdf and notes.pdf (see `PdfOptions` for how they are printed). */
  pdf?: boolean
}

/**
 * Compiles the deck and writes it into `out` (see `buildInto`), then the page of all decks of `out`.
 * Any error leaves the previous output untouched.
 */
export async function build(options: BuildOptions & PdfOptions): Promise<BuildResult> {
  // Puppeteer and the PDF code load only for --pdf: the plain build stays light.
  if (options.pdf) return (await import('./pdf.js')).buildWithPdf(options)
  const compiled = await compileDeck(options)
  const outDir = path.resolve(options.cwd, options.out)
  const result = await buildInto(outDir, compiled)
  const { file: decksPage } = await writeDecksPage(outDir)
  return { ...result, ...(decksPage ? { decksPage } : {}) }
}

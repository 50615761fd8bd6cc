import path from 'node:path'

import { compileDeck, type CompileOptions } from '../compile.js'
import { writeDecksPage } from '../decks-page.js'
import { formatWarning } from '../errors.js'
import { writeStaged } from '../output.js'
import { writeDeck } from '../write.js'
import type { PdfBuildOptions } from './pdf.js'

export interface BuildOptions extends CompileOptions {
  /** Output folder (default `dist/`). */
  out: string
  /** Also write slides.pdf, handout.pdf and notes.pdf (see `buildWithPdf` for the options it takes). */
  pdf?: boolean
}

export interface BuildResult {
  outDir: string
  indexFile: string
  /** The deck as one self-contained HTML file, beside `index.html`. */
  singleFile: string
  /** The page of all decks of the output folder (see `writeDecksPage`), rewritten by every build into it. */
  decksPage?: string
  slideCount: number
  /** The PDFs written (`--pdf`), with their page counts. */
  pdfs?: { file: string; pages: number }[]
  /** Problems that did not stop the build, one line each. */
  warnings?: string[]
}

/**
 * `diapo build`: compiles the deck and writes it into a staging folder, then swaps it into `out`.
 * Any error leaves the previous output untouched.
 */
export async function build(options: BuildOptions & Partial<PdfBuildOptions>): Promise<BuildResult> {
  // Puppeteer and the PDF code load only for --pdf: the plain build stays light.
  if (options.pdf) return (await import('./pdf.js')).buildWithPdf(options)
  const compiled = await compileDeck(options)
  const outDir = path.resolve(options.cwd, options.out)
  await writeStaged(outDir, (dir) => writeDeck(compiled, dir))
  const { file: decksPage } = await writeDecksPage(outDir)
  const warnings = compiled.warnings.map((w) => formatWarning(w, options.cwd))
  return { outDir, indexFile: path.join(outDir, 'index.html'), singleFile: path.join(outDir, compiled.singleFile), decksPage, slideCount: compiled.slideCount, warnings }
}

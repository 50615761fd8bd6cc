import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'

import { compileDeck } from '../compile.js'
import { writeDecksPage } from '../decks-page.js'
import { DeckError, formatWarning, isDeckError } from '../errors.js'
import type { BrowserChoice } from '../export/browser.js'
import { DEFAULT_TIMEOUT } from '../export/launch.js'
import { exportPdfs, HANDOUT_PDF, type PdfProgress } from '../export/pdf.js'
import { withBrowser } from '../export/session.js'
import { writeStaged } from '../output.js'
import { writeDeck } from '../write.js'
import type { BuildOptions, BuildResult } from './build.js'

/** What `diapo build --pdf` and `diapo pdf` take besides the build's options. */
export interface PdfBuildOptions extends BuildOptions {
  /** Browser executable (`--browser-path`); else CHROME_PATH, PUPPETEER_EXECUTABLE_PATH, usual paths. */
  browserPath?: string
  /** Time-out of each PDF page, in ms. */
  timeout?: number
  onProgress?: (progress: PdfProgress) => void
  /** Told which browser prints, before it starts. */
  onBrowser?: (choice: BrowserChoice) => void
}

/**
 * `diapo build --pdf`: the HTML deck, then `slides.pdf`, `handout.pdf` and `notes.pdf` printed from it, all in one
 * staging folder swapped into `out` at the end. The browser starts while the deck is compiled and
 * written. When the PDFs fail (no browser, a time-out), the HTML deck is still put in place, the
 * previous PDFs are left as they were, and the error is thrown.
 */
export async function buildWithPdf(options: PdfBuildOptions): Promise<BuildResult> {
  // --timeout is for the pages: a short one must not fail a browser slow to start on a busy machine.
  const launchTimeout = Math.max(options.timeout ?? 0, DEFAULT_TIMEOUT)
  return withBrowser({ executablePath: options.browserPath, timeout: launchTimeout, onChoice: options.onBrowser }, async (session) => {
    const compiled = await compileDeck({ ...options, withPdf: true })
    const outDir = path.resolve(options.cwd, options.out)
    // When the PDFs fail, the HTML deck is still put in place (the older PDFs stay), then the error is thrown.
    const outcome = await writeStaged(outDir, async (dir) => {
      await writeDeck(compiled, dir)
      try {
        return { exported: await exportPdfs(session, { dir, compiled, timeout: options.timeout, onProgress: options.onProgress }) }
      } catch (failure) {
        // The deck links to handout.pdf beside it: with no handout.pdf of an earlier build to keep, the
        // deck is the one a plain build makes, which links to no file that is not there.
        if (!existsSync(path.join(outDir, HANDOUT_PDF))) await writeFile(path.join(dir, 'index.html'), (await compileDeck({ ...options, withPdf: false })).html)
        return { failure }
      }
    })
    const { file: decksPage } = await writeDecksPage(outDir)
    if ('failure' in outcome) throw deckStillBuilt(outcome.failure, path.relative(options.cwd, outDir) || '.')
    return {
      outDir,
      indexFile: path.join(outDir, 'index.html'),
      singleFile: path.join(outDir, compiled.singleFile),
      decksPage,
      slideCount: compiled.slideCount,
      pdfs: outcome.exported.files.map((f) => ({ file: path.join(outDir, path.basename(f.file)), pages: f.pages })),
      warnings: [...compiled.warnings.map((w) => formatWarning(w, options.cwd)), ...outcome.exported.warnings],
    }
  })
}

// --- internal ---

function deckStillBuilt(err: unknown, out: string): unknown {
  if (!isDeckError(err)) return err
  return new DeckError(`${err.message} (${out}/index.html is built; the PDFs are not, older ones are kept)`, err.code, err.detail)
}

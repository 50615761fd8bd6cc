/**
 * The PDFs of a build (`diapo build --pdf`, `diapo pdf`, and each profile's): `slides.pdf`, `handout.pdf`
 * and `notes.pdf` printed by one browser from the deck in its staging folder, as `buildInto`'s
 * `afterWrite`. Puppeteer and the export load only here: a plain build stays light.
 */
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'

import { compileDeck, type CompiledDeck } from '../../compile.js'
import { writeDecksPage } from '../../decks-page.js'
import { DeckError, isDeckError } from '../../errors.js'
import type { BrowserChoice } from '../../export/browser.js'
import { DEFAULT_TIMEOUT } from '../../export/launch.js'
import { exportPdfs, HANDOUT_PDF, type PdfProgress } from '../../export/pdf.js'
import { type BrowserSession, withBrowser } from '../../export/session.js'
import { t } from '../../i18n/index.js'
import { type AfterWriteOutcome, buildInto, type BuildResult } from './into.js'
import type { BuildOptions } from './run.js'

/** How the PDFs are printed. */
export interface PdfOptions {
  /** Browser executable (`--browser-path`); else CHROME_PATH, PUPPETEER_EXECUTABLE_PATH, usual paths. */
  browserPath?: string
  /** Time-out of each PDF page, in ms. */
  timeout?: number
  onProgress?: (progress: PdfProgress) => void
  /** Told which browser prints, before it starts. */
  onBrowser?: (choice: BrowserChoice) => void
}

/**
 * Runs `fn` with one browser for all the PDFs it prints, started at once (while the decks compile) and
 * closed at the end however it ends.
 */
export function withPdfBrowser<T>(options: PdfOptions, fn: (session: BrowserSession) => Promise<T>): Promise<T> {
  // --timeout is for the pages: a short one must not fail a browser slow to start on a busy machine.
  const launchTimeout = Math.max(options.timeout ?? 0, DEFAULT_TIMEOUT)
  return withBrowser({ executablePath: options.browserPath, timeout: launchTimeout, onChoice: options.onBrowser }, fn)
}

/** `afterWrite` for `buildInto`: the three PDFs of `compiled`, printed in the staging folder. */
export function printPdfs(
  session: BrowserSession,
  compiled: CompiledDeck,
  options: PdfOptions,
): (dir: string) => Promise<AfterWriteOutcome> {
  return async (dir) => {
    const exported = await exportPdfs(session, { dir, compiled, timeout: options.timeout, onProgress: options.onProgress })
    return { files: exported.files, diagnostics: exported.diagnostics }
  }
}

/**
 * `diapo build --pdf`: the HTML deck and its PDFs, all in one staging folder swapped into `out` at the
 * end. When the PDFs fail (no browser, a time-out), the HTML deck is still put in place, the previous
 * PDFs are left as they were, and the error is thrown.
 */
export async function buildWithPdf(options: BuildOptions & PdfOptions): Promise<BuildResult> {
  return withPdfBrowser(options, async (session) => {
    const compiled = await compileDeck({ ...options, withPdf: true })
    const outDir = path.resolve(options.cwd, options.out)
    let failure: unknown
    const result = await buildInto(outDir, compiled, {
      afterWrite: async (dir) => {
        try {
          return await printPdfs(session, compiled, options)(dir)
        } catch (err) {
          failure = err
          // The deck links to handout.pdf beside it: with no handout.pdf of an earlier build to keep, the
          // deck is the one a plain build makes, which links to no file that is not there.
          if (!existsSync(path.join(outDir, HANDOUT_PDF)))
            await writeFile(path.join(dir, 'index.html'), (await compileDeck({ ...options, withPdf: false })).html)
          return {}
        }
      },
    })
    const { file: decksPage } = await writeDecksPage(outDir)
    if (failure !== undefined) throw deckStillBuilt(failure, path.relative(options.cwd, outDir) || '.')
    return { ...result, ...(decksPage ? { decksPage } : {}) }
  })
}

// --- internal ---

function deckStillBuilt(err: unknown, out: string): unknown {
  if (!isDeckError(err)) return err
  return new DeckError(`${err.message} (${t('build.pdfFailedDeckBuilt', { out })})`, err.code, {
    ...err.detail,
    cause: err.detail.cause ?? err,
  })
}

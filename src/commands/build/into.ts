/**
 * The one way a compiled deck reaches its output folder, for a plain build, a build with PDFs and each
 * association's build: written into a temporary folder beside the output, completed there by
 * `afterWrite` (the PDFs), then renamed into place. Any error leaves the previous output untouched.
 */
import path from 'node:path'

import type { CompiledDeck } from '../../compile.js'
import type { Diagnostic } from '../../diagnostics.js'
import { writeStaged } from '../../output.js'
import { writeDeck } from '../../write.js'

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
  /** Problems that did not stop the build, each where to fix it. */
  diagnostics: Diagnostic[]
}

/** What an `afterWrite` hook added to the staging folder: files (paths in that folder) and problems found. */
export interface AfterWriteOutcome {
  files?: { file: string; pages: number }[]
  diagnostics?: Diagnostic[]
}

export interface BuildIntoHooks {
  /**
   * Runs once the deck is written into the staging folder `dir`, before it replaces the previous output:
   * the place for the PDFs. Throwing leaves the previous output as it was.
   */
  afterWrite?: (dir: string) => Promise<AfterWriteOutcome | void>
}

/** Writes `compiled` into `out` through a staging folder (see the module's comment). */
export async function buildInto(out: string, compiled: CompiledDeck, hooks: BuildIntoHooks = {}): Promise<BuildResult> {
  const outcome = await writeStaged(out, async (dir) => {
    await writeDeck(compiled, dir)
    return (await hooks.afterWrite?.(dir)) ?? {}
  })
  const pdfs = outcome.files?.map((f) => ({ file: path.join(out, path.basename(f.file)), pages: f.pages }))
  return {
    outDir: out,
    indexFile: path.join(out, 'index.html'),
    singleFile: path.join(out, compiled.singleFile),
    slideCount: compiled.slideCount,
    ...(pdfs ? { pdfs } : {}),
    diagnostics: [...compiled.warnings, ...(outcome.diagnostics ?? [])],
  }
}

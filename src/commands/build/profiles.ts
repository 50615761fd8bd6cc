import os from 'node:os'
import path from 'node:path'

import { compileDeck, type CompiledDeck } from '../../compile.js'
import type { LoadedProfile } from '../../config/defaults.js'
import { findProfiles, loadProfile } from '../../config/load.js'
import { writeDecksPage } from '../../decks-page.js'
import { DeckError } from '../../errors.js'
import { t } from '../../i18n/index.js'
import { type AfterWriteOutcome, buildInto, type BuildResult } from './into.js'
import type { PdfOptions } from './pdf.js'
import type { BuildOptions } from './run.js'

export interface ProfilesBuildOptions extends BuildOptions, PdfOptions {
  /** Profile files, or folders whose `.yml` files are all profiles (e.g. `associations/`). */
  profiles: string[]
  /**
   * Profiles built (and exported) at once. Default: the machine's cores, at least 2: each export
   * prints two PDFs in two pages, and more pages than cores only makes each one late.
   */
  concurrency?: number
}

/** What happened to one profile: its deck, or the error that stopped it (the others still build). */
export interface ProfileOutcome {
  /** The profile file, as given (or found in a folder). */
  file: string
  slug?: string
  /** The deck written, with its warnings (`result.diagnostics`). */
  result?: BuildResult
  error?: unknown
}

export interface ProfilesBuildHooks {
  /**
   * `buildInto`'s `afterWrite` for each profile: the place for its PDFs. Throwing fails the profile
   * (its previous output is kept).
   */
  afterWrite?: (compiled: CompiledDeck, dir: string) => Promise<AfterWriteOutcome | void>
}

/**
 * `diapo build --asso FILE... [--pdf]`: every profile's deck, and with `pdf` its PDFs, printed by one
 * browser started while the first deck builds.
 */
export async function buildProfiles(options: ProfilesBuildOptions): Promise<ProfileOutcome[]> {
  if (!options.pdf) return buildEachProfile({ ...options, withPdf: false })
  const { printPdfs, withPdfBrowser } = await import('./pdf.js')
  return withPdfBrowser(options, (session) =>
    buildEachProfile({ ...options, withPdf: true }, { afterWrite: (compiled, dir) => printPdfs(session, compiled, options)(dir) }),
  )
}

/**
 * `diapo build --asso FILE...`: builds the deck once for each association into `out/<slug>/`. A
 * profile that fails is reported in its outcome and leaves its previous output untouched; the others
 * build all the same. Profiles are built concurrently, so their exports can share one browser.
 */
export async function buildEachProfile(options: ProfilesBuildOptions, hooks: ProfilesBuildHooks = {}): Promise<ProfileOutcome[]> {
  const files = await findProfiles(options.profiles, options.cwd)
  const outDir = path.resolve(options.cwd, options.out)
  const loaded = await Promise.all(
    files.map((file) =>
      loadProfile(file, options.cwd).then(
        (p) => ({ p }),
        (error: unknown) => ({ error }),
      ),
    ),
  )
  const slugs = new Map<string, string>()
  const limit = createLimit(options.concurrency ?? Math.max(2, os.availableParallelism()))
  const outcomes = await Promise.all(
    files.map(async (file, i): Promise<ProfileOutcome> => {
      const entry = loaded[i]!
      if ('error' in entry) return { file, error: entry.error }
      const { profile, source } = entry.p
      const slug = profile.slug!
      const taken = slugs.get(slug)
      if (taken) {
        const error = new DeckError(t('profiles.slugTaken', { slug, taken }), 'E_CONFIG', {
          loc: { file: source.file, line: source.lineOf(['slug']) },
          hint: t('profiles.slugTakenHint'),
        })
        return { file, slug, error }
      }
      slugs.set(slug, file)
      try {
        return await limit(() => buildOne(options, entry.p, path.join(outDir, slug), hooks, file))
      } catch (error) {
        return { file, slug, error }
      }
    }),
  )
  // The page of all decks lists what is in the folder now, this build's decks and the others.
  await writeDecksPage(outDir)
  return outcomes
}

// --- internal ---

/** Runs at most `max` tasks at once, the others waiting their turn in order. */
function createLimit(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0
  const waiting: (() => void)[] = []
  return async (task) => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve))
    running++
    try {
      return await task()
    } finally {
      running--
      waiting.shift()?.()
    }
  }
}

async function buildOne(
  options: ProfilesBuildOptions,
  loaded: LoadedProfile,
  dir: string,
  hooks: ProfilesBuildHooks,
  file: string,
): Promise<ProfileOutcome> {
  const compiled = await compileDeck({ ...options, profile: loaded })
  const result = await buildInto(dir, compiled, { afterWrite: hooks.afterWrite && ((staging) => hooks.afterWrite!(compiled, staging)) })
  return { file, slug: loaded.profile.slug ?? undefined, result }
}

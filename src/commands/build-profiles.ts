import os from 'node:os'
import path from 'node:path'

import { compileDeck, type CompiledDeck } from '../compile.js'
import type { LoadedProfile } from '../config/defaults.js'
import { findProfiles, loadProfile } from '../config/load.js'
import { writeDecksPage } from '../decks-page.js'
import { DeckError, formatWarning } from '../errors.js'
import { writeStaged } from '../output.js'
import { writeDeck } from '../write.js'
import type { BuildOptions, BuildResult } from './build.js'

export interface ProfilesBuildOptions extends BuildOptions {
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
  result?: BuildResult
  error?: unknown
  /** Problems that do not stop the build (e.g. a colour hard to read), as `file:line: message`. */
  warnings: string[]
}

export interface ProfilesBuildHooks {
  /**
   * Runs after the deck is written into its staging folder and before it replaces the previous
   * output: the place for the PDFs (`exportPdfs(session, { dir, compiled })` with one shared browser session).
   * Returns warnings to report with the profile; throwing fails the profile (its output is kept).
   */
  afterWrite?: (compiled: CompiledDeck, dir: string) => Promise<ExportOutcome | string[] | void>
}

/** What an `afterWrite` hook made: its PDFs (paths in the staging folder) and warnings. */
export interface ExportOutcome {
  files?: { file: string; pages: number }[]
  warnings?: string[]
}

/**
 * `diapo build --asso FILE...`: builds the deck once for each association into `out/<slug>/`. A
 * profile that fails is reported in its outcome and leaves its previous output untouched; the others
 * build all the same. Profiles are built concurrently, so their exports can share one browser.
 */
export async function buildProfiles(options: ProfilesBuildOptions, hooks: ProfilesBuildHooks = {}): Promise<ProfileOutcome[]> {
  const files = await findProfiles(options.profiles, options.cwd)
  const outDir = path.resolve(options.cwd, options.out)
  const loaded = await Promise.all(files.map((file) => loadProfile(file, options.cwd).then((p) => ({ p }), (error: unknown) => ({ error }))))
  const slugs = new Map<string, string>()
  const limit = createLimit(options.concurrency ?? Math.max(2, os.availableParallelism()))
  const outcomes = await Promise.all(
    files.map(async (file, i): Promise<ProfileOutcome> => {
      const entry = loaded[i]!
      if ('error' in entry) return { file, error: entry.error, warnings: [] }
      const { profile, source } = entry.p
      const slug = profile.slug!
      const taken = slugs.get(slug)
      if (taken) {
        const error = new DeckError(`the output folder "${slug}" is already the one of ${taken}`, 'E_CONFIG', {
          loc: { file: source.file, line: source.lineOf(['slug']) },
          hint: 'give each profile its own file name, or its own "slug"',
        })
        return { file, slug, error, warnings: [] }
      }
      slugs.set(slug, file)
      try {
        return await limit(() => buildOne(options, entry.p, path.join(outDir, slug), hooks, file))
      } catch (error) {
        return { file, slug, error, warnings: [] }
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
  const exported = await writeStaged(dir, async (staging) => {
    await writeDeck(compiled, staging)
    const outcome = (await hooks.afterWrite?.(compiled, staging)) ?? {}
    return Array.isArray(outcome) ? { warnings: outcome } : outcome
  })
  const warnings = compiled.warnings.map((w) => formatWarning(w, options.cwd))
  warnings.push(...(exported.warnings ?? []))
  const pdfs = exported.files?.map((f) => ({ file: path.join(dir, path.basename(f.file)), pages: f.pages }))
  return {
    file,
    slug: loaded.profile.slug ?? undefined,
    result: { outDir: dir, indexFile: path.join(dir, 'index.html'), singleFile: path.join(dir, compiled.singleFile), slideCount: compiled.slideCount, ...(pdfs ? { pdfs } : {}) },
    warnings,
  }
}

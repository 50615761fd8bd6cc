import path from 'node:path'

import type { CompileOptions } from '../compile.js'
import { PACKAGE_ROOT } from '../paths.js'

/** What `diapo dev` and `diapo check` are asked to show: a deck, a theme, an association's profile. */
export interface DeckInput {
  /** Working folder: relative paths and printed locations are relative to it. */
  cwd: string
  /** A `.md` file or a folder of them (default `slides/`). */
  deck: string
  /** Theme name or CSS path, over the front matter's. */
  theme?: string
  /** An association's profile (`associations/<slug>.yml`). */
  asso?: string
  /** `--allow-outside-files` (see `MediaScope`). */
  allowOutsideFiles?: boolean
}

/** A deck ready to compile, and the files its profile brings in (for the dev server's watcher). */
export interface PreparedDeck {
  compile: CompileOptions
  /** Files the profile refers to: its logo, its own slides, its theme. */
  watch: string[]
}

/**
 * Files and folders whose change changes the deck, besides its own sources and images: the page
 * template and partials, the themes, the tools catalogue, the profile. Known before anything is read,
 * so that a profile that does not load yet is watched too.
 */
export function deckWatchList(input: DeckInput): string[] {
  const watch = ['templates', 'themes', 'data'].map((dir) => path.join(PACKAGE_ROOT, dir))
  if (input.asso) watch.push(path.resolve(input.cwd, input.asso))
  if (input.theme?.endsWith('.css')) watch.push(path.resolve(input.cwd, input.theme))
  return watch
}

/**
 * Resolves the command's options into `compileDeck` options. Called again on every rebuild of the dev
 * server, so a changed profile is read afresh.
 */
export async function prepareDeck(input: DeckInput): Promise<PreparedDeck> {
  const compile: CompileOptions = { cwd: input.cwd, deck: input.deck, theme: input.theme, allowOutsideFiles: input.allowOutsideFiles }
  const watch: string[] = []
  if (input.asso) {
    const { loadProfile } = await import('../config/load.js')
    compile.profile = await loadProfile(input.asso, input.cwd)
    const { logo, theme, extraSlides } = compile.profile.profile
    watch.push(...[logo, theme?.endsWith('.css') ? theme : null, ...extraSlides.map((e) => e.file)].filter((f): f is string => !!f))
  }
  return { compile, watch }
}

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
}

/** A deck ready to compile, and every file whose change changes it (for the dev server's watcher). */
export interface PreparedDeck {
  compile: CompileOptions
  /** Files and folders besides the deck's own sources: templates, partials, themes, the profile. */
  watch: string[]
}

/**
 * Resolves the command's options into `compileDeck` options. Called again on every rebuild of the dev
 * server, so a changed profile is read afresh.
 */
export async function prepareDeck(input: DeckInput): Promise<PreparedDeck> {
  const compile: CompileOptions = { cwd: input.cwd, deck: input.deck, theme: input.theme }
  const watch = [path.join(PACKAGE_ROOT, 'templates'), path.join(PACKAGE_ROOT, 'themes')]
  if (input.asso) {
    const profile = path.resolve(input.cwd, input.asso)
    watch.push(profile)
    // PROFILE-WIRING
  }
  return { compile, watch }
}

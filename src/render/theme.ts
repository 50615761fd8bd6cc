import { readdir } from 'node:fs/promises'
import path from 'node:path'

import { DeckError } from '../errors.js'
import { fileExists } from '../load-text.js'
import { PACKAGE_ROOT } from '../paths.js'

export const DEFAULT_THEME = 'default'
const THEMES_DIR = path.join(PACKAGE_ROOT, 'themes')
/** reveal.js's themes, built from its own files with their fonts bundled (scripts/reveal-themes.mjs). */
const REVEAL_THEMES_DIR = path.join(PACKAGE_ROOT, 'assets', 'themes')
export const REVEAL_THEMES = [
  'black', 'white', 'league', 'beige', 'night', 'serif', 'simple', 'solarized', 'moon', 'dracula', 'sky', 'blood',
  'black-contrast', 'white-contrast',
]

/**
 * Finds a theme's CSS file: a name of diapo's themes (`default`, `contrast`) or of reveal.js's (`black`,
 * `white`...), or a path to a `.css` file, relative to `baseDir` (the deck's folder for front matter,
 * the working folder for `--theme`).
 */
export async function resolveTheme(theme: string, baseDir: string): Promise<string> {
  const candidates = theme.endsWith('.css')
    ? [path.resolve(baseDir, theme)]
    : [path.join(THEMES_DIR, `${theme}.css`), ...(REVEAL_THEMES.includes(theme) ? [path.join(REVEAL_THEMES_DIR, `${theme}.css`)] : [])]
  for (const file of candidates) {
    if (await fileExists(file)) return file
  }
  if (REVEAL_THEMES.includes(theme)) {
    throw new DeckError(`reveal.js theme "${theme}" is missing from the diapo package`, 'E_THEME', {
      hint: 'run "npm run compile" (or "npm install") in the diapo folder',
    })
  }
  const available = (await readdir(THEMES_DIR)).filter((f) => f.endsWith('.css')).map((f) => f.slice(0, -4))
  throw new DeckError(`unknown theme "${theme}"`, 'E_THEME', {
    hint: `use one of: ${available.join(', ')}, reveal.js's ${REVEAL_THEMES.join(', ')}, or the path of a .css file that sets the --diapo-* custom properties`,
  })
}

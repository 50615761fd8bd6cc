import { readdir } from 'node:fs/promises'
import path from 'node:path'

import { DeckError } from '../errors.js'
import { t } from '../i18n/index.js'
import { fileExists } from '../load-text.js'
import { PACKAGE_ROOT } from '../paths.js'

export const DEFAULT_THEME = 'default'
const THEMES_DIR = path.join(PACKAGE_ROOT, 'themes')
/** reveal.js's themes, built from its own files with their fonts bundled (scripts/reveal-themes.mjs). */
const REVEAL_THEMES_DIR = path.join(PACKAGE_ROOT, 'assets', 'themes')
export const REVEAL_THEMES = [
  'black',
  'white',
  'league',
  'beige',
  'night',
  'serif',
  'simple',
  'solarized',
  'moon',
  'dracula',
  'sky',
  'blood',
  'black-contrast',
  'white-contrast',
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
    throw new DeckError(t('theme.revealMissing', { theme }), 'E_THEME', {
      hint: t('theme.compileHint'),
    })
  }
  const available = (await readdir(THEMES_DIR)).filter((f) => f.endsWith('.css')).map((f) => f.slice(0, -4))
  throw new DeckError(t('theme.unknown', { theme }), 'E_THEME', {
    hint: t('theme.unknownHint', { available: available.join(', '), reveal: REVEAL_THEMES.join(', ') }),
  })
}

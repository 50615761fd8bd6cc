import { access, readdir } from 'node:fs/promises'
import path from 'node:path'

import { DeckError } from '../errors.js'
import { PACKAGE_ROOT } from '../paths.js'

export const DEFAULT_THEME = 'default'
const THEMES_DIR = path.join(PACKAGE_ROOT, 'themes')

/**
 * Finds a theme's CSS file: a name of diapo's themes (`default`, `contrast`), or a path to a `.css`
 * file, relative to `baseDir` (the deck's folder for front matter, the working folder for `--theme`).
 */
export async function resolveTheme(theme: string, baseDir: string): Promise<string> {
  const candidates = theme.endsWith('.css') ? [path.resolve(baseDir, theme)] : [path.join(THEMES_DIR, `${theme}.css`)]
  for (const file of candidates) {
    if (await exists(file)) return file
  }
  const available = (await readdir(THEMES_DIR)).filter((f) => f.endsWith('.css')).map((f) => f.slice(0, -4))
  throw new DeckError(`unknown theme "${theme}"`, 'E_THEME', {
    hint: `use one of: ${available.join(', ')}, or the path of a .css file that sets the --diapo-* custom properties`,
  })
}

// --- internal ---

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  )
}

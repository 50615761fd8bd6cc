import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'

import { DeckError } from '../errors.js'
import { t } from '../i18n/index.js'
import { frontMatterLine } from '../parse/frontmatter.js'
import type { DeckMeta, LocalAsset, SourceFile } from '../types.js'
import { assetTarget, toLocalPath } from './deck.js'

/**
 * Front matter keys that reveal-md decks carry, read as reveal-md reads them: `revealOptions` (given to
 * reveal.js), `scripts` and `css` (local files, copied into the deck and included after diapo's own),
 * `highlightTheme` (a highlight.js style).
 */
export interface RevealMdOptions {
  reveal: Record<string, unknown>
  scripts: LocalAsset[]
  css: LocalAsset[]
  /** The highlight.js style's CSS, scoped to the deck. */
  highlightCss?: string
}

const require = createRequire(import.meta.url)

export async function readRevealMdOptions(meta: DeckMeta, first: SourceFile | undefined, deckRoot: string): Promise<RevealMdOptions> {
  const loc = (key: string) => ({ file: first?.file ?? deckRoot, line: first ? frontMatterLine(first, key) : 1 })
  // Types are checked with the front matter (`FrontMatterSchema`).
  const reveal = meta.revealOptions ?? {}
  const dir = first ? path.dirname(first.file) : deckRoot
  const files = (key: 'scripts' | 'css'): LocalAsset[] => {
    const value = meta[key]
    if (value === undefined || value === null) return []
    const list = typeof value === 'string' ? value.split(',') : (value as string[])
    return list.map((entry) => {
      const local = toLocalPath(entry.trim())
      if (local === undefined) {
        throw new DeckError(t('frontMatter.notLocal', { key, entry: entry.trim() }), 'E_FRONTMATTER', {
          loc: loc(key),
          hint: t('frontMatter.notLocalHint'),
        })
      }
      const source = path.resolve(dir, local)
      return { source, target: assetTarget(source, deckRoot), loc: loc(key) }
    })
  }
  const highlightCss = meta.highlightTheme === undefined ? undefined : await highlightThemeCss(meta.highlightTheme, loc('highlightTheme'))
  return {
    reveal: reveal as Record<string, unknown>,
    scripts: files('scripts'),
    css: files('css'),
    ...(highlightCss ? { highlightCss } : {}),
  }
}

// --- internal ---

async function highlightThemeCss(name: unknown, loc: { file: string; line: number }): Promise<string> {
  const styles = path.join(path.dirname(require.resolve('highlight.js/package.json')), 'styles')
  const file = typeof name === 'string' && /^[\w-]+(?:\/[\w-]+)?$/.test(name) ? path.join(styles, `${name}.css`) : undefined
  const css = file ? await readFile(file, 'utf8').catch(() => undefined) : undefined
  if (css === undefined) {
    throw new DeckError(t('frontMatter.highlightTheme', { name: String(name) }), 'E_FRONTMATTER', {
      loc,
      hint: t('frontMatter.highlightThemeHint'),
    })
  }
  // Nested under .reveal, the style wins over diapo's own token colours (runtime/base.css).
  return `.reveal {\n${css}\n}`
}

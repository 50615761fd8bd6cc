import { access, readFile, stat } from 'node:fs/promises'
import path from 'node:path'

import { loadProfileDeck } from './config/apply.js'
import type { LoadedProfile } from './config/defaults.js'
import { DeckError } from './errors.js'
import { loadDeckSources, parseDeck } from './parse/deck.js'
import { frontMatterKeyLine } from './parse/frontmatter.js'
import { PACKAGE_ROOT } from './paths.js'
import { hasHighlightableCode } from './render/markdown.js'
import { renderDeck } from './render/deck.js'
import { appendToLastSlide, renderHandoutLink } from './render/handout-link.js'
import { renderPage } from './render/page.js'
import { readRevealMdOptions } from './render/reveal-md.js'
import { DEFAULT_THEME, resolveTheme } from './render/theme.js'
import type { Deck, LocalAsset, RenderedDeck, SourceFile } from './types.js'

export interface CompileOptions {
  /** Working folder: relative paths and printed locations are relative to it. */
  cwd: string
  /** A `.md` file or a folder of them. */
  deck: string
  /** Theme name or CSS path; overrides the front matter's `theme`. */
  theme?: string
  /** Changes the sources before they are parsed (e.g. templating for an association). */
  transformSources?: (sources: SourceFile[]) => SourceFile[] | Promise<SourceFile[]>
  /** Extra CSS for the page, after the theme. */
  style?: string
  /** The association the deck is made for (`--asso`, see `loadProfile`); default: a generic audience. */
  profile?: LoadedProfile
  /**
   * The build also writes `handout.pdf` beside `index.html`: the last slide and the help overlay link
   * to it. Without it, they link to the front matter's `handoutUrl` if any.
   */
  withPdf?: boolean
  /** When false, missing local files are left for the caller to report (`diapo check` lists them all). */
  checkAssets?: boolean
}

/** A deck ready to be written: the page, and the files it needs besides the runtime. */
export interface CompiledDeck {
  html: string
  deck: Deck
  rendered: RenderedDeck
  themeFile: string
  assets: LocalAsset[]
  slideCount: number
  /** The extra CSS given in `CompileOptions.style`, for other pages of the deck (the handout). */
  style?: string
}

export const TEMPLATE_FILE = path.join(PACKAGE_ROOT, 'templates', 'deck.hbs')

/**
 * Reads, parses and renders a deck into its `index.html`. Reads the disk, writes nothing.
 * Every mistake in the sources is a `DeckError` with its file and line.
 */
export async function compileDeck(options: CompileOptions): Promise<CompiledDeck> {
  const deckPath = path.resolve(options.cwd, options.deck)
  const deckRoot = (await stat(deckPath).catch(() => undefined))?.isDirectory() ? deckPath : path.dirname(deckPath)
  // Slide files are templates (the profile's name, logo, tools...), rendered before Markdown.
  const forAudience = await loadProfileDeck(await loadDeckSources(deckPath), options.profile)
  let sources = forAudience.sources
  if (options.transformSources) sources = await options.transformSources(sources)
  const deck = parseDeck(sources)
  Object.assign(deck.meta, forAudience.meta)
  const needsHighlight = deck.stacks.some((s) => s.slides.some((slide) => hasHighlightableCode(slide.markdown)))
  const highlight = needsHighlight ? await (await import('./render/highlight.js')).loadHighlighter() : undefined
  let rendered = renderDeck(deck, { deckRoot, highlight })
  const handout = await renderHandoutLink(deck, rendered.meta.lang, options.withPdf ?? false)
  if (handout) rendered = appendToLastSlide(rendered, handout.slideHtml)

  const revealMd = await readRevealMdOptions(deck.meta, sources[0], deckRoot)
  const assets = [...rendered.stacks.flatMap((s) => s.slides.flatMap((slide) => slide.assets)), ...revealMd.css, ...revealMd.scripts]
  if (options.checkAssets !== false) await Promise.all(assets.map(checkAsset))

  const themeFile = options.theme
    ? await resolveTheme(options.theme, options.cwd)
    : forAudience.theme
      ? await resolveTheme(forAudience.theme, deckRoot)
      : await resolveTheme(deck.meta.theme ?? DEFAULT_THEME, deckRoot).catch((err: unknown) => {
        // A theme named in front matter is a mistake in that file: say where.
        if (err instanceof DeckError && deck.meta.theme !== undefined && sources[0]) {
          const loc = { file: sources[0].file, line: frontMatterKeyLine(sources[0].text, 'theme') }
          throw new DeckError(err.message, err.code, { ...err.detail, loc })
        }
        throw err
      })
  const template = await readFile(TEMPLATE_FILE, 'utf8')
  const style = [revealMd.highlightCss, forAudience.style, options.style].filter(Boolean).join('\n') || undefined
  const html = renderPage(rendered, {
    template,
    style,
    reveal: revealMd.reveal,
    css: revealMd.css.map((a) => a.target),
    scripts: revealMd.scripts.map((a) => a.target),
    helpExtra: handout?.helpHtml,
    relativeTo: (file) => path.relative(options.cwd, file).split(path.sep).join('/'),
  })
  const slideCount = rendered.stacks.reduce((n, s) => n + s.slides.length, 0)
  return { html, deck, rendered, themeFile, assets, slideCount, style }
}

// --- internal ---

async function checkAsset(asset: LocalAsset): Promise<void> {
  await access(asset.source).catch((cause: unknown) => {
    throw new DeckError(`image not found: ${asset.source}`, 'E_IMAGE', {
      loc: asset.loc,
      hint: 'check the file name and that the path is relative to this Markdown file',
      cause,
    })
  })
}

import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { type Audience, loadProfileDeck } from './template/apply.js'
import type { LoadedProfile } from './config/defaults.js'
import { type ResolvedDeck, resolveDeck } from './config/resolve.js'
import type { Palette } from './config/palette.js'
import { DeckError, displayPath } from './errors.js'
import { deckTiming } from './export/notes.js'
import { inspectMedia, type MediaScope } from './media.js'
import { deckRootOf, loadDeckSources, parseDeck } from './parse/deck.js'
import { PACKAGE_ROOT } from './paths.js'
import { hasHighlightableCode } from './render/markdown.js'
import { renderDeck } from './render/deck.js'
import { appendToLastSlide, renderHandoutLink } from './render/handout-link.js'
import type { Frame } from './render/frame.js'
import { deckTitle, renderPage } from './render/page.js'
import { readRevealMdOptions } from './render/reveal-md.js'
import { singleFileName } from './single-file.js'
import { findRemoteInDeck } from './render/remote.js'
import { resolveTheme } from './render/theme.js'
import type { Diagnostic } from './diagnostics.js'
import type { Deck, DeckMeta, LocalAsset, RenderedDeck, SourceFile } from './types.js'

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
  /** Copy files the slides show from anywhere, not only the deck's, working and profile's folders. */
  allowOutsideFiles?: boolean
}

/** The folders a deck's files may come from (see `MediaScope`). */
export function mediaScope(options: CompileOptions, deckRoot: string): MediaScope {
  const profileDir = options.profile ? [path.dirname(options.profile.source.file)] : []
  return { roots: [deckRoot, options.cwd, ...profileDir], allowOutside: options.allowOutsideFiles }
}

/** A deck ready to be written: the page, and the files it needs besides the runtime. */
export interface CompiledDeck {
  html: string
  /** The name of the deck as one self-contained file, written beside `index.html` (see `inlineDeck`). */
  singleFile: string
  deck: Deck
  rendered: RenderedDeck
  themeFile: string
  assets: LocalAsset[]
  slideCount: number
  /** The slide frame (front matter or profile `aspect`): 1280×720, or 960×720 for 4:3. */
  frame: Frame
  /** The extra CSS given in `CompileOptions.style`, for other pages of the deck (the handout). */
  style?: string
  /** Where the files the slides show may come from. */
  mediaScope: MediaScope
  /** Who the deck is for (the handout's cover, diagnostic table and contacts). */
  audience: Audience
  /** Problems that do not stop the build, each at the line to fix (e.g. a profile colour adjusted). */
  warnings: Diagnostic[]
  /** The deck's colours derived from the profile's, when it gives some (see `derivePalette`). */
  palette?: Palette
  /** The deck's folder (see `deckRootOf`). */
  deckRoot: string
  /** Language, theme, title, handout URL and frame, once the command line, profile and front matter are weighed. */
  resolved: ResolvedDeck
}

export const TEMPLATE_FILE = path.join(PACKAGE_ROOT, 'templates', 'deck.hbs')

/**
 * Reads, parses and renders a deck into its `index.html`. Reads the disk, writes nothing.
 * Every mistake in the sources is a `DeckError` with its file and line.
 */
export async function compileDeck(options: CompileOptions): Promise<CompiledDeck> {
  const deckPath = path.resolve(options.cwd, options.deck)
  const deckRoot = await deckRootOf(deckPath)
  const read = await loadDeckSources(deckPath)
  const resolved = resolveDeck(read[0], { cwd: options.cwd, deckRoot, theme: options.theme, profile: options.profile })
  // Slide files are templates (the profile's name, logo, tools...), rendered before Markdown.
  const forAudience = await loadProfileDeck(read, resolved, options.profile)
  let sources = forAudience.sources
  if (options.transformSources) sources = await options.transformSources(sources)
  const deck = parseDeck(sources)
  Object.assign(deck.meta, resolvedMeta(resolved))
  const { frame } = resolved
  const needsHighlight = deck.stacks.some((s) => s.slides.some((slide) => hasHighlightableCode(slide.markdown)))
  const highlight = needsHighlight ? await (await import('./render/highlight.js')).loadHighlighter() : undefined
  let rendered = renderDeck(deck, { deckRoot, highlight })
  const handout = await renderHandoutLink(deck, rendered.meta.lang, options.withPdf ?? false)
  if (handout) rendered = appendToLastSlide(rendered, handout.slideHtml)

  const revealMd = await readRevealMdOptions(deck.meta, sources[0], deckRoot)
  const assets = [...rendered.stacks.flatMap((s) => s.slides.flatMap((slide) => slide.assets)), ...revealMd.css, ...revealMd.scripts]
  const scope = mediaScope(options, deckRoot)
  if (options.checkAssets !== false) await Promise.all(assets.map((asset) => checkAsset(asset, scope, options.cwd)))

  const { theme } = resolved
  const themeFile = await resolveTheme(theme.name, theme.baseDir).catch((err: unknown) => {
    // A theme named in a profile or front matter is a mistake in that file: say where.
    if (err instanceof DeckError && theme.loc) throw new DeckError(err.message, err.code, { ...err.detail, loc: theme.loc })
    throw err
  })
  const template = await readFile(TEMPLATE_FILE, 'utf8')
  const branding = options.profile ? await brandProfile(options.profile, themeFile) : undefined
  const style = [revealMd.highlightCss, branding?.style, options.style].filter(Boolean).join('\n') || undefined
  const singleFile = singleFileName(forAudience.audience.profile.slug, deckTitle(rendered))
  const html = renderPage(rendered, {
    template,
    style,
    css: revealMd.css.map((a) => a.target),
    scripts: revealMd.scripts.map((a) => a.target),
    helpExtra: handout?.helpHtml,
    // The frame wins over revealOptions' width and height: the PDFs and check are laid out for it.
    reveal: { ...revealMd.reveal, width: frame.width, height: frame.height },
    timing: deckTiming(rendered),
    deckInfo: {
      singleFile,
      ...(forAudience.audience.profile.generic
        ? {}
        : { association: forAudience.audience.profile.name, example: forAudience.audience.profile.example }),
    },
    relativeTo: (file) => path.relative(options.cwd, file).split(path.sep).join('/'),
  })
  const slideCount = rendered.stacks.reduce((n, s) => n + s.slides.length, 0)
  return {
    html,
    singleFile,
    deck,
    rendered,
    themeFile,
    assets,
    slideCount,
    frame,
    style,
    mediaScope: scope,
    audience: forAudience.audience,
    warnings: [...findRemoteInDeck(deck, rendered), ...(branding?.warnings ?? [])],
    ...(branding ? { palette: branding.palette } : {}),
    deckRoot,
    resolved,
  }
}

// --- internal ---

/** What the page takes from the resolved deck, over the front matter's own values. */
function resolvedMeta(resolved: ResolvedDeck): Partial<DeckMeta> {
  return {
    lang: resolved.lang,
    ...(resolved.profile.aspect ? { aspect: resolved.profile.aspect } : {}),
    ...(resolved.title !== undefined ? { title: resolved.title } : {}),
    ...(resolved.handoutUrl !== undefined ? { handoutUrl: resolved.handoutUrl } : {}),
  }
}

/** The profile's colours over the theme's: the page's extra CSS, and a warning for each colour changed. */
async function brandProfile({ profile, source }: LoadedProfile, themeFile: string) {
  if (!profile.colors.primary && !profile.colors.accent) return undefined
  const { derivePalette, describeAdjustment, paletteStyle, readThemeColours } = await import('./config/palette.js')
  const palette = derivePalette(profile.colors, readThemeColours(await readFile(themeFile, 'utf8')))
  const warnings: Diagnostic[] = palette.adjustments.map((adjustment) => ({
    severity: 'warning',
    rule: 'contrast',
    loc: { file: source.file, line: source.lineOf(adjustment.path) },
    ...describeAdjustment(adjustment),
  }))
  return { palette, style: paletteStyle(palette), warnings }
}

async function checkAsset(asset: LocalAsset, scope: MediaScope, cwd: string): Promise<void> {
  const problem = await inspectMedia(asset, scope, displayPath(asset.source, cwd))
  if (problem) throw new DeckError(problem.message, 'E_IMAGE', { loc: asset.loc, hint: problem.hint })
}

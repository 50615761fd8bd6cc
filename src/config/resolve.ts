import type { SourceLocation } from '../errors.js'
import { frontMatterLine } from '../parse/frontmatter.js'
import { DEFAULT_LANG } from '../render/deck.js'
import { type Frame, resolveFrame } from '../render/frame.js'
import { DEFAULT_THEME } from '../render/theme.js'
import type { SourceFile } from '../types.js'
import { GENERIC_PROFILE, type LoadedProfile, type ResolvedProfile } from './defaults.js'

/**
 * What the deck is, once the command line, the profile and the front matter have been weighed: the one
 * place where `--theme` > profile > front matter > default is decided.
 */
export interface ResolvedDeck {
  /** The deck's language (its content, its interface, its typography). */
  lang: string
  /** The theme's name or `.css` path, the folder a relative path is read from, and where it was written. */
  theme: { name: string; baseDir: string; loc?: SourceLocation }
  /** Front matter `title`, with the association's short name for a profile. */
  title?: string
  /** Where handout.pdf will be published: the profile's, else the front matter's (both checked when read). */
  handoutUrl?: string
  /** The slide frame: the profile's `aspect`, else the front matter's, else 16:9. */
  frame: Frame
  /** Who the deck is for: the association's profile, or the generic one without `--asso`. */
  profile: ResolvedProfile
}

export interface ResolveOptions {
  /** Working folder: `--theme` is relative to it. */
  cwd: string
  /** The deck's folder: the front matter's theme is relative to it. */
  deckRoot: string
  /** `--theme`. */
  theme?: string
  profile?: LoadedProfile
}

/** Weighs the command line, the profile and the deck's front matter (its first file's). Pure. */
export function resolveDeck(first: SourceFile | undefined, options: ResolveOptions): ResolvedDeck {
  const profile = options.profile?.profile ?? GENERIC_PROFILE
  const fm = first?.frontMatter ?? {}
  const at = (key: string): SourceLocation | undefined => (first ? { file: first.file, line: frontMatterLine(first, key) } : undefined)
  const text = (key: string): string | undefined => (typeof fm[key] === 'string' ? fm[key] : undefined)
  const title = text('title')
  const handoutUrl = (profile.handoutUrl ?? text('handoutUrl'))?.trim()
  const profileFile = options.profile?.source.file
  return {
    lang: profile.lang ?? text('lang') ?? DEFAULT_LANG,
    theme: options.theme
      ? { name: options.theme, baseDir: options.cwd }
      : profile.theme
        ? { name: profile.theme, baseDir: options.deckRoot, loc: { file: profileFile!, line: options.profile!.source.lineOf(['theme']) } }
        : { name: text('theme') ?? DEFAULT_THEME, baseDir: options.deckRoot, ...(fm.theme !== undefined ? { loc: at('theme')! } : {}) },
    ...(title !== undefined ? { title: profile.generic ? title : `${title} — ${profile.shortName}` } : {}),
    ...(handoutUrl ? { handoutUrl } : {}),
    frame: profile.aspect ? resolveFrame(profile.aspect) : resolveFrame(fm.aspect, at('aspect')),
    profile,
  }
}

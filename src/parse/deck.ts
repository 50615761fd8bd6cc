import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'

import { validateFrontMatter } from '../config/front-matter.js'
import { DeckError } from '../errors.js'
import { t } from '../i18n/index.js'
import { loadText } from '../load-text.js'
import type { Deck, DeckMeta, SourceFile } from '../types.js'
import { frontMatterKeyLine, parseFrontMatter } from './frontmatter.js'
import { splitSlides } from './split.js'

/**
 * Reads a deck from disk: a `.md` file, or a folder whose `.md` files are read in name order.
 */
export async function loadDeckSources(deckPath: string): Promise<SourceFile[]> {
  const info = await stat(deckPath).catch((cause: unknown) => {
    throw new DeckError(t('deck.notFound', { path: deckPath }), 'E_DECK', {
      hint: t('deck.notFoundHint'),
      cause,
    })
  })
  const files = info.isDirectory()
    ? (await readdir(deckPath))
        .filter((name) => name.toLowerCase().endsWith('.md') && !name.startsWith('.'))
        .sort()
        .map((name) => path.join(deckPath, name))
    : [deckPath]
  if (files.length === 0) {
    throw new DeckError(t('deck.noMarkdown', { dir: deckPath }), 'E_DECK', {
      hint: t('deck.noMarkdownHint'),
    })
  }
  return Promise.all(
    files.map(async (file) => {
      const text = await loadText(file, 'E_DECK').catch((cause: unknown) => {
        if (cause instanceof DeckError) throw cause
        throw new DeckError(t('deck.cannotRead', { file }), 'E_DECK', { loc: { file, line: 1 }, cause })
      })
      return parseSource(path.resolve(file), text)
    }),
  )
}

/** A deck's file as read, before its front matter is parsed. */
export type RawSourceFile = Pick<SourceFile, 'file' | 'id' | 'text'>

/**
 * A deck's file, its front matter parsed (the only place it is): malformed YAML is a `DeckError` at
 * its line. Its id is the front matter's `id`, else `id` (by default from the file's name).
 */
export function parseSource(file: string, text: string, id = sectionIdOf(file)): SourceFile {
  const { data, body, bodyLine } = parseFrontMatter(text, file)
  validateFrontMatter(data, file, (key) => frontMatterKeyLine(text, key))
  id = typeof data.id === 'string' && data.id ? data.id : id
  return { file, id, text, frontMatter: data, body, bodyLine }
}

/** The deck's folder: `deckPath` itself when it is a folder, else the folder of the file. */
export async function deckRootOf(deckPath: string): Promise<string> {
  return (await stat(deckPath).catch(() => undefined))?.isDirectory() ? deckPath : path.dirname(deckPath)
}

/** `02-alternatives.md` → `alternatives`. */
export function sectionIdOf(file: string): string {
  return path
    .basename(file)
    .replace(/\.[^.]+$/, '')
    .replace(/^\d+[-_. ]*/, '')
}

/**
 * Parses the sources of a deck into slides; the first file's front matter describes the deck. Sources
 * given as text (tests, `transformSources`) have their front matter parsed here. Pure: no disk access.
 */
export function parseDeck(given: (SourceFile | RawSourceFile)[]): Deck {
  const sources = given.map((s) => ('body' in s ? s : parseSource(s.file, s.text, s.id)))
  let meta: DeckMeta = {}
  const stacks: Deck['stacks'] = []
  sources.forEach((source, index) => {
    if (index === 0) meta = source.frontMatter
    const own = source.frontMatter as DeckMeta
    stacks.push(
      ...splitSlides(source.body, {
        file: source.file,
        section: source.id,
        firstLine: source.bodyLine,
        lineMap: source.lineMap,
        separator: regexSource(own, 'separator', meta),
        verticalSeparator: regexSource(own, 'verticalSeparator', meta),
        notesSeparator: regexSource(own, 'notesSeparator', meta),
      }),
    )
  })
  if (stacks.length === 0 && sources.length > 0) {
    throw new DeckError(t('deck.noSlide'), 'E_DECK', {
      loc: { file: sources[0]!.file, line: 1 },
      hint: t('deck.noSlideHint'),
    })
  }
  return { meta, stacks, files: sources }
}

// --- internal ---

/** A separator's regular expression (checked with the front matter): the file's own, else the deck's. */
function regexSource(own: DeckMeta, key: string, meta: DeckMeta): string | undefined {
  const value = own[key] ?? meta[key]
  return typeof value === 'string' ? value : undefined
}

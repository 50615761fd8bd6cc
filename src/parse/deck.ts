import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'

import { DeckError } from '../errors.js'
import { loadText } from '../load-text.js'
import type { Deck, DeckMeta, SourceFile } from '../types.js'
import { frontMatterKeyLine, parseFrontMatter } from './frontmatter.js'
import { splitSlides } from './split.js'

/** Keys of a file's front matter that describe the deck as a whole (taken from the first file). */
const DECK_KEYS_HINT = 'title, author, date, lang, theme, separator, verticalSeparator'

/**
 * Reads a deck from disk: a `.md` file, or a folder whose `.md` files are read in name order.
 */
export async function loadDeckSources(deckPath: string): Promise<SourceFile[]> {
  const info = await stat(deckPath).catch((cause: unknown) => {
    throw new DeckError(`deck not found: ${deckPath}`, 'E_DECK', {
      hint: 'give a Markdown file or a folder of .md files (default: slides/)',
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
    throw new DeckError(`no .md file in ${deckPath}`, 'E_DECK', {
      hint: 'write your slides in files such as 01-intro.md, read in name order',
    })
  }
  return Promise.all(
    files.map(async (file) => {
      const text = await loadText(file, 'E_DECK').catch((cause: unknown) => {
        if (cause instanceof DeckError) throw cause
        throw new DeckError(`cannot read ${file}`, 'E_DECK', { loc: { file, line: 1 }, cause })
      })
      return { file: path.resolve(file), id: sectionIdOf(file), text }
    }),
  )
}

/** `02-alternatives.md` → `alternatives`. */
export function sectionIdOf(file: string): string {
  return path
    .basename(file)
    .replace(/\.[^.]+$/, '')
    .replace(/^\d+[-_. ]*/, '')
}

/**
 * Parses the sources of a deck: front matter (the first file's describes the deck) and slides.
 * Pure: no disk access.
 */
export function parseDeck(sources: SourceFile[]): Deck {
  let meta: DeckMeta = {}
  const stacks: Deck['stacks'] = []
  const files: SourceFile[] = []
  sources.forEach((source, index) => {
    const fm = parseFrontMatter(source.text, source.file)
    if (index === 0) meta = fm.data as DeckMeta
    const id = typeof fm.data.id === 'string' && fm.data.id ? fm.data.id : source.id
    const own = fm.data as DeckMeta
    stacks.push(
      ...splitSlides(fm.body, {
        file: source.file,
        section: id,
        firstLine: fm.bodyLine,
        lineMap: source.lineMap,
        separator: regexSource(own, sources[0]!, source, 'separator', meta),
        verticalSeparator: regexSource(own, sources[0]!, source, 'verticalSeparator', meta),
        notesSeparator: regexSource(own, sources[0]!, source, 'notesSeparator', meta),
      }),
    )
    files.push({ ...source, id })
  })
  if (stacks.length === 0 && sources.length > 0) {
    throw new DeckError('the deck has no slide', 'E_DECK', {
      loc: { file: sources[0]!.file, line: 1 },
      hint: 'write your slides in Markdown after the front matter, separated by lines "---"',
    })
  }
  for (const key of ['title', 'author', 'lang', 'theme'] as const) {
    const value = meta[key]
    if (value !== undefined && typeof value !== 'string') {
      throw new DeckError(`front matter "${key}" must be text, not ${describe(value)}`, 'E_FRONTMATTER', {
        loc: { file: sources[0]!.file, line: frontMatterKeyLine(sources[0]!.text, key) },
        hint: `known keys: ${DECK_KEYS_HINT}`,
      })
    }
  }
  return { meta, stacks, files }
}

// --- internal ---

/** A separator's regular expression: the file's own, else the deck's; checked where it is written. */
function regexSource(own: DeckMeta, first: SourceFile, source: SourceFile, key: string, meta: DeckMeta): string | undefined {
  const from = own[key] !== undefined ? source : first
  const value = own[key] ?? meta[key]
  if (value === undefined || value === null) return undefined
  const loc = { file: from.file, line: frontMatterKeyLine(from.text, key) }
  if (typeof value !== 'string') {
    throw new DeckError(`front matter "${key}" must be a regular expression written as text`, 'E_FRONTMATTER', { loc })
  }
  try {
    new RegExp(value, 'gm')
  } catch (cause) {
    throw new DeckError(`front matter "${key}" is not a valid regular expression: ${value}`, 'E_FRONTMATTER', {
      loc,
      hint: `write a JavaScript regular expression, e.g. ${key}: "^---$"`,
      cause,
    })
  }
  if (RE_NESTED_QUANTIFIER.test(value)) {
    throw new DeckError(`front matter "${key}" repeats a group that itself repeats: matching it can take forever`, 'E_FRONTMATTER', {
      loc,
      hint: `write a simpler expression, e.g. ${key}: "^-{3,}$" rather than "^(-+)+$"`,
    })
  }
  return value
}

/**
 * A group with `+`, `*` or `{n,}` inside that is itself repeated (`(a+)+`, `(\s*-+\s*)*`): the classic
 * expression whose matching time explodes on a line that almost matches.
 */
const RE_NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*(?:[+*]|\{\d+,\d*\})(?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,\d*\})/

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list'
  if (value === null) return 'empty'
  return `a ${typeof value}`
}

import { readFile } from 'node:fs/promises'
import path from 'node:path'

import type { SourceLocation } from '../errors.js'
import { decodeHtmlEntities } from '../render/entities.js'
import type { RenderedDeck } from '../types.js'

/** Characters of a slide (its text, notes or attendees' text) that none of the deck's fonts draws. */
export interface MissingGlyphs {
  loc: SourceLocation
  chars: string[]
}

/**
 * The code point ranges the deck's bundled fonts cover: the `unicode-range` of every `@font-face` of its
 * stylesheets in `deckDir/assets` (diapo.css, theme.css). `undefined` when a face has no range (it covers
 * everything it has: nothing to check).
 */
export async function loadFontRanges(deckDir: string): Promise<[number, number][] | undefined> {
  const css = (
    await Promise.all(['diapo.css', 'theme.css'].map((f) => readFile(path.join(deckDir, 'assets', f), 'utf8').catch(() => '')))
  ).join('\n')
  const faces = [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map((m) => m[1]!)
  if (faces.length === 0 || faces.some((face) => !face.includes('unicode-range'))) return undefined
  return faces.flatMap((face) => parseUnicodeRange(/unicode-range:\s*([^;]+)/.exec(face)![1]!))
}

/** `U+0000-00FF,U+131,U+2??` → code point ranges. Pure. */
export function parseUnicodeRange(value: string): [number, number][] {
  return value.split(',').flatMap((part): [number, number][] => {
    const m = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(part)
    if (!m) return []
    const start = parseInt(m[1]!.replace(/\?/g, '0'), 16)
    const end = m[2] ? parseInt(m[2], 16) : parseInt(m[1]!.replace(/\?/g, 'f'), 16)
    return [[start, end]]
  })
}

/**
 * The slides whose printed text has characters outside `ranges` (an arrow, an emoji...): Chromium draws
 * them in a system font, which then lands in the PDFs beside the deck's own. Pure.
 */
export function findMissingGlyphs(deck: RenderedDeck, ranges: [number, number][]): MissingGlyphs[] {
  const covered = (code: number): boolean => ranges.some(([a, b]) => code >= a && code <= b)
  return deck.stacks
    .flatMap((s) => s.slides)
    .flatMap((slide) => {
      const html = [slide.html, slide.notesHtml, slide.handoutHtml ?? ''].join('\n').replace(/<(svg|script|style)\b[\s\S]*?<\/\1>/gi, '')
      const text = decodeHtmlEntities(html.replace(/<[^>]+>/g, ' '))
      const chars = [...new Set([...text].filter((c) => !/\s/.test(c) && !covered(c.codePointAt(0)!)))]
      return chars.length > 0 ? [{ loc: slide.loc, chars }] : []
    })
}

import { decodeHtmlEntities } from '../render/entities.js'
import type { RenderedDeck } from '../types.js'

/** A link of the talk, with the numbers of the slides it appears on (in the slide or its notes). */
export interface DeckLink {
  href: string
  /** The link's text where it first appears (its URL for autolinks). */
  text: string
  /** 1-based slide numbers, as shown by the deck (vertical slides counted), ascending, no repeats. */
  slides: number[]
}

const RE_ANCHOR = /<a\b(?:[^>"']|"[^"]*"|'[^']*')*?\shref\s*=\s*(["'])((?:https?:|mailto:)[^"']*)\1(?:[^>"']|"[^"]*"|'[^']*')*>([\s\S]*?)<\/a>/gi

/**
 * Every external link (`http(s):`, `mailto:`) of a rendered deck, in order of first appearance, each
 * with the slides it appears on: the Markdown links the renderer collected, and the `<a href>` of raw
 * HTML in slides and notes.
 */
export function collectLinks(deck: RenderedDeck): DeckLink[] {
  const byHref = new Map<string, DeckLink>()
  let number = 0
  for (const { slides } of deck.stacks) {
    for (const slide of slides) {
      number++
      const found = [...slide.links, ...anchorsIn(slide.html), ...anchorsIn(slide.notesHtml)]
      for (const { href, text } of found) {
        const link = byHref.get(href) ?? { href, text: text || href, slides: [] }
        if (!link.slides.includes(number)) link.slides.push(number)
        byHref.set(href, link)
      }
    }
  }
  return [...byHref.values()]
}

// --- internal ---

function anchorsIn(html: string): { href: string; text: string }[] {
  return [...html.matchAll(RE_ANCHOR)].map((m) => ({
    href: decodeHtmlEntities(m[2]!),
    text: decodeHtmlEntities(m[3]!.replace(/<[^>]+>/g, '').trim()),
  }))
}

import { decodeHtmlEntities } from '../render/entities.js'
import type { RenderedDeck, RenderedSlide } from '../types.js'

/** A bookmark of a PDF: where it leads (a page, 0-based, or a named destination) and the bookmarks under it. */
export interface OutlineEntry {
  title: string
  /** 0-based page index (slides.pdf: the slide's number - 1). */
  page?: number
  /** A named destination of the PDF (Chromium writes one for each element an internal link points to). */
  dest?: string
  children?: OutlineEntry[]
}

/** A section of the talk (one slide file): its title and its slides, numbered as the deck shows them. */
export interface DeckSection {
  id: string
  title: string
  slides: { number: number; title: string }[]
}

/**
 * The talk's sections in order, each titled by its first slide's heading, with every slide's title:
 * the PDFs' bookmarks (sections, then slide titles) and the speaker's timing table. Pure.
 */
export function deckSections(deck: RenderedDeck): DeckSection[] {
  const sections: DeckSection[] = []
  let number = 0
  for (const { slides } of deck.stacks) {
    for (const slide of slides) {
      number++
      const title = slideTitle(slide, number, deck.meta.lang)
      const last = sections.at(-1)
      if (last?.id === slide.section) last.slides.push({ number, title })
      // A part is named by its first slide, without the "(1/2)" of a slide continued on the next.
      else sections.push({ id: slide.section, title: title.replace(/\s*\(\d+\s*\/\s*\d+\)$/, ''), slides: [{ number, title }] })
    }
  }
  return sections
}

/**
 * The bookmarks of a deck's PDF: a section, then under it its other slides' titles. `target` says
 * where slide `number` is (a page of slides.pdf, or a named destination of the handout).
 */
export function deckOutline(
  deck: RenderedDeck,
  target: (number: number) => Pick<OutlineEntry, 'page' | 'dest'> | undefined,
): OutlineEntry[] {
  return deckSections(deck).flatMap((section) => {
    const [first, ...rest] = section.slides
    const at = first && target(first.number)
    if (!at) return []
    const children = rest.flatMap((s) => {
      const to = target(s.number)
      return to ? [{ title: s.title, ...to }] : []
    })
    return [{ title: section.title, ...at, ...(children.length > 0 ? { children } : {}) }]
  })
}

/**
 * A slide's title: its first heading, else the start of its first text (a slide of bold sentences),
 * else "Diapositive n".
 */
export function slideTitle(slide: Pick<RenderedSlide, 'html'>, number: number, lang: string): string {
  const heading = /<h[1-3]\b[^>]*>([\s\S]*?)<\/h[1-3]>/i.exec(slide.html)?.[1]
  const text = (html: string): string =>
    decodeHtmlEntities(html.replace(/<[^>]+>/g, ' '))
      .replace(/\s+/g, ' ')
      .trim()
  if (heading && text(heading)) return text(heading)
  const first = /<(?:p|li|strong)\b[^>]*>([\s\S]*?)<\/(?:p|li|strong)>/i.exec(slide.html)?.[1]
  const words = first ? text(first) : ''
  if (words) return words.length > 70 ? `${words.slice(0, 69).trimEnd()}…` : words
  return `${lang.toLowerCase().startsWith('fr') ? 'Diapositive' : 'Slide'} ${number}`
}

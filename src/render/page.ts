import Handlebars from 'handlebars'

import type { RenderedDeck, RenderedSlide } from '../types.js'
import { renderAttributes } from './attributes.js'
import { decodeHtmlEntities } from './entities.js'

export interface PageOptions {
  /** The page template's source (templates/deck.hbs). */
  template: string
  /** Extra CSS put in the page after the theme (e.g. an association's colours). */
  style?: string
  /** Options passed to reveal.js, over diapo's defaults. */
  reveal?: Record<string, unknown>
  /** The deck's own stylesheets and scripts (front matter `css`, `scripts`), paths in the output. */
  css?: string[]
  scripts?: string[]
  /** HTML shown in the help overlay (`?`) below the keys: `#diapo-help-extra`. */
  helpExtra?: string
  /**
   * What the deck's runtime needs besides reveal.js's options: the planned time of each part of the
   * talk, for the speaker view (see `deckTiming`).
   */
  timing?: { parts: { title: string; first: number; last: number; minutes?: number }[]; total: number }
  /** Who the deck is for, read back by the page of all decks (`<meta name="diapo-deck">`). */
  deckInfo?: { association?: string; example?: boolean; singleFile?: string }
  /** Path of the source files shown in `data-source`, relative to this folder. */
  relativeTo?: (file: string) => string
}

/** Renders the whole `index.html` of a deck. */
export function renderPage(deck: RenderedDeck, options: PageOptions): string {
  const hbs = Handlebars.create()
  const template = hbs.compile(options.template, { strict: false, noEscape: false })
  const relativeTo = options.relativeTo ?? ((file: string) => file)
  const slides = deck.stacks
    .map(({ slides }) => {
      if (slides.length === 1) return renderSection(slides[0]!, relativeTo)
      return `<section>\n${slides.map((s) => renderSection(s, relativeTo)).join('\n')}\n</section>`
    })
    .join('\n')
  const timing = options.timing?.parts.length
    ? {
        total: options.timing.total,
        parts: options.timing.parts.map(({ title, first, last, minutes }) => ({ title, first, last, minutes })),
      }
    : undefined
  const config = { lang: deck.meta.lang, reveal: options.reveal ?? {}, ...(timing ? { timing } : {}) }
  return template({
    lang: deck.meta.lang,
    title: deckTitle(deck),
    author: deck.meta.author,
    style: options.style,
    helpExtra: options.helpExtra,
    deckInfo: options.deckInfo ? JSON.stringify(options.deckInfo) : undefined,
    slides,
    css: options.css ?? [],
    scripts: options.scripts ?? [],
    // JSON inside <script>: `<` escaped so no value can close the element.
    config: JSON.stringify(config).replace(/</g, '\\u003c'),
  })
}

/** The deck's title, for the page, the handout and the PDFs' metadata: front matter `title`, else the text of its first heading, else "Diapo". */
export function deckTitle(deck: RenderedDeck): string {
  return deck.meta.title ?? firstHeading(deck) ?? 'Diapo'
}

// --- internal ---

function renderSection(slide: RenderedSlide, relativeTo: (file: string) => string): string {
  const attributes = {
    ...slide.attributes,
    'data-section': slide.section,
    'data-source': `${relativeTo(slide.loc.file)}:${slide.loc.line}`,
  }
  const notes = slide.notesHtml ? `<aside class="notes">\n${slide.notesHtml}</aside>\n` : ''
  return `<section${renderAttributes(attributes)}>\n${slide.html}${notes}</section>`
}

function firstHeading(deck: RenderedDeck): string | undefined {
  for (const { slides } of deck.stacks) {
    for (const slide of slides) {
      const m = /<h[12][^>]*>([\s\S]*?)<\/h[12]>/.exec(slide.html)
      if (m) return decodeHtmlEntities(m[1]!.replace(/<[^>]+>/g, '').trim())
    }
  }
  return undefined
}

import { readFile } from 'node:fs/promises'
import path from 'node:path'

import Handlebars from 'handlebars'
import type { Page } from 'puppeteer-core'

import { PACKAGE_ROOT } from '../paths.js'
import { renderAttributes } from '../render/attributes.js'
import { escapeHtml } from '../render/markdown.js'
import { deckTitle } from '../render/page.js'
import type { RenderedDeck, RenderedSlide } from '../types.js'
import { handoutLayout, type HandoutPerPage, paginate, type SlideFrame } from './layout.js'
import { collectLinks, type DeckLink } from './links.js'

export const HANDOUT_TEMPLATE_FILE = path.join(PACKAGE_ROOT, 'templates', 'handout.hbs')

/** The handout's own words, in the deck's language. */
export interface HandoutMessages {
  slide: string
  slides: string
  links: string
}

const MESSAGES: Record<string, HandoutMessages> = {
  fr: { slide: 'Diapositive', slides: 'diapositives', links: 'Liens' },
  en: { slide: 'Slide', slides: 'slides', links: 'Links' },
}

export interface HandoutOptions {
  /** The template's source (templates/handout.hbs: `loadHandoutTemplate()`). */
  template: string
  /** Slides a page: 3 with notes beside (default), 2 with notes below. */
  perPage?: HandoutPerPage
  /** Extra CSS of the deck (an association's colours), after the theme. */
  style?: string
  /** The slide frame in CSS pixels (default 1280×720). */
  frame?: SlideFrame
}

/** Messages for a BCP 47 tag: its language, else English. */
export function handoutMessages(lang: string): HandoutMessages {
  return MESSAGES[lang.toLowerCase().split('-')[0]!] ?? MESSAGES.en!
}

/** Reads templates/handout.hbs. */
export async function loadHandoutTemplate(): Promise<string> {
  return readFile(HANDOUT_TEMPLATE_FILE, 'utf8')
}

/**
 * Renders the handout page (printed to handout.pdf): the slides `perPage` to a page, each in its
 * 1280×720 frame scaled down, with its speaker notes; then a page "Liens" with every link of the talk
 * and the slides it appears on. Its asset paths are those of `index.html`: write it beside it.
 */
export function renderHandout(deck: RenderedDeck, options: HandoutOptions): string {
  const hbs = Handlebars.create()
  const template = hbs.compile(options.template, { strict: false })
  const layout = handoutLayout(options.perPage ?? 3, options.frame)
  const messages = handoutMessages(deck.meta.lang)
  const slides = deck.stacks.flatMap((s) => s.slides).map((slide, i) => handoutSlide(slide, i + 1))
  return template({
    lang: deck.meta.lang,
    title: deckTitle(deck),
    author: deck.meta.author,
    style: options.style,
    layout,
    direction: layout.notes === 'below' ? 'column' : 'row',
    messages,
    pages: paginate(slides, layout.perPage),
    links: collectLinks(deck).map((link) => linkItem(link, messages)),
  })
}

/**
 * Header and footer of each handout page (Puppeteer's templates): the talk's title (and author) at
 * the top, "n / total" at the bottom. They cannot load the page's fonts: a system sans-serif it is.
 */
export function renderHandoutHeaderFooter(title: string, author?: string): { headerTemplate: string; footerTemplate: string } {
  const style = 'font-family: sans-serif; font-size: 8pt; color: #555; width: 100%; margin: 0 14mm; display: flex;'
  const text = escapeHtml(author ? `${title} — ${author}` : title)
  return {
    headerTemplate: `<div style="${style} justify-content: space-between;"><span>${text}</span></div>`,
    footerTemplate: `<div style="${style} justify-content: center;"><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
  }
}

/**
 * In the browser, before printing: notes too long for their box get a smaller type (down to 6.5 pt)
 * rather than being cut. Returns the numbers of the slides whose notes still do not fit.
 */
export async function fitHandoutNotes(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const overflowing: number[] = []
    document.querySelectorAll<HTMLElement>('.handout-notes').forEach((box, i) => {
      let size = 9.5
      while (box.scrollHeight > box.clientHeight + 1 && size > 6.5) {
        size -= 0.5
        box.style.fontSize = `${size}pt`
      }
      if (box.scrollHeight > box.clientHeight + 1) overflowing.push(i + 1)
    })
    return overflowing
  })
}

// --- internal ---

interface HandoutSlide {
  number: number
  attributes: string
  background?: string
  html: string
  notesHtml: string
}

function handoutSlide(slide: RenderedSlide, number: number): HandoutSlide {
  const attributes: Record<string, string> = {}
  let background: string | undefined
  for (const [name, value] of Object.entries(slide.attributes)) {
    if (name === 'data-background-color' || name === 'data-background') background = `background: ${value}`
    else if (name === 'data-background-image') background = `background: url("${value}") center / cover no-repeat`
    else if (!name.startsWith('data-background')) attributes[name] = value
  }
  return { number, attributes: renderAttributes(attributes), background, html: slide.html, notesHtml: slide.notesHtml }
}

function linkItem(link: DeckLink, messages: HandoutMessages): DeckLink & { where: string; showHref: boolean } {
  const label = link.slides.length > 1 ? messages.slides : messages.slide.toLowerCase()
  return { ...link, where: `${label} ${link.slides.join(', ')}`, showHref: link.text !== link.href }
}

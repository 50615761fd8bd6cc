import { decodeHtmlEntities } from '../render/entities.js'
import type { RenderedDeck } from '../types.js'
import { slideTitle } from './outline.js'

/** A link of the talk, with the numbers of the slides it appears on (in the slide, its notes or its attendees' text). */
export interface DeckLink {
  /** The address, `https:` rather than `http:` when the talk gives both. */
  href: string
  /** The link's text where it first appears (its URL for autolinks). */
  text: string
  /** 1-based slide numbers, as shown by the deck (vertical slides counted), ascending, no repeats. */
  slides: number[]
  /** The title of the first slide it appears on. */
  slideTitle: string
}

const RE_ANCHOR =
  /<a\b(?:[^>"']|"[^"]*"|'[^']*')*?\shref\s*=\s*(["'])((?:https?:|mailto:)[^"']*)\1(?:[^>"']|"[^"]*"|'[^']*')*>([\s\S]*?)<\/a>/gi

/**
 * Every external link (`http(s):`, `mailto:`) of a rendered deck, once, in order of first appearance,
 * each with the slides it appears on: the Markdown links the renderer collected, and the `<a href>` of
 * raw HTML in slides, notes and attendees' texts. Two addresses that lead to the same page
 * (`http`/`https`, `www.`, a trailing slash, the host's case) are one link.
 */
export function collectLinks(deck: RenderedDeck): DeckLink[] {
  const byKey = new Map<string, DeckLink>()
  let number = 0
  for (const { slides } of deck.stacks) {
    for (const slide of slides) {
      number++
      const found = [...slide.links, ...anchorsIn(slide.html), ...anchorsIn(slide.notesHtml), ...anchorsIn(slide.handoutHtml ?? '')]
      for (const { href, text } of found) {
        const key = linkKey(href)
        let link = byKey.get(key)
        if (!link) {
          link = { href, text: text || href, slides: [], slideTitle: slideTitle(slide, number, deck.meta.lang) }
          byKey.set(key, link)
        }
        if (href.startsWith('https:') && link.href.startsWith('http:')) link.href = href
        // A described link beats a bare address for the same page.
        if (isAddress(link.text) && text && !isAddress(text)) link.text = text
        if (!link.slides.includes(number)) link.slides.push(number)
      }
    }
  }
  return [...byKey.values()]
}

/**
 * What identifies a link's target: the address without its scheme, `www.`, trailing slash and the
 * case of its host; for `mailto:`, the e-mail address in lower case. Pure.
 */
export function linkKey(href: string): string {
  if (/^mailto:/i.test(href)) return `mailto:${mailAddress(href).toLowerCase()}`
  let url: URL
  try {
    url = new URL(href)
  } catch {
    return href
  }
  const host = url.host.toLowerCase().replace(/^www\./, '')
  const pathname = url.pathname.replace(/\/+$/, '')
  return `${host}${pathname}${url.search}${url.hash}`
}

/** The e-mail address of a `mailto:` link (without `?subject=...`), decoded. */
export function mailAddress(href: string): string {
  const address = href.replace(/^mailto:/i, '').split('?')[0]!
  try {
    return decodeURIComponent(address)
  } catch {
    return address
  }
}

/** A link as people read and type it: the e-mail address of a `mailto:`, else the address without `https://` and trailing slash. */
export function displayAddress(href: string): string {
  if (/^mailto:/i.test(href)) return mailAddress(href)
  return href.replace(/^https?:\/\//i, '').replace(/\/$/, '')
}

// --- internal ---

function isAddress(text: string): boolean {
  return /^(?:https?:\/\/|mailto:|www\.)/i.test(text) || /^[^\s@]+@[^\s@]+$/.test(text) || /^[\w.-]+\.[a-z]{2,}(?:\/\S*)?$/i.test(text)
}

function anchorsIn(html: string): { href: string; text: string }[] {
  return [...html.matchAll(RE_ANCHOR)].map((m) => ({
    href: decodeHtmlEntities(m[2]!),
    text: decodeHtmlEntities(m[3]!.replace(/<[^>]+>/g, '').trim()),
  }))
}

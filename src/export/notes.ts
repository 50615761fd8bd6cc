import { readFile } from 'node:fs/promises'
import path from 'node:path'

import type { RenderedDeck } from '../types.js'
import { handoutLayout, type HandoutPerPage, paginate, type SlideFrame } from './layout.js'
import { deckSections } from './outline.js'
import { createPrintTemplates, printedPageHead, printedSlide, PRINT_TEMPLATES_DIR } from './print-page.js'

export const NOTES_TEMPLATE_FILE = path.join(PRINT_TEMPLATES_DIR, 'notes.hbs')

/** The speaker's copy's own words, in the deck's language. */
export interface NotesMessages {
  slide: string
  slides: string
  timing: string
  part: string
  time: string
  total: string
  speakerCopy: string
}

const MESSAGES: Record<string, NotesMessages> = {
  fr: {
    slide: 'Diapositive',
    slides: 'Diapositives',
    timing: 'Minutage prévu',
    part: 'Partie',
    time: 'Durée',
    total: 'Total',
    speakerCopy: "Notes de l'animateur",
  },
  en: {
    slide: 'Slide',
    slides: 'Slides',
    timing: 'Planned timing',
    part: 'Part',
    time: 'Time',
    total: 'Total',
    speakerCopy: "Speaker's notes",
  },
}

/** A planned time in speaker notes: "~6 min", "~ 10 min". */
const RE_MINUTES = /~\s?(\d{1,3})\s?min\b/i

export interface NotesOptions {
  /** The template's source (templates/notes.hbs: `loadNotesTemplate()`). */
  template: string
  /** Slides a page: 3 with notes beside (default), 2 with notes below. */
  perPage?: HandoutPerPage
  /** Extra CSS of the deck (an association's colours), after the theme. */
  style?: string
  /** The slide frame in CSS pixels (default 1280×720; 960×720 for 4:3). */
  frame?: SlideFrame
}

/** The talk's parts (sections) with their planned minutes where the notes give them ("~6 min"), and the total. */
export interface Timing {
  /** `slides`: "3–7" as printed; `first`, `last`: the numbers of its first and last slides. */
  parts: { title: string; slides: string; first: number; last: number; minutes?: number }[]
  total: number
}

/** Messages for a BCP 47 tag: its language, else English. */
export function notesMessages(lang: string): NotesMessages {
  return MESSAGES[lang.toLowerCase().split('-')[0]!] ?? MESSAGES.en!
}

export async function loadNotesTemplate(): Promise<string> {
  return readFile(NOTES_TEMPLATE_FILE, 'utf8')
}

/** The planned time of each part of the talk, from its notes; no part when no note gives a time. Pure. */
export function deckTiming(deck: RenderedDeck): Timing {
  const slides = deck.stacks.flatMap((s) => s.slides)
  const parts = deckSections(deck).map((section) => {
    const times = section.slides.map((s) => minutesIn(slides[s.number - 1]!.notesHtml)).filter((m): m is number => m !== undefined)
    const first = section.slides[0]!.number
    const last = section.slides.at(-1)!.number
    return {
      title: section.title,
      slides: first === last ? `${first}` : `${first}–${last}`,
      first,
      last,
      ...(times.length > 0 ? { minutes: times.reduce((a, b) => a + b, 0) } : {}),
    }
  })
  const total = parts.reduce((n, p) => n + (p.minutes ?? 0), 0)
  return total > 0 ? { parts, total } : { parts: [], total: 0 }
}

/**
 * Renders the speaker's copy (printed to notes.pdf): the planned timing, then the slides `perPage` to a
 * page, each in its frame scaled down, beside its speaker notes and its planned time. Its asset paths
 * are those of `index.html`: write it beside it.
 */
export async function renderNotes(deck: RenderedDeck, options: NotesOptions): Promise<string> {
  const hbs = await createPrintTemplates()
  const template = hbs.compile(options.template, { strict: false })
  const layout = handoutLayout(options.perPage ?? 3, options.frame)
  const slides = deck.stacks
    .flatMap((s) => s.slides)
    .map((slide, i) => ({ ...printedSlide(slide, i + 1), notesHtml: slide.notesHtml, minutes: minutesIn(slide.notesHtml) }))
  return template({
    ...printedPageHead(deck, options.style),
    layout,
    direction: layout.notes === 'below' ? 'column' : 'row',
    messages: notesMessages(deck.meta.lang),
    timing: deckTiming(deck),
    pages: paginate(slides, layout.perPage),
  })
}

// --- internal ---

function minutesIn(html: string): number | undefined {
  const m = RE_MINUTES.exec(html.replace(/<[^>]+>/g, ''))
  return m ? Number(m[1]) : undefined
}

import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import type { Audience } from '../template/apply.js'
import { formatLongDate } from '../template/helpers.js'
import type { RenderedDeck } from '../types.js'
import { A4, HANDOUT_MARGIN, paginate, SLIDE_HEIGHT, SLIDE_WIDTH, type SlideFrame } from './layout.js'
import { collectLinks, displayAddress, type DeckLink } from './links.js'
import { deckSections } from './outline.js'
import { createPrintTemplates, printedPageHead, printedSlide, PRINT_TEMPLATES_DIR, type PrintedSlide } from './print-page.js'

export const HANDOUT_TEMPLATE_FILE = path.join(PRINT_TEMPLATES_DIR, 'handout.hbs')

/** Libérons nos ordis, who runs the workshops: the organiser on every handout's cover and contacts. */
export const ORGANISER = {
  name: 'Libérons nos ordis',
  website: 'https://blog.libere-ton-ordi.com',
  programme: { name: "Emancip'asso", website: 'https://emancipasso.org' },
}

/** The handout's own words, in the deck's language. */
export interface HandoutMessages {
  slide: string
  handout: string
  workshopFor: string
  facilitatedBy: string
  organisedBy: string
  programme: string
  genericAudience: string
  diagnostic: string
  diagnosticIntro: string
  need: string
  current: string
  alternatives: string
  why: string
  toStudy: string
  furtherReading: string
  contacts: string
  email: string
  website: string
  onSlide: string
  contents: string
  notesLabel: string
}

const MESSAGES: Record<string, HandoutMessages> = {
  fr: {
    slide: 'Diapositive',
    handout: "Support de l'atelier",
    workshopFor: 'Atelier pour',
    facilitatedBy: 'Animé par',
    organisedBy: 'Organisé par',
    programme: "dans le cadre du programme Emancip'asso",
    genericAudience: 'Pour les associations qui veulent des outils numériques libres et éthiques',
    diagnostic: 'Vos outils et leurs alternatives',
    diagnosticIntro:
      'Le diagnostic fait ensemble pendant l\u2019atelier : pour chaque besoin, l\u2019outil utilisé aujourd\u2019hui, des alternatives libres et éthiques, et pourquoi changer.',
    need: 'Besoin',
    current: "Outil utilisé aujourd'hui",
    alternatives: 'Alternatives libres et éthiques',
    why: 'Pourquoi changer',
    toStudy: 'à étudier ensemble',
    furtherReading: 'Pour aller plus loin',
    contacts: 'Contacts',
    email: 'Courriel',
    website: 'Site web',
    onSlide: 'diapositive',
    contents: 'Au programme',
    notesLabel: 'Vos notes',
  },
  en: {
    slide: 'Slide',
    handout: 'Workshop handout',
    workshopFor: 'Workshop for',
    facilitatedBy: 'Facilitated by',
    organisedBy: 'Organised by',
    programme: "as part of the Emancip'asso programme",
    genericAudience: 'For associations that want free and ethical digital tools',
    diagnostic: 'Your tools and their alternatives',
    diagnosticIntro:
      'The diagnostic made together during the workshop: for each need, the tool used today, free and ethical alternatives, and why to change.',
    need: 'Need',
    current: 'Tool used today',
    alternatives: 'Free and ethical alternatives',
    why: 'Why change',
    toStudy: 'to study together',
    furtherReading: 'Further reading',
    contacts: 'Contacts',
    email: 'E-mail',
    website: 'Website',
    onSlide: 'slide',
    contents: 'Contents',
    notesLabel: 'Your notes',
  },
}

/** Slides a handout page: two, each with its attendees' text and lines to write on under it. */
export const HANDOUT_SLIDES_PER_PAGE = 2
/** Width of a slide on the handout, in mm: 10.5 pt for the slides' 32 px text. */
const SLIDE_WIDTH_MM = 150

export interface HandoutOptions {
  /** The template's source (templates/handout.hbs: `loadHandoutTemplate()`). */
  template: string
  /** Who the deck is for: cover, diagnostic table, contacts. */
  audience: Audience
  /** Extra CSS of the deck (an association's colours), after the theme. */
  style?: string
  /** The slide frame in CSS pixels (default 1280×720; 960×720 for 4:3). */
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
 * Renders the attendees' handout (printed to handout.pdf): a cover (title, association, date, place,
 * facilitator, organiser); the slides two a page, each with its attendees' text (`Handout:`) and lines
 * to write on, never the speaker notes; the tools diagnostic as a table in place of its slides; then
 * "Pour aller plus loin" (every link once) and the contacts. Its asset paths are those of
 * `index.html`: write it beside it.
 */
export async function renderHandout(deck: RenderedDeck, options: HandoutOptions): Promise<string> {
  const hbs = await createPrintTemplates()
  const template = hbs.compile(options.template, { strict: false })
  const { profile, diagnostic } = options.audience
  const messages = handoutMessages(deck.meta.lang)
  const slides = deck.stacks.flatMap((s) => s.slides)
  // The diagnostic's slides are a table too small to read in a thumbnail: the handout prints the table itself.
  const isDiagnostic = (html: string, attributes: Record<string, string>): boolean =>
    diagnostic.length > 0 && /\bdiagnostic\b/.test(attributes.class ?? '') && html.includes('<table')
  const blocks: ({ slides: HandoutSlide[][] } | { diagnostic: true })[] = []
  const inTable = new Set<number>()
  let run: HandoutSlide[] = []
  const flush = (): void => {
    if (run.length > 0) blocks.push({ slides: paginate(run, HANDOUT_SLIDES_PER_PAGE) })
    run = []
  }
  slides.forEach((slide, i) => {
    if (isDiagnostic(slide.html, slide.attributes)) {
      inTable.add(i + 1)
      if (!blocks.some((b) => 'diagnostic' in b)) {
        flush()
        blocks.push({ diagnostic: true })
      }
      return
    }
    run.push({ ...printedSlide(slide, i + 1), handoutHtml: slide.handoutHtml ?? '' })
  })
  flush()
  // A 4:3 slide keeps the height a 16:9 one has at full width, so that its text and lines still fit below.
  const frame = options.frame ?? { width: SLIDE_WIDTH, height: SLIDE_HEIGHT }
  const height = Math.min((SLIDE_WIDTH_MM * frame.height) / frame.width, (SLIDE_WIDTH_MM * SLIDE_HEIGHT) / SLIDE_WIDTH)
  const width = (height * frame.width) / frame.height
  const sections = deckSections(deck).filter((s) =>
    s.slides.some((x) => !isDiagnostic(slides[x.number - 1]!.html, slides[x.number - 1]!.attributes)),
  )
  return template({
    ...printedPageHead(deck, options.style),
    messages,
    layout: {
      slideWidth: Math.round(width * 100) / 100,
      slideHeight: Math.round(height * 100) / 100,
      rowHeight: (A4.height - HANDOUT_MARGIN.top - HANDOUT_MARGIN.bottom) / HANDOUT_SLIDES_PER_PAGE,
      scale: Math.round(((width * 96) / 25.4 / frame.width) * 10_000) / 10_000,
      frameWidth: frame.width,
      frameHeight: frame.height,
    },
    cover: {
      generic: profile.generic,
      name: profile.name,
      logo: profile.logo ? pathToFileURL(profile.logo).href : undefined,
      date: profile.workshop.date ? formatLongDate(profile.workshop.date, deck.meta.lang) : undefined,
      place: profile.workshop.place,
      facilitator: profile.workshop.facilitator,
      // The talk's parts; the first, the title slide, is the cover itself.
      sections: sections.slice(1).map((s) => ({ title: s.title, number: s.slides[0]!.number })),
    },
    organiser: {
      name: ORGANISER.name,
      website: ORGANISER.website,
      websiteText: displayAddress(ORGANISER.website),
      programme: { ...ORGANISER.programme, websiteText: displayAddress(ORGANISER.programme.website) },
    },
    blocks,
    hasDiagnostic: diagnostic.length > 0,
    diagnostic: diagnostic.map((row) => ({
      ...row,
      alternatives: row.alternatives.map((a) => ({ ...a, display: displayAddress(a.url) })),
    })),
    // The alternatives' links are in the table, with their addresses: listed once, there.
    links: collectLinks(deck)
      .filter((link) => link.slides.some((n) => !inTable.has(n)))
      .map((link) => linkItem({ ...link, slides: link.slides.filter((n) => !inTable.has(n)) }, messages)),
    contacts: {
      // An association without an address to give gets no empty box.
      association:
        profile.generic || !(profile.contact.email || profile.contact.website)
          ? undefined
          : {
              name: profile.name,
              email: profile.contact.email,
              website: profile.contact.website,
              websiteText: profile.contact.website ? displayAddress(profile.contact.website) : undefined,
            },
      facilitator: profile.workshop.facilitator,
    },
    nav: slides.map((_, i) => i + 1),
    // Lines to write on: as many as the space left under a slide holds (the rest is clipped).
    lines: Array.from({ length: 8 }),
    place: deck.meta.lang.toLowerCase().startsWith('fr') ? 'Lieu' : 'Place',
  })
}

// --- internal ---

interface HandoutSlide extends PrintedSlide {
  handoutHtml: string
}

function linkItem(link: DeckLink, messages: HandoutMessages): { href: string; text: string; address: string; where: string } {
  const address = displayAddress(link.href)
  const described = link.text && link.text !== link.href && displayAddress(link.text) !== address
  return {
    href: link.href,
    text: described ? link.text : link.slideTitle,
    address,
    where: `${messages.onSlide} ${link.slides.join(', ')}`,
  }
}

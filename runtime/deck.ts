// The deck's runtime, bundled once by Vite (`npm run compile`) into assets/runtime/diapo.js and
// diapo.css, and copied as-is into every built deck. A classic script (IIFE), not a module: modules are
// blocked on file:// pages, and the deck must open from a USB stick.
import 'reveal.js/reveal.css'
import './fonts.css'
import './base.css'
import './layouts.css'

import Reveal from 'reveal.js'
import RevealNotes from 'reveal.js/plugin/notes'

import { localizeDeck, type Timing } from './i18n.js'

interface DeckConfig {
  lang: string
  reveal: Record<string, unknown>
  /** The planned time of the talk's parts, for the speaker view. */
  timing?: Timing
}

const configElement = document.getElementById('diapo-config')
const config: DeckConfig = configElement?.textContent ? (JSON.parse(configElement.textContent) as DeckConfig) : { lang: 'fr', reveal: {} }

// reveal.js's print view (`?print-pdf`, used for slides.pdf) makes pages of the slide size plus the
// margin: without one, a page is exactly the 1280×720 frame.
const printing = /[?&]print-pdf\b/.test(window.location.search)

const deck = new Reveal({
  width: 1280,
  height: 720,
  margin: printing ? 0 : 0.04,
  minScale: 0.2,
  maxScale: 2,
  center: false,
  // Slides are flex columns, so title slides can centre their content with CSS alone.
  display: 'flex',
  hash: true,
  respondToHashChanges: true,
  history: false,
  slideNumber: 'c/t',
  showSlideNumber: 'all',
  progress: true,
  controls: true,
  controlsTutorial: false,
  overview: true,
  transition: 'slide',
  transitionSpeed: 'fast',
  // Print: one page per slide, fragments in their final state.
  pdfSeparateFragments: false,
  pdfMaxPagesPerSlide: 1,
  plugins: [RevealNotes],
  ...config.reveal,
})

localizeDeck(deck, config.lang, config.timing)
if (printing) preparePrint(new URLSearchParams(window.location.search).get('slides'))
// Resolved once the print layout exists. `Reveal.isReady()` is true before it, and printing then
// gives a one-page PDF: the PDF export waits on this instead. Listened to before `initialize()`, so
// the event cannot be missed.
const printReady = new Promise<void>((resolve) => deck.on('pdf-ready', () => resolve()))
// Every page of the PDF is a slide to read: reveal.js hides all but the current one from assistive
// technology (aria-hidden), which would leave them out of the tagged PDF's structure.
if (printing)
  deck.on('pdf-ready', () =>
    document.querySelectorAll('.reveal .slides section[aria-hidden]').forEach((s) => s.removeAttribute('aria-hidden')),
  )
void deck.initialize()

/**
 * Print view only. reveal.js waits for animation frames between the steps of its print layout; a deck
 * printed in a background tab (the PDF export prints several pages at once) gets none, and in front
 * each costs a frame for nothing, since every step measures the layout it needs: frames become
 * immediate timers. `?print-pdf&slides=FIRST-LAST` prints only slides FIRST to LAST (counted as the
 * slide numbers count them, from 1): the export prints a big deck in parts, side by side, and the page
 * numbers printed on the slides stay those of the whole deck.
 */
function preparePrint(range: string | null): void {
  window.requestAnimationFrame = (callback) => window.setTimeout(() => callback(performance.now()), 0)
  const [first, last] = (/^(\d+)-(\d+)$/.exec(range ?? '') ?? []).slice(1).map(Number)
  if (!first || !last) return
  // Slides are the sections without sections inside; a vertical stack left empty goes too.
  const slides = [...document.querySelectorAll('.reveal .slides section:not(:has(section))')]
  slides.forEach((slide, i) => {
    if (i + 1 >= first && i + 1 <= last) return
    const parent = slide.parentElement
    slide.remove()
    if (parent?.matches('section') && !parent.querySelector('section')) parent.remove()
  })
  deck.on('pdf-ready', () => {
    for (const number of document.querySelectorAll('.slide-number-pdf')) {
      number.textContent = (number.textContent ?? '').replace(/^\d+/, (n) => String(Number(n) + first - 1))
    }
  })
}

declare global {
  interface Window {
    diapo: typeof deck
    Reveal: typeof deck
    diapoPrintReady: Promise<void>
  }
}
window.diapo = deck
// reveal.js's documented global: the deck's own scripts (`Reveal.on('slidechanged', ...)`), browser
// extensions and DeckTape's reveal plugin drive the deck through it.
window.Reveal = deck
window.diapoPrintReady = printReady

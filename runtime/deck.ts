// The deck's runtime, bundled once by Vite (`npm run compile`) into assets/runtime/diapo.js and
// diapo.css, and copied as-is into every built deck. A classic script (IIFE), not a module: modules are
// blocked on file:// pages, and the deck must open from a USB stick.
import 'reveal.js/reveal.css'
import './fonts.css'
import './base.css'

import Reveal from 'reveal.js'
import RevealNotes from 'reveal.js/plugin/notes'

import { localizeDeck } from './i18n.js'

interface DeckConfig {
  lang: string
  reveal: Record<string, unknown>
}

const configElement = document.getElementById('diapo-config')
const config: DeckConfig = configElement?.textContent
  ? (JSON.parse(configElement.textContent) as DeckConfig)
  : { lang: 'fr', reveal: {} }

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

localizeDeck(deck, config.lang)
// Resolved once the print layout exists. `Reveal.isReady()` is true before it, and printing then
// gives a one-page PDF: the PDF export waits on this instead. Listened to before `initialize()`, so
// the event cannot be missed.
const printReady = new Promise<void>((resolve) => deck.on('pdf-ready', () => resolve()))
void deck.initialize()

declare global {
  interface Window {
    diapo: typeof deck
    diapoPrintReady: Promise<void>
  }
}
window.diapo = deck
window.diapoPrintReady = printReady

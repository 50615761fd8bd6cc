import type { Deck, RenderedDeck } from '../types.js'
import { escapeAttribute } from './attributes.js'
import { escapeHtml } from './markdown.js'

/** Where the deck offers its handout. */
export interface HandoutLink {
  /** Added at the end of the last slide: the download link, and the QR code of `handoutUrl`. */
  slideHtml: string
  /** For the help overlay (`#diapo-help-extra`). */
  helpHtml: string
}

const LABELS: Record<string, string> = { fr: 'Télécharger le support (PDF)', en: 'Download the handout (PDF)' }
const QR_LABELS: Record<string, string> = { fr: 'QR code du support', en: 'QR code of the handout' }
/** What the QR code opens, said under it: a phone user scanning from the back of the room knows what they get. */
const QR_CAPTIONS: Record<string, string> = {
  fr: 'Scannez pour télécharger le support de l\u2019atelier (PDF)',
  en: 'Scan to download the workshop handout (PDF)',
}

/**
 * The deck's offer of its handout: a link "Télécharger le support (PDF)" to `handout.pdf` beside
 * `index.html` when the build writes it (`withPdf`), else to the front matter's `handoutUrl` when
 * there is one; plus, when `handoutUrl` is given, its QR code as inline SVG, made here, offline.
 * `undefined` when there is nothing to offer (a plain build without `handoutUrl`: no dead link).
 */
export async function renderHandoutLink(deck: Deck, lang: string, withPdf: boolean): Promise<HandoutLink | undefined> {
  const url = resolveHandoutUrl(deck)
  if (!withPdf && !url) return undefined
  const language = lang.toLowerCase().split('-')[0]!
  const label = LABELS[language] ?? LABELS.en!
  const href = withPdf ? 'handout.pdf' : url!
  // The local file only makes sense inside the deck's folder: PDFs hide it (see base.css).
  const cls = withPdf ? 'diapo-handout-link diapo-handout-local' : 'diapo-handout-link'
  const link = `<a class="${cls}" href="${escapeAttribute(href)}"${withPdf ? ' download' : ''}>${escapeHtml(label)}</a>`
  let qr = ''
  if (url) {
    // Loaded only for decks that ask for a QR code.
    const { default: QRCode } = await import('qrcode')
    const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
    const alt = `${QR_LABELS[language] ?? QR_LABELS.en!} : ${url}`
    const caption = QR_CAPTIONS[language] ?? QR_CAPTIONS.en!
    qr =
      `<figure class="diapo-handout-qr"><div role="img" aria-label="${escapeAttribute(alt)}">${svg}</div>` +
      `<figcaption>${escapeHtml(caption)}<br><span class="diapo-handout-url">${escapeHtml(url.replace(/^https?:\/\//, ''))}</span></figcaption></figure>`
  }
  return {
    slideHtml: `<div class="diapo-handout">${link}${qr}</div>\n`,
    helpHtml: `<p>${link}</p>`,
  }
}

/** The deck with `html` added at the end of its last slide. */
export function appendToLastSlide(deck: RenderedDeck, html: string): RenderedDeck {
  const stacks = deck.stacks.map((stack) => ({ slides: [...stack.slides] }))
  const last = stacks.at(-1)?.slides
  const slide = last?.at(-1)
  if (!last || !slide) return deck
  last[last.length - 1] = { ...slide, html: slide.html + html }
  return { ...deck, stacks }
}

// --- internal ---

/** The front matter's or profile's `handoutUrl` (checked with them), trimmed; `undefined` when empty. */
function resolveHandoutUrl(deck: Deck): string | undefined {
  const value = deck.meta.handoutUrl
  return typeof value === 'string' && value.trim() ? value.trim() : undefined
}

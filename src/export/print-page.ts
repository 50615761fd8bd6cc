import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import Handlebars from 'handlebars'
import type { Page } from 'puppeteer-core'

import { PACKAGE_ROOT } from '../paths.js'
import { renderAttributes } from '../render/attributes.js'
import { escapeHtml } from '../render/markdown.js'
import { deckTitle } from '../render/page.js'
import type { RenderedDeck, RenderedSlide } from '../types.js'

/** Templates of the printed pages (handout.pdf, notes.pdf) and their shared parts. */
export const PRINT_TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates')
const PARTIALS = { 'print-frame-style': 'print/frame-style.hbs', 'print-frame': 'print/frame.hbs' }

/** A slide as a printed page shows it: its section's attributes, its background on the frame, its HTML. */
export interface PrintedSlide {
  number: number
  attributes: string
  background?: string
  html: string
}

/**
 * What the template of every printed page (handout.pdf, notes.pdf) starts with: the nonce its own script
 * runs under (the page's content security policy), the deck's language, title and author, and its extra CSS.
 */
export function printedPageHead(deck: RenderedDeck, style: string | undefined) {
  return { nonce: randomBytes(16).toString('base64'), lang: deck.meta.lang, title: deckTitle(deck), author: deck.meta.author, style }
}

/** A Handlebars instance with the printed pages' shared partials (the scaled slide frame). */
export async function createPrintTemplates(): Promise<typeof Handlebars> {
  const hbs = Handlebars.create()
  for (const [name, file] of Object.entries(PARTIALS))
    hbs.registerPartial(name, await readFile(path.join(PRINT_TEMPLATES_DIR, file), 'utf8'))
  return hbs
}

export function printedSlide(slide: RenderedSlide, number: number): PrintedSlide {
  const attributes: Record<string, string> = {}
  let background: string | undefined
  for (const [name, value] of Object.entries(slide.attributes)) {
    if (name === 'data-background-color' || name === 'data-background') background = `background: ${value}`
    else if (name === 'data-background-image') background = `background: url("${value}") center / cover no-repeat`
    else if (!name.startsWith('data-background')) attributes[name] = value
  }
  return { number, attributes: renderAttributes(attributes), background, html: slide.html }
}

/**
 * The `@font-face` rules of the deck's regular text font, from its bundled stylesheet (fonts inlined as
 * data: URLs): Chromium prints the header and footer as pages of their own, which cannot use the page's
 * fonts; given these, they use the deck's font instead of a system fallback (DejaVu...).
 */
export async function loadHeaderFonts(deckDir: string): Promise<{ css: string; family: string }> {
  const css = await readFile(path.join(deckDir, 'assets', 'diapo.css'), 'utf8').catch(() => '')
  const faces = [...css.matchAll(/@font-face\s*\{[^}]*\}/g)].map((m) => m[0])
  const family = /font-family:\s*([^;}]+)/.exec(faces[0] ?? '')?.[1]?.trim() ?? 'sans-serif'
  const regular = faces.filter((f) => f.includes(family) && /font-weight:\s*400/.test(f) && /font-style:\s*normal/.test(f))
  return { css: regular.join(''), family: /^["']/.test(family) ? family : `'${family}'` }
}

/**
 * Header and footer of each page of a printed A4 document (Puppeteer's templates): `left` and `right`
 * at the top, "n / total" at the bottom, in the deck's font (`fonts`, see `loadHeaderFonts`).
 */
export function renderHeaderFooter(
  left: string,
  right: string,
  fonts: { css: string; family: string },
): { headerTemplate: string; footerTemplate: string } {
  const style = `font-family: ${fonts.family}; font-size: 8pt; color: #555; width: 100%; margin: 0 14mm; display: flex; gap: 4mm;`
  const fontStyle = fonts.css ? `<style>${fonts.css}</style>` : ''
  return {
    headerTemplate: `${fontStyle}<div style="${style} justify-content: space-between;"><span>${escapeHtml(left)}</span><span>${escapeHtml(right)}</span></div>`,
    footerTemplate: `${fontStyle}<div style="${style} justify-content: center;"><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
  }
}

/**
 * In the browser, before printing: text too long for its box (`selector`) gets a smaller type, from
 * `from` down to `min` pt, rather than being cut. Returns the `data-slide` numbers of the boxes that still do not fit.
 */
export async function fitBoxes(page: Page, selector: string, from: number, min: number): Promise<number[]> {
  return page.evaluate(
    (selector, from, min) => {
      const overflowing: number[] = []
      document.querySelectorAll<HTMLElement>(selector).forEach((box) => {
        let size = from
        while (box.scrollHeight > box.clientHeight + 1 && size > min) {
          size -= 0.5
          box.style.fontSize = `${size}pt`
        }
        if (box.scrollHeight > box.clientHeight + 1) overflowing.push(Number(box.dataset.slide))
      })
      return overflowing
    },
    selector,
    from,
    min,
  )
}

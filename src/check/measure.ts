import { rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import type { Page } from 'puppeteer-core'

import type { CompiledDeck } from '../compile.js'
import { DEFAULT_TIMEOUT, pageTimeout } from '../export/launch.js'
import type { BrowserSession } from '../export/session.js'
import { t } from '../i18n/index.js'
import { makeTempDirReaped } from '../reaper.js'
import { writeDeck } from '../write.js'
import type { Rgba } from './contrast.js'

/** What the browser tells `diapo check` of a deck: its slides measured, or why it did not start. */
export type DeckMeasures = (SlideMeasure[] & { blocked: string[] }) | { notStarted: { message: string; hint: string } }

/**
 * Writes the deck into a temporary folder and measures its slides (`measureSlides`) in a page of
 * `session`, guarded as the PDFs' pages are: requests outside the deck's folders are blocked and listed
 * (`blocked`). A deck that does not start within `timeout` ms (a slide's script that never ends, or
 * throws before reveal.js) is reported as `notStarted`; once started, it has `timeout` plus 0.1 s a slide
 * to be measured, after which it fails with `E_EXPORT`.
 */
export async function measureDeck(session: BrowserSession, compiled: CompiledDeck, timeout = DEFAULT_TIMEOUT): Promise<DeckMeasures> {
  // Made synchronously, its removal registered at once: reaped even after a SIGKILL, as the build's folders are.
  const dir = makeTempDirReaped(path.join(os.tmpdir(), 'diapo-check-'))
  try {
    await writeDeck(compiled, dir, { singleFile: false })
    // `timeout` to start (its own, reported as `notStarted`), then as much again, plus 0.1 s a slide, to be measured.
    const options = {
      timeout: timeout + pageTimeout(timeout, compiled.slideCount),
      what: t('measure.deck'),
      allow: [dir, ...compiled.mediaScope.roots],
    }
    return await session.withPage(async (page, job): Promise<DeckMeasures> => {
      await page.setViewport({ width: compiled.frame.width, height: compiled.frame.height })
      const errors: string[] = []
      const onError = (err: unknown): void => void errors.push(err instanceof Error ? err.message : String(err))
      page.on('pageerror', onError)
      try {
        if (!(await startDeck(page, dir, timeout))) {
          return {
            notStarted: {
              message: t('measure.notStarted', { seconds: Math.round(timeout / 100) / 10, scriptError: errors[0] }),
              hint: t('measure.notStartedHint'),
            },
          }
        }
        await page.evaluate(() => document.fonts.ready.then(() => undefined))
        return Object.assign(await page.evaluate(measureSlides, compiled.frame.width), { blocked: [...job.blocked] })
      } finally {
        // The page goes back to the session's pool: it must not keep this deck's listener.
        page.off('pageerror', onError)
      }
    }, options)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** What `diapo check` learns about one slide in the browser, in its frame (1280×720, or 960×720 for 4:3). */
export interface SlideMeasure {
  /** 1-based number, as the deck shows it (vertical slides counted in order). */
  number: number
  h: number
  v: number
  /** `data-source` of the `<section>`: `slides/x.md:LINE`. */
  source: string | null
  /** Pixels (in the slide frame) the content goes past each edge, fragments hidden. */
  overflow: Edges
  /** The same once every fragment is shown. */
  overflowFragments: Edges
  /**
   * Where the content is, every fragment shown: the box around every element and line of text, in px
   * of the frame from its top-left corner (`right` and `bottom` as distances from the left and top).
   * `null` for a slide with no visible content.
   */
  extent: Edges | null
  /** The frame's size in px (1280×720, or 960×720 for 4:3). */
  frame: { width: number; height: number }
  /** The slide's classes (its layout: `title-slide`, `statement`, `cards`...). */
  classes: string[]
  /** The slide shows headings and nothing else (no other text, no image, table or icon). */
  headingOnly: boolean
  images: { src: string; alt: string | null; broken: boolean }[]
  /** No text, no image or other media, no background: a slide left empty by mistake. */
  empty: boolean
  hasNotes: boolean
  /** Text samples: colour and the background layers behind it (nearest first). */
  texts: { colour: Rgba; layers: Rgba[]; text: string }[]
}

export interface Edges {
  top: number
  right: number
  bottom: number
  left: number
}

/**
 * Runs IN THE PAGE (serialised by Puppeteer: self-contained, no imports). Visits every slide with
 * transitions off, measures its content against the frame (`frameWidth` px wide) with fragments hidden then all shown,
 * and collects images, notes and text colours.
 */
export function measureSlides(frameWidth = 1280): SlideMeasure[] {
  const deck = (window as unknown as { diapo: RevealLike }).diapo
  const style = document.createElement('style')
  style.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }'
  document.head.appendChild(style)
  deck.configure({ transition: 'none', backgroundTransition: 'none' })
  const canvas = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!
  const toRgba = (css: string): Rgba => {
    canvas.clearRect(0, 0, 1, 1)
    canvas.fillStyle = '#000'
    canvas.fillStyle = css
    canvas.fillRect(0, 0, 1, 1)
    const [r, g, b, a] = canvas.getImageData(0, 0, 1, 1).data
    return [r!, g!, b!, a! / 255]
  }
  const slidesEl = document.querySelector<HTMLElement>('.reveal .slides')!
  const results: SlideMeasure[] = []
  const leaves = [...document.querySelectorAll<HTMLElement>('.reveal .slides > section')].flatMap((top, h) => {
    const inner = [...top.querySelectorAll<HTMLElement>(':scope > section')]
    return inner.length ? inner.map((el, v) => ({ el, h, v })) : [{ el: top, h, v: 0 }]
  })

  const scale = slidesEl.getBoundingClientRect().width / frameWidth || 1
  const measureExtent = (section: HTMLElement): Edges | null => {
    const frame = section.getBoundingClientRect()
    // What a viewer could see: every element's box and every line of text, except inside a box that
    // clips or scrolls its content (a wide code block), where only the box itself counts.
    const clipped = (node: Node): boolean => {
      for (let el = node.parentElement; el && el !== section; el = el.parentElement) {
        if (getComputedStyle(el).overflow !== 'visible' || el.matches('aside.notes')) return true
      }
      return false
    }
    const rects: DOMRect[] = []
    for (const el of section.querySelectorAll<HTMLElement>('*')) {
      if (!clipped(el)) rects.push(el.getBoundingClientRect())
    }
    const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT)
    const range = document.createRange()
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim() || clipped(node)) continue
      range.selectNodeContents(node)
      rects.push(...range.getClientRects())
    }
    const visible = rects.filter((r) => r.width > 0 || r.height > 0)
    if (visible.length === 0) return null
    const at = (value: number): number => Math.round(value / scale)
    return {
      top: at(Math.min(...visible.map((r) => r.top)) - frame.top),
      bottom: at(Math.max(...visible.map((r) => r.bottom)) - frame.top),
      left: at(Math.min(...visible.map((r) => r.left)) - frame.left),
      right: at(Math.max(...visible.map((r) => r.right)) - frame.left),
    }
  }
  const measureOverflow = (section: HTMLElement): Edges => {
    const e = measureExtent(section)
    const width = section.getBoundingClientRect().width / scale
    const height = section.getBoundingClientRect().height / scale
    if (!e) return { top: 0, right: 0, bottom: 0, left: 0 }
    return {
      top: Math.max(0, -e.top),
      right: Math.max(0, e.right - Math.round(width)),
      bottom: Math.max(0, e.bottom - Math.round(height)),
      left: Math.max(0, -e.left),
    }
  }

  const backgroundLayers = (el: Element, h: number, v: number, text: Rgba): Rgba[] | undefined => {
    const layers: Rgba[] = []
    const push = (node: Element): boolean => {
      const cs = getComputedStyle(node)
      if (cs.backgroundImage && cs.backgroundImage !== 'none') return false
      const c = toRgba(cs.backgroundColor)
      if (c[3] > 0) layers.push(c)
      return true
    }
    for (let node: Element | null = el; node && node !== slidesEl; node = node.parentElement) {
      // The "photo" layout: text over a scrim (the slide's ::before) over a photo of any colour. The
      // photo is taken at its worst for this text: white under light text, black under dark text.
      if (node.matches('section.photo')) {
        layers.push(toRgba(getComputedStyle(node, '::before').backgroundColor))
        const light = text[0] * 0.2126 + text[1] * 0.7152 + text[2] * 0.0722 > 127
        layers.push(light ? [255, 255, 255, 1] : [0, 0, 0, 1])
        return layers
      }
      if (!push(node)) return undefined
    }
    const bg = deck.getSlideBackground(h, v)
    if (bg) {
      const content = bg.querySelector('.slide-background-content')
      if (content && !push(content)) return undefined
      if (!push(bg)) return undefined
    }
    for (const node of [document.querySelector('.reveal'), document.body, document.documentElement]) {
      if (node && !push(node)) return undefined
    }
    return layers
  }

  const collectTexts = (section: HTMLElement, h: number, v: number): SlideMeasure['texts'] => {
    const seen = new Set<Element>()
    const texts: SlideMeasure['texts'] = []
    const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement
      if (!parent || seen.has(parent) || !node.textContent?.trim()) continue
      if (parent.closest('aside.notes, script, style')) continue
      seen.add(parent)
      const cs = getComputedStyle(parent)
      if (cs.visibility !== 'visible' || parent.getClientRects().length === 0) continue
      let opacity = 1
      for (let n: Element | null = parent; n && n !== slidesEl; n = n.parentElement) opacity *= Number(getComputedStyle(n).opacity)
      const colour = toRgba(cs.color)
      colour[3] *= opacity
      const layers = backgroundLayers(parent, h, v, colour)
      if (layers) texts.push({ colour, layers, text: node.textContent.trim().slice(0, 40) })
    }
    return texts
  }

  leaves.forEach(({ el, h, v }, index) => {
    deck.slide(h, v, -1)
    const overflow = measureOverflow(el)
    el.querySelectorAll('.fragment').forEach((f) => f.classList.add('visible'))
    const overflowFragments = measureOverflow(el)
    const extent = measureExtent(el)
    const frameBox = el.getBoundingClientRect()
    const content = el.cloneNode(true) as HTMLElement
    content.querySelectorAll('aside.notes').forEach((n) => n.remove())
    const MEDIA = 'img, svg, video, audio, iframe, canvas, object, embed, table, [role="img"]'
    const hasMedia = !!content.querySelector(MEDIA)
    const withoutHeadings = content.cloneNode(true) as HTMLElement
    withoutHeadings.querySelectorAll('h1, h2, h3, h4, h5, h6').forEach((n) => n.remove())
    // A background photo, video or page is what the slide shows: its heading is its caption.
    const hasBackground = [...el.attributes].some((a) => a.name.startsWith('data-background'))
    const hasBackgroundMedia = [...el.attributes].some(
      (a) => /^data-background(?:-image|-video|-iframe)?$/.test(a.name) && !/^(#|rgb|hsl)/i.test(a.value.trim()),
    )
    const headingOnly =
      !hasBackgroundMedia &&
      !!content.querySelector('h1, h2, h3, h4, h5, h6') &&
      !withoutHeadings.textContent?.trim() &&
      !withoutHeadings.querySelector(MEDIA)
    const notes = el.querySelector('aside.notes')?.textContent?.trim() || el.getAttribute('data-notes')?.trim()
    results.push({
      number: index + 1,
      h,
      v,
      source: el.getAttribute('data-source'),
      overflow,
      overflowFragments,
      extent,
      frame: { width: Math.round(frameBox.width / scale), height: Math.round(frameBox.height / scale) },
      classes: [...el.classList].filter((c) => !['present', 'past', 'future', 'stack'].includes(c)),
      headingOnly,
      images: [...el.querySelectorAll('img')].map((img) => ({
        src: img.getAttribute('src') ?? '',
        alt: img.getAttribute('alt'),
        broken: !img.complete || img.naturalWidth === 0,
      })),
      empty: !content.textContent?.trim() && !hasMedia && !hasBackground,
      hasNotes: !!notes,
      texts: collectTexts(el, h, v),
    })
  })
  style.remove()
  return results
}

// --- internal ---

/**
 * Opens the deck written in `dir` and waits until reveal.js is ready; `false` when it is not within
 * `timeout` ms. A deck that never starts is the worst problem of all: reported, never a time-out's stack trace.
 */
async function startDeck(page: Page, dir: string, timeout: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const expired = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeout)))
  return Promise.race([
    (async () => {
      await page.goto(pathToFileURL(path.join(dir, 'index.html')).href, { waitUntil: 'load', timeout })
      await page.waitForFunction(() => (window as unknown as { diapo?: { isReady(): boolean } }).diapo?.isReady(), { timeout })
      return true
    })().catch((err: unknown) => (err instanceof Error && err.name === 'TimeoutError' ? false : Promise.reject(err))),
    expired,
  ]).finally(() => clearTimeout(timer))
}

interface RevealLike {
  configure(options: Record<string, unknown>): void
  slide(h: number, v: number, f?: number): void
  getSlideBackground(h: number, v: number): HTMLElement | undefined
}

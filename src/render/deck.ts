import { createHash } from 'node:crypto'
import path from 'node:path'

import type { Deck, LocalAsset, RenderedDeck, RenderedSlide, Slide } from '../types.js'
import { applyElementAttributes, escapeAttribute } from './attributes.js'
import { decodeHtmlEntities } from './entities.js'
import { createMarkdownRenderer, type Highlighter } from './markdown.js'
import { usesFrenchTypography } from './typography.js'

export interface RenderOptions {
  /** Folder that relative asset paths inside the deck are kept relative to (the deck's folder). */
  deckRoot: string
  highlight?: Highlighter
}

/** Default language of a deck: the association's talks are in French. */
export const DEFAULT_LANG = 'fr'

const RE_MEDIA_SRC = /(<(?:img|video|audio|source)\b(?:[^>"']|"[^"]*"|'[^']*')*?\s(?:src|poster)\s*=\s*)(["'])(.*?)\2/gi
/** A background attribute on any element (a raw `<section>` in the Markdown). */
const RE_BACKGROUND_ATTRIBUTE = /(<[a-zA-Z][\w-]*\b(?:[^>"']|"[^"]*"|'[^']*')*?\s(data-background(?:-image|-video|-iframe)?)\s*=\s*)(["'])(.*?)\3/gi
const RE_COMMENT = /<!--[\s\S]*?-->/g
/**
 * reveal.js reads `data-background` as an image when it looks like one (its own test), else as a colour.
 */
const RE_BACKGROUND_IMAGE = /^(?:http|file|\/\/)|\.(?:svg|png|jpg|jpeg|gif|bmp|webp)(?:[?#\s]|$)/i

/**
 * Renders each slide's Markdown and notes to HTML. Pure: local files are collected as `assets`, with
 * the path they get in the output, for the build to check and copy.
 */
export function renderDeck(deck: Deck, options: RenderOptions): RenderedDeck {
  const lang = deck.meta.lang ?? DEFAULT_LANG
  const markdown = createMarkdownRenderer({ frenchTypography: usesFrenchTypography(lang), highlight: options.highlight })
  const links = deck.files.length === 1 ? slideLinkMap(deck) : undefined
  return {
    meta: { ...deck.meta, lang },
    stacks: deck.stacks.map((stack) => ({
      slides: stack.slides.map((slide) => {
        const rendered = renderSlide(slide, markdown, options)
        if (!links) return rendered
        return { ...rendered, html: remapSlideLinks(rendered.html, links), notesHtml: remapSlideLinks(rendered.notesHtml, links) }
      }),
    })),
  }
}

/**
 * For a one-file deck whose empty slides diapo dropped (a leading `---`), where reveal.js's `#/h/v`
 * indices now are: `undefined` when nothing moved.
 */
function slideLinkMap(deck: Deck): Map<string, string> | undefined {
  const map = new Map<string, string>()
  let moved = false
  deck.stacks.forEach((stack, h) =>
    stack.slides.forEach((slide, v) => {
      const origin = slide.origin ?? { h, v }
      if (slide.origin) moved = true
      map.set(`${origin.h}/${origin.v}`, v === 0 ? `${h}` : `${h}/${v}`)
      if (!map.has(`${origin.h}`)) map.set(`${origin.h}`, `${h}`)
    }),
  )
  return moved ? map : undefined
}

/** `href="#/3"` and `href="#/3/1"` pointed at the slides' places in the built deck. */
function remapSlideLinks(html: string, map: Map<string, string>): string {
  return html.replace(/(\shref=")#\/(\d+)(?:\/(\d+))?"/g, (whole, head: string, h: string, v?: string) => {
    const to = map.get(v === undefined ? h : `${h}/${v}`) ?? (v === '0' ? map.get(h) : undefined)
    return to === undefined ? whole : `${head}#/${to}"`
  })
}

/**
 * Output path of a local file referred to by the deck: its path in the deck's folder, or for a file
 * outside it (an association's logo), `external/<folder id>/<name>`, the id from the file's folder, so
 * that two `logo.svg` of two folders stay two files.
 */
export function assetTarget(absolute: string, deckRoot: string): string {
  const rel = path.relative(deckRoot, absolute)
  const inside = rel && !rel.startsWith('..') && !path.isAbsolute(rel)
  const folder = createHash('sha256').update(path.dirname(absolute)).digest('hex').slice(0, 8)
  const target = inside ? rel : path.join('external', folder, path.basename(absolute))
  return ['media', ...target.split(path.sep)].map(encodeURIComponent).join('/')
}

/** The file path (URL-decoded, without `?` or `#`) of a local reference in HTML; `undefined` for URLs, data: URIs and fragments. */
export function toLocalPath(src: string): string | undefined {
  if (!src || /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(src)) return undefined
  return safeDecode(src.split(/[?#]/)[0]!)
}

// --- internal ---

function renderSlide(slide: Slide, markdown: ReturnType<typeof createMarkdownRenderer>, options: RenderOptions): RenderedSlide {
  const body = markdown(slide.markdown)
  const notes = slide.notes ? markdown(slide.notes) : { html: '', links: [] }
  const assets: LocalAsset[] = []
  const dir = path.dirname(slide.loc.file)
  const localize = (src: string, lineOf: (src: string) => number): string => {
    const local = toLocalPath(src)
    if (local === undefined) return src
    const source = local.startsWith('/') ? path.join(options.deckRoot, local) : path.resolve(dir, local)
    const target = assetTarget(source, options.deckRoot)
    if (!assets.some((a) => a.source === source)) assets.push({ source, target, loc: { file: slide.loc.file, line: lineOf(src) } })
    return target
  }
  const lineInSlide = (src: string): number => {
    const decoded = safeDecode(src)
    const index = slide.markdown.split('\n').findIndex((line) => line.includes(src) || line.includes(decoded))
    return slide.lines?.[Math.max(index, 0)] ?? slide.loc.line + Math.max(index, 0)
  }
  // What is inside an HTML comment is never shown: its images are neither required nor copied.
  const localizeMedia = (htmlText: string, lineOf: (src: string) => number): string =>
    outsideComments(htmlText, (part) =>
      part
        .replace(
          RE_MEDIA_SRC,
          (_, head: string, quote: string, src: string) => `${head}${quote}${escapeAttribute(localize(decodeHtmlEntities(src), lineOf))}${quote}`,
        )
        .replace(RE_BACKGROUND_ATTRIBUTE, (_, head: string, name: string, quote: string, value: string) => {
          const localized = localizeBackground(name, decodeHtmlEntities(value), (src) => localize(src, lineOf))
          return `${head}${quote}${escapeAttribute(localized)}${quote}`
        }),
    )
  const html = localizeMedia(applyElementAttributes(body.html), lineInSlide)
  // Images in the notes are shown in the speaker view: copied and checked like the slide's own.
  const notesHtml = localizeMedia(notes.html, () => slide.notesLine ?? slide.loc.line)
  const attributes = { ...slide.attributes }
  for (const [name, value] of Object.entries(attributes)) {
    if (value && /^data-background(?:-image|-video|-iframe)?$/.test(name)) {
      attributes[name] = localizeBackground(name, value, (src) => localize(src, () => slide.attributesLine ?? slide.loc.line))
    }
  }
  return {
    loc: slide.loc,
    section: slide.section,
    html,
    notesHtml,
    attributes,
    assets,
    links: [...body.links, ...notes.links],
  }
}
/**
 * A background attribute's local files, given their output paths: an image, a video (a comma-separated
 * list of sources), an iframe's page; `data-background` only when reveal.js reads it as an image.
 */
function localizeBackground(name: string, value: string, localize: (src: string) => string): string {
  if (name === 'data-background' && !RE_BACKGROUND_IMAGE.test(value)) return value
  if (name === 'data-background-video') return value.split(',').map((src) => localize(src.trim())).join(',')
  return localize(value.trim())
}

/** Applies `fn` to the parts of `html` outside comments. */
function outsideComments(html: string, fn: (part: string) => string): string {
  let out = ''
  let from = 0
  for (const m of html.matchAll(RE_COMMENT)) {
    out += fn(html.slice(from, m.index)) + m[0]
    from = m.index + m[0].length
  }
  return out + fn(html.slice(from))
}

function safeDecode(src: string): string {
  try {
    return decodeURI(src)
  } catch {
    return src
  }
}

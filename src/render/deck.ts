import { createHash } from 'node:crypto'
import path from 'node:path'

import { DeckError, type SourceLocation } from '../errors.js'
import { t } from '../i18n/index.js'
import { findFences } from '../parse/split.js'
import type { Deck, LocalAsset, RenderedDeck, RenderedSlide, Slide } from '../types.js'
import { applyElementAttributes, escapeAttribute } from './attributes.js'
import { decodeHtmlEntities } from './entities.js'
import { createMarkdownRenderer, escapeHtml, type Highlighter } from './markdown.js'
import { describeSwallower, findSwallower, swallowerLine } from './swallow.js'
import { usesFrenchTypography } from './typography.js'

export interface RenderOptions {
  /** Folder that relative asset paths inside the deck are kept relative to (the deck's folder). */
  deckRoot: string
  highlight?: Highlighter
}

/** Default language of a deck: the association's talks are in French. */
export const DEFAULT_LANG = 'fr'

const RE_MEDIA_SRC = /(<(?:img|video|audio|source)\b(?:[^>"']|"[^"]*"|'[^']*')*?\s(?:src|poster)\s*=\s*)(["'])(.*?)\2/gi
/** A `style` attribute of raw HTML, and a CSS `url(...)` in it (a photo as a CSS background). */
const RE_STYLE_ATTRIBUTE = /(<[a-z][^\s>]*\s(?:[^>"']|"[^"]*"|'[^']*')*?\bstyle\s*=\s*)(["'])(.*?)\2/gi
const RE_CSS_URL = /url\(\s*(["']?)(.*?)\1\s*\)/gi
/** A background attribute on any element (a raw `<section>` in the Markdown). */
const RE_BACKGROUND_ATTRIBUTE =
  /(<[a-zA-Z][\w-]*\b(?:[^>"']|"[^"]*"|'[^']*')*?\s(data-background(?:-image|-video|-iframe)?)\s*=\s*)(["'])(.*?)\3/gi
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
  const stacks = deck.stacks.map((stack) => ({
    slides: stack.slides.map((slide) => {
      const rendered = renderSlide(slide, markdown, options)
      if (!links) return rendered
      return { ...rendered, html: remapSlideLinks(rendered.html, links), notesHtml: remapSlideLinks(rendered.notesHtml, links) }
    }),
  }))
  numberParts(stacks.flatMap((s) => s.slides))
  return { meta: { ...deck.meta, lang }, stacks }
}

/** The class of a section divider: the layouts CSS shows its part number, `data-part`. */
export const SECTION_DIVIDER_CLASS = 'section-title'

/**
 * Numbers the section dividers (`class="section-title"`) in deck order, "01", "02"..., in `data-part`
 * (unless the slide gives its own) and in a first paragraph `.diapo-part` that shows it. Done at build
 * time rather than with a CSS counter, so a divider keeps its number when printed alone (the handout's
 * frames, a part of slides.pdf), and the number is text like any other (PDF text, `diapo check`).
 */
export function numberParts(slides: RenderedSlide[]): void {
  let part = 0
  for (const slide of slides) {
    if (!hasClass(slide.attributes, SECTION_DIVIDER_CLASS)) continue
    part++
    slide.attributes['data-part'] ??= String(part).padStart(2, '0')
    slide.html = `<p class="diapo-part" aria-hidden="true">${escapeHtml(slide.attributes['data-part'])}</p>\n${slide.html}`
  }
}

/** Whether a slide's attributes give it a class. */
export function hasClass(attributes: Record<string, string>, name: string): boolean {
  return (attributes.class ?? '').split(/\s+/).includes(name)
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

/**
 * The file line where `text` first appears in a slide (its content, then its notes, then its attendees'
 * text), else `otherwise` (the slide's first line). Lines written by a template (a `{{#each}}` loop) are found at the
 * line of the template that wrote them (`Slide.lines`). `text` may be written in the Markdown with HTML
 * entities (`&#233;`) or percent-escapes.
 */
export function lineOfText(slide: Slide, text: string, otherwise = slide.loc.line): number {
  if (!text) return otherwise
  const decoded = safeDecode(text)
  const find = (part: string): number =>
    part.split('\n').findIndex((line) => line.includes(text) || line.includes(decoded) || decodeHtmlEntities(line).includes(text))
  const inBody = find(slide.markdown)
  if (inBody >= 0) return slide.lines?.[inBody] ?? slide.loc.line + inBody
  const inNotes = find(slide.notes)
  const notesLine = slide.notesTextLine ?? slide.notesLine
  if (inNotes >= 0 && notesLine !== undefined) return notesLine + inNotes
  const inHandout = find(slide.handout ?? '')
  const handoutLine = slide.handoutTextLine ?? slide.handoutLine
  if (inHandout >= 0 && handoutLine !== undefined) return handoutLine + inHandout
  return otherwise
}

// --- internal ---

/** marked recurses once a level of nesting: thousands of `>` or list levels exhaust the stack. */
function renderLocated(
  markdown: ReturnType<typeof createMarkdownRenderer>,
  text: string,
  loc: SourceLocation,
  lineOf = (i: number) => loc.line + i,
): ReturnType<ReturnType<typeof createMarkdownRenderer>> {
  // Nor does it slow down gracefully: each line under a 1,000-deep quote costs seconds (marked re-reads
  // the rest at every level), so a deck could hang its build. Like markdown-it (maxNesting 100), refuse it.
  const fences = findFences(text)
  let offset = 0
  const deep = text.split('\n').findIndex((line) => {
    const start = offset
    offset += line.length + 1
    return nestingOf(line) > MAX_NESTING && !fences.some(([from, to]) => start > from && start < to)
  })
  if (deep !== -1) {
    throw new DeckError(t('markdown.tooDeep', { max: MAX_NESTING }), 'E_MARKDOWN', {
      loc: { ...loc, line: lineOf(deep) },
      hint: t('markdown.tooDeepHint'),
    })
  }
  try {
    return markdown(text)
  } catch (cause) {
    if (!(cause instanceof RangeError)) throw cause
    throw new DeckError(t('markdown.tooDeepSlide'), 'E_MARKDOWN', {
      loc,
      hint: t('markdown.tooDeepHint'),
      cause,
    })
  }
}

const MAX_NESTING = 100
const RE_NESTING_PREFIX = /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t])))+/

/** How many quotes or lists a line opens at its start, its indentation counted as a level every two columns. */
function nestingOf(line: string): number {
  const prefix = RE_NESTING_PREFIX.exec(line)?.[0] ?? /^[ \t]*/.exec(line)![0]
  const markers = prefix
    .replace(/[ \t]+/g, ' ')
    .replace(/\d{1,9}[.)]/g, '-')
    .replace(/ /g, '').length
  return markers + Math.floor(/^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length / 2)
}

function renderSlide(slide: Slide, markdown: ReturnType<typeof createMarkdownRenderer>, options: RenderOptions): RenderedSlide {
  const body = renderLocated(markdown, slide.markdown, slide.loc, (i) => slide.lines?.[i] ?? slide.loc.line + i)
  const notes = slide.notes
    ? renderLocated(markdown, slide.notes, slide.loc, (i) => (slide.notesTextLine ?? slide.loc.line) + i)
    : { html: '', links: [] }
  const handout = slide.handout
    ? renderLocated(markdown, slide.handout, slide.loc, (i) => (slide.handoutTextLine ?? slide.loc.line) + i)
    : { html: '', links: [] }
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
  // What is inside an HTML comment is never shown: its images are neither required nor copied.
  const localizeMedia = (htmlText: string, lineOf: (src: string) => number): string =>
    outsideComments(htmlText, (part) =>
      part
        .replace(
          RE_MEDIA_SRC,
          (_, head: string, quote: string, src: string) =>
            `${head}${quote}${escapeAttribute(localize(decodeHtmlEntities(src), lineOf))}${quote}`,
        )
        .replace(RE_BACKGROUND_ATTRIBUTE, (_, head: string, name: string, quote: string, value: string) => {
          const localized = localizeBackground(name, decodeHtmlEntities(value), (src) => localize(src, lineOf))
          return `${head}${quote}${escapeAttribute(localized)}${quote}`
        })
        .replace(RE_STYLE_ATTRIBUTE, (_, head: string, quote: string, style: string) => {
          const css = style.replace(
            RE_CSS_URL,
            (__, q: string, url: string) => `url(${q}${escapeAttribute(localize(decodeHtmlEntities(url), lineOf))}${q})`,
          )
          return `${head}${quote}${css}${quote}`
        }),
    )
  refuseSwallowers(slide, body.html, notes.html, handout.html)
  const html = localizeMedia(applyElementAttributes(body.html), (src) => lineOfText(slide, src))
  // Images in the notes are shown in the speaker view: copied and checked like the slide's own.
  const notesHtml = localizeMedia(notes.html, () => slide.notesLine ?? slide.loc.line)
  const handoutHtml = localizeMedia(handout.html, () => slide.handoutLine ?? slide.loc.line)
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
    handoutHtml,
    attributes,
    assets,
    links: [...body.links, ...notes.links, ...handout.links],
  }
}
/**
 * A background attribute's local files, given their output paths: an image, a video (a comma-separated
 * list of sources), an iframe's page; `data-background` only when reveal.js reads it as an image.
 */
function localizeBackground(name: string, value: string, localize: (src: string) => string): string {
  if (name === 'data-background' && !RE_BACKGROUND_IMAGE.test(value)) return value
  if (name === 'data-background-video')
    return value
      .split(',')
      .map((src) => localize(src.trim()))
      .join(',')
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

/** A slide whose HTML would swallow the rest of the page (see `findSwallower`) is refused at the line of the culprit. */
function refuseSwallowers(slide: Slide, html: string, notesHtml: string, handoutHtml: string): void {
  const parts = [
    { where: 'slide', html, markdown: slide.markdown, line: (i: number) => slide.lines?.[i] ?? slide.loc.line + i },
    { where: 'notes', html: notesHtml, markdown: slide.notes, line: (i: number) => (slide.notesTextLine ?? slide.loc.line) + i },
    {
      where: 'handout',
      html: handoutHtml,
      markdown: slide.handout ?? '',
      line: (i: number) => (slide.handoutTextLine ?? slide.loc.line) + i,
    },
  ] as const
  for (const part of parts) {
    const swallower = findSwallower(part.html)
    if (!swallower) continue
    let { message, hint } = describeSwallower(swallower, part.where)
    if (part.where === 'slide' && swallower.opening === '<!--' && slide.notesLine !== undefined && slide.notes.includes('-->')) {
      message = t('markdown.commentPastNotes', { line: slide.notesLine })
      hint = t('markdown.commentPastNotesHint', { line: slide.notesLine })
    }
    throw new DeckError(message, 'E_MARKDOWN', {
      loc: { file: slide.loc.file, line: part.line(swallowerLine(part.markdown, swallower)) },
      hint,
    })
  }
}

function safeDecode(src: string): string {
  try {
    return decodeURI(src)
  } catch {
    return src
  }
}
